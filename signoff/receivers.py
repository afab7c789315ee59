"""Wagtail signals the sign-off follows: a round starts, a paper is published."""

from django.dispatch import receiver
from wagtail.signals import page_published, task_submitted

from signoff.models import SignoffTaskState
from signoff.services import paper_signatories_apply, signoff_round_open
from workgroups.models import PositionPaperPage


@receiver(task_submitted, sender=SignoffTaskState)
def signoff_round_started(sender, instance, **kwargs):
    signoff_round_open(task_state=instance)


@receiver(page_published, sender=PositionPaperPage)
def paper_published(sender, instance, revision=None, **kwargs):
    paper_signatories_apply(paper=instance, revision=revision)
