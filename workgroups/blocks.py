"""StreamField blocks of position papers: the structured demand ("Forderung") and the body."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from cms.blocks import TextStreamBlock


class DemandBlock(blocks.StructBlock):
    """A demand: which article it concerns, what it says today, what should change and why."""

    reference = blocks.CharBlock(
        label=_("Artikel / Paragraf"),
        required=False,
        max_length=120,
        help_text=_("z. B. „§ 32 Abs. 1 BSIG-E“ oder „Art. 14 KI-VO“"),
    )
    current_wording = blocks.TextBlock(label=_("Geltende bzw. geplante Fassung"), required=False)
    proposed_change = blocks.TextBlock(label=_("Unser Änderungsvorschlag / Forderung"))
    rationale = blocks.TextBlock(label=_("Begründung"), required=False)

    class Meta:
        icon = "pick"
        label = _("Forderung")


class PaperBodyBlock(TextStreamBlock):
    """The body of a position paper: text blocks plus structured demands."""

    demand = DemandBlock()
