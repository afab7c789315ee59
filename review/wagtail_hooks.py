"""Admin wiring of the joint review: co-author rights follow every save in the editor."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from review.services import paper_coauthors_sync
from workgroups.models import PositionPaperPage


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def sync_coauthors_after_save(request, page):
    if isinstance(page.specific, PositionPaperPage):
        paper_coauthors_sync(paper=page.specific)


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    @actions.register_action("review.group_lead_approve")
    class GroupLeadApprovalFormatter(LogFormatter):
        label = _("Freigabe durch eine Arbeitskreisleitung")

        def format_message(self, log_entry):
            title = (log_entry.data.get("working_group") or {}).get("title", "")
            return _("Freigabe durch die Leitung von „%(group)s“") % {"group": title}

        def format_comment(self, log_entry):
            return log_entry.data.get("comment", "")
