"""Page writes every service shares: publishing a page's current state through a revision."""

from wagtail.models import Page


def page_publish(*, page: Page, user=None, clean: bool = True) -> Page:
    """Publish the page as it is in memory, through a new revision, and reload it.

    Through a revision, so Wagtail's publish signals fire (the API cache, the frontend and
    the search index listen to them); setting ``live`` directly would bypass them.
    ``clean=False`` skips validating the revision once more when the caller has just
    validated the page (``add_child()`` does).
    """
    page.save_revision(user=user, clean=clean).publish(user=user)
    page.refresh_from_db()
    return page
