"""The one subscriber to publish-side signals: each hands off to workgroups/services/publication.py.

Only publish-side events count, never a model save: saving a draft writes the page row.
"""

from django.core.management import call_command
from django.db.models.signals import post_delete, post_migrate, post_save, pre_delete
from django.dispatch import receiver
from taggit.models import Tag
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from workgroups.models import Addressee, Organisation, RegulatoryProject
from workgroups.services import publication

SNIPPETS = (Organisation, Addressee, RegulatoryProject, Tag)


@receiver(page_published)
def page_published_handler(sender, instance, **kwargs):
    publication.publication_page_published(page=instance)


@receiver(page_unpublished)
def page_unpublished_handler(sender, instance, **kwargs):
    publication.publication_page_unpublished(page=instance)


@receiver(post_page_move)
@receiver(page_slug_changed)
def page_url_changed_handler(sender, instance, **kwargs):
    publication.publication_subtree_changed(page_id=instance.pk)


# Multi-table inheritance sends one delete signal per table; the base Page row is enough.
@receiver(pre_delete, sender=Page)
def page_deleting_handler(sender, instance, **kwargs):
    publication.publication_page_deleting(page=instance)


@receiver(post_delete, sender=Page)
def page_deleted_handler(sender, instance, **kwargs):
    publication.publication_page_deleted(page=instance)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def view_restriction_handler(sender, instance, **kwargs):
    publication.publication_subtree_changed(page_id=instance.page_id)


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def site_handler(sender, instance, **kwargs):
    publication.publication_scope_changed(reindex=True)


@receiver(post_save, sender=CollectionViewRestriction)
@receiver(post_delete, sender=CollectionViewRestriction)
def collection_restriction_handler(sender, instance, **kwargs):
    # PDF links in API answers depend on it; index documents do not.
    publication.publication_scope_changed()


# Snippets have no drafts: saving one is publishing it.
def snippet_saved_handler(sender, instance, created, **kwargs):
    publication.publication_snippet_saved(instance=instance, created=created)


def snippet_deleting_handler(sender, instance, **kwargs):
    # The links to papers are gone after the delete: remember the papers now.
    publication.publication_snippet_deleting(instance=instance)


def snippet_deleted_handler(sender, instance, **kwargs):
    publication.publication_snippet_deleted(instance=instance)


def cache_table_ensure(sender, using="default", verbosity=0, **kwargs):
    # The shared database cache needs its table; createcachetable is idempotent.
    call_command("createcachetable", database=using, verbosity=0)


def connect(app_config) -> None:
    for model in SNIPPETS:
        post_save.connect(snippet_saved_handler, sender=model)
        pre_delete.connect(snippet_deleting_handler, sender=model)
        post_delete.connect(snippet_deleted_handler, sender=model)
    post_migrate.connect(cache_table_ensure, sender=app_config)
