"""Publish-side signals → index updates. Never model saves: saving a draft writes the page row."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from taggit.models import Tag
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from search.indexing import index_updates_enqueue, page_change_enqueue
from workgroups.models import Addressee, PaperTag, PositionPaperPage, RegulatoryProject


@receiver(page_published)
def page_published_index(sender, instance, **kwargs):
    page_change_enqueue(page=instance, event="published")


@receiver(page_unpublished)
def page_unpublished_index(sender, instance, **kwargs):
    page_change_enqueue(page=instance, event="unpublished")


@receiver(post_page_move)
def page_moved_index(sender, instance, **kwargs):
    # URLs of the page and everything below it changed; it may have entered or left a
    # private section.
    index_updates_enqueue(subtree_of=instance.pk)


@receiver(page_slug_changed)
def page_slug_changed_index(sender, instance, **kwargs):
    index_updates_enqueue(subtree_of=instance.pk)


@receiver(post_delete, sender=Page)
def page_deleted_index(sender, instance, **kwargs):
    # Deleting a page deletes its descendants, each with its own base-row signal.
    page_change_enqueue(page=instance, event="deleted")


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def view_restriction_changed_index(sender, instance, **kwargs):
    index_updates_enqueue(subtree_of=instance.page_id)


# Snippets have no drafts: saving one is publishing it. Papers carry their names (addressee,
# regulatory project, tag), so those papers are re-indexed.


def _papers_of(instance) -> list[int]:
    if isinstance(instance, Addressee):
        papers = PositionPaperPage.objects.filter(dispatches__addressee=instance)
    elif isinstance(instance, RegulatoryProject):
        papers = PositionPaperPage.objects.filter(regulatory_projects=instance)
    else:
        return list(
            PaperTag.objects.filter(tag=instance).values_list("content_object_id", flat=True)
        )
    return list(papers.values_list("pk", flat=True))


@receiver(post_save, sender=Addressee)
@receiver(post_save, sender=RegulatoryProject)
@receiver(post_save, sender=Tag)
def snippet_saved_index(sender, instance, created, **kwargs):
    if not created:
        index_updates_enqueue(page_ids=_papers_of(instance))


@receiver(pre_delete, sender=RegulatoryProject)
@receiver(pre_delete, sender=Tag)
def snippet_deleted_index(sender, instance, **kwargs):
    # The links are gone after the delete; remember the papers now, update after commit.
    page_ids = _papers_of(instance)
    if page_ids:
        transaction.on_commit(lambda: index_updates_enqueue(page_ids=page_ids))
