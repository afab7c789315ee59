"""E-mail to the leads of every authoring group when a paper reaches the first review step."""

from django.contrib.auth import get_user_model
from wagtail.admin.mail import BaseGroupApprovalTaskStateEmailNotifier

from review.models import GroupLeadsApprovalTask
from review.selectors import task_state_authoring_groups
from workgroups.models import WorkingGroupAccess


class GroupLeadsSubmissionNotifier(BaseGroupApprovalTaskStateEmailNotifier):
    """Tells each authoring group's lead that a paper awaits their approval."""

    notification = "submitted"

    def can_handle(self, instance, **kwargs):
        return isinstance(instance.task.specific, GroupLeadsApprovalTask)

    def get_recipient_users(self, task_state, **kwargs):
        groups = task_state_authoring_groups(task_state=task_state)
        chairs = WorkingGroupAccess.objects.filter(working_group__in=groups).values("chairs_id")
        recipients = get_user_model().objects.filter(groups__in=chairs, is_active=True)
        triggering_user = kwargs.get("user")
        if triggering_user is not None:
            recipients = recipients.exclude(pk=triggering_user.pk)
        return recipients.distinct()
