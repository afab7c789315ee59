"""Signal subscribers of the joint review: submission e-mails and co-author rights on publish."""

from wagtail.models import TaskState
from wagtail.signals import page_published, task_submitted

from review.notifications import GroupLeadsSubmissionNotifier

submission_notifier = GroupLeadsSubmissionNotifier()


def page_published_handler(sender, instance, revision=None, **kwargs):
    # A paper published outside the editor (workflow approval, scheduler, demo) may carry
    # a new co-author list; the edit-view hooks cover drafts.
    from review.services import paper_coauthors_sync
    from workgroups.models import PositionPaperPage

    if isinstance(instance, PositionPaperPage):
        # Publishing the latest revision: the published page is that revision's content
        # (no second deserialisation of it).
        is_latest = revision is not None and instance.latest_revision_id == revision.pk
        paper_coauthors_sync(paper=instance, latest=instance if is_latest else None)


def connect() -> None:
    task_submitted.connect(
        submission_notifier, sender=TaskState, dispatch_uid="review_group_leads_submitted"
    )
    page_published.connect(page_published_handler, dispatch_uid="review_coauthors_on_publish")
