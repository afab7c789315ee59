"""Signal receivers: publish-side Wagtail events and snippet changes hand off to services."""

from django.core.management import call_command
from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver
from taggit.models import Tag
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from workgroups.models import Addressee, Organisation, RegulatoryProject
from workgroups.services.publication import publication_changed, publication_page_changed

SNIPPET_TAGS = {
    Organisation: ("organisations", "working-groups", "papers"),
    Addressee: ("addressees", "papers"),
    RegulatoryProject: ("regulatory-projects", "papers"),
}


@receiver(page_published)
@receiver(page_unpublished)
def page_publication_changed(sender, instance, **kwargs):
    publication_page_changed(page=instance)


@receiver(post_page_move)
def page_moved(sender, instance, url_path_before=None, **kwargs):
    publication_page_changed(page=instance, old_url_path=url_path_before, with_descendants=True)


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    # Multi-table inheritance sends one signal per table; the base Page row is enough.
    if sender is Page:
        publication_page_changed(page=instance)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def page_privacy_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        publication_page_changed(page=page, with_descendants=True)
    else:
        publication_changed(tags=["api"])


@receiver(post_save, sender=CollectionViewRestriction)
@receiver(post_delete, sender=CollectionViewRestriction)
@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_save, sender=Tag)
@receiver(post_delete, sender=Tag)
def public_scope_changed(sender, instance, **kwargs):
    publication_changed(paths=["/"], tags=["api"])


@receiver(post_save, sender=Organisation)
@receiver(post_delete, sender=Organisation)
@receiver(post_save, sender=Addressee)
@receiver(post_delete, sender=Addressee)
@receiver(post_save, sender=RegulatoryProject)
@receiver(post_delete, sender=RegulatoryProject)
def snippet_changed(sender, instance, **kwargs):
    publication_changed(tags=SNIPPET_TAGS[sender])


def cache_table_ensure(sender, using="default", verbosity=0, **kwargs):
    # The shared database cache needs its table; createcachetable is idempotent.
    call_command("createcachetable", database=using, verbosity=0)


def connect(app_config) -> None:
    post_migrate.connect(cache_table_ensure, sender=app_config)
