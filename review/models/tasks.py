"""The first review step: a workflow task that every authoring working group's lead approves."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Task


class GroupLeadsApprovalTask(Task):
    """A workflow step that completes once the lead of every authoring working group approved."""

    # The reviewers are not configured on the task: they follow from the page under review
    # (its working group and the co-authoring groups of the revision submitted).

    def user_can_access_editor(self, obj, user):
        from review.selectors import review_groups_led_by

        return user.is_superuser or bool(review_groups_led_by(page=obj, user=user))

    def locked_for_user(self, obj, user):
        return not self.user_can_access_editor(obj, user)

    def user_can_lock(self, obj, user):
        return self.user_can_access_editor(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        from review.selectors import review_groups_pending_for

        task_state = obj.current_workflow_task_state
        if task_state is None or not review_groups_pending_for(task_state=task_state, user=user):
            return []
        return [
            ("reject", _("Änderungen anfordern"), True),
            ("approve", _("Freigeben"), False),
            ("approve", _("Mit Kommentar freigeben"), True),
        ]

    def on_action(self, task_state, user, action_name, **kwargs):
        from review.services import group_lead_approve

        if action_name == "approve":
            group_lead_approve(task_state=task_state, user=user, comment=kwargs.get("comment", ""))
        elif action_name == "reject":
            task_state.reject(user=user, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        from review.selectors import review_task_states_for_lead

        return review_task_states_for_lead(task=self, user=user)

    @classmethod
    def get_description(cls):
        return _(
            "Die Leitung jedes verfassenden Arbeitskreises gibt frei; der Schritt ist "
            "abgeschlossen, wenn alle Leitungen freigegeben haben."
        )

    class Meta:
        verbose_name = _("Freigabe durch die Arbeitskreisleitungen")
        verbose_name_plural = _("Freigaben durch die Arbeitskreisleitungen")
