"""Admin wiring of the joint review: co-author rights follow every save in the editor."""

from django.contrib import messages
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.admin.utils import get_user_display_name
from wagtail.log_actions import LogFormatter

from review.selectors import page_changes_requested
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


class SubmitForReviewMenuItem(SubmitForModerationMenuItem):
    """The submit action in plain words instead of "Submit to <workflow name>"."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        state = context["page"].current_workflow_state if context.get("page") else None
        needs_changes = state is not None and state.status == state.STATUS_NEEDS_CHANGES
        context["label"] = (
            _("Erneut zur Prüfung einreichen") if needs_changes else _("Zur Prüfung einreichen")
        )
        return context


@hooks.register("construct_page_action_menu")
def plain_submit_action(menu_items, request, context):
    for position, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            menu_items[position] = SubmitForReviewMenuItem(order=item.order)


@hooks.register("before_edit_page")
def show_requested_changes(request, page):
    # The reason otherwise hides in the status panel's dialog; the author needs it on opening.
    if request.method != "GET":
        return
    task_state = page_changes_requested(page=page)
    if task_state is None:
        return
    reviewer = get_user_display_name(task_state.finished_by) if task_state.finished_by else ""
    if task_state.comment:
        text = gettext_now("Änderungen angefordert von %(reviewer)s: „%(reason)s“") % {
            "reviewer": reviewer,
            "reason": task_state.comment,
        }
    else:
        text = gettext_now("Änderungen angefordert von %(reviewer)s.") % {"reviewer": reviewer}
    messages.warning(request, text)
