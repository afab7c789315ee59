"""StreamField blocks shared by every page type that carries structured text."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript"]


class HeadingBlock(blocks.StructBlock):
    """A section heading with a level, so the frontend renders a correct outline."""

    text = blocks.CharBlock(label=_("Überschrift"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Ebene"),
        choices=[("h2", _("Abschnitt (H2)")), ("h3", _("Unterabschnitt (H3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Überschrift")


class ParagraphBlock(blocks.RichTextBlock):
    """A paragraph of rich text with a small, safe feature set."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        kwargs.setdefault("label", _("Absatz"))
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"


class QuoteBlock(blocks.StructBlock):
    """A quotation with its source."""

    text = blocks.TextBlock(label=_("Zitat"))
    attribution = blocks.CharBlock(label=_("Quelle / Person"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Zitat")


class TableBlock(WagtailTableBlock):
    """A simple data table with an optional caption."""

    class Meta:
        icon = "table"
        label = _("Tabelle")


class ReferenceBlock(blocks.StructBlock):
    """A reference or footnote: label, citation text and an optional link."""

    label = blocks.CharBlock(label=_("Kennung"), max_length=20, help_text=_("z. B. 1 oder a"))
    text = blocks.TextBlock(label=_("Quellenangabe"))
    url = blocks.URLBlock(label=_("Link"), required=False)

    class Meta:
        icon = "link"
        label = _("Quelle / Fußnote")


class TextStreamBlock(blocks.StreamBlock):
    """The common text blocks; page bodies extend it with their own blocks."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    table = TableBlock()
    reference = ReferenceBlock()
