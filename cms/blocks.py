"""StreamField blocks shared by every page type that carries structured text."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError, StreamValue
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


class UnreadableStreamValue(StreamValue):
    """Submitted stream data the admin's own form cannot have sent; cleaning it is an error."""


class StrictStreamBlock(blocks.StreamBlock):
    """A StreamBlock whose malformed form data is a validation error instead of a 500.

    Wagtail reads the posted fields with ``data[...]`` and ``int(...)`` (a missing
    ``body-count`` is a KeyError, so is a broken table's JSON a ValueError further down) and
    silently drops blocks of an unknown type. Here the structure is checked first; whatever
    cannot be read becomes an empty value that ``clean()`` rejects, so nothing is saved.
    """

    def value_from_datadict(self, data, files, prefix):
        try:
            self._check_form_data(data, prefix)
            return super().value_from_datadict(data, files, prefix)
        except (KeyError, ValueError, TypeError):
            return UnreadableStreamValue(self, [])

    def _check_form_data(self, data, prefix) -> None:
        count = int(data[f"{prefix}-count"])
        if count < 0:
            raise ValueError(count)
        for index in range(count):
            if data[f"{prefix}-{index}-deleted"]:
                continue
            if data[f"{prefix}-{index}-type"] not in self.child_blocks:
                raise KeyError(data[f"{prefix}-{index}-type"])
            int(data[f"{prefix}-{index}-order"])

    def clean(self, value):
        if isinstance(value, UnreadableStreamValue):
            raise StreamBlockValidationError(
                non_block_errors=ErrorList(
                    [
                        ValidationError(
                            _(
                                "Der Inhalt konnte nicht gelesen werden. Bitte laden Sie die "
                                "Seite neu und geben Sie Ihre Änderungen erneut ein."
                            ),
                            code="unreadable",
                        )
                    ]
                )
            )
        return super().clean(value)


class TextStreamBlock(StrictStreamBlock):
    """The common text blocks; page bodies extend it with their own blocks."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    table = TableBlock()
    reference = ReferenceBlock()
