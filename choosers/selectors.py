"""What the choosers offer: only objects everybody may see, never another group's draft."""

from django.db.models import QuerySet

from workgroups.models import WorkingGroupPage
from workgroups.selectors import public_scope


def co_author_groups_choosable(*, exclude_id: int | None = None) -> QuerySet[WorkingGroupPage]:
    """Working groups a paper may name as co-authors: the public ones, minus the paper's own.

    An ``id__in`` filter, so Wagtail's search backend can apply it to the chooser's search;
    the titles are the live ones (a pending draft title of a group never shows).
    """
    public = WorkingGroupPage.objects.filter(public_scope().q())
    if exclude_id is not None:
        public = public.exclude(pk=exclude_id)
    return WorkingGroupPage.objects.filter(id__in=public.values("pk")).order_by("title")
