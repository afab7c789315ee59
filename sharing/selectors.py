"""Reads of share links: by token, per paper, their state, and who may manage them."""

import re
from enum import StrEnum

from django.conf import settings
from django.db.models import Count, Max, QuerySet
from django.utils import timezone

from cms.tokens import token_hash
from sharing.models import ShareLink
from workgroups.access.policy import user_is_editor
from workgroups.models import PositionPaperPage, WorkingGroupAccess

# What cms.tokens.token_new() produces; anything else is not looked up at all.
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{43}")


class ShareLinkState(StrEnum):
    """Whether a link still opens its draft."""

    ACTIVE = "active"
    EXPIRED = "expired"
    REVOKED = "revoked"


def share_link_get_by_token(*, token: str) -> ShareLink | None:
    """The link a token opens (whatever its state), or None for an unknown token."""
    if not TOKEN_PATTERN.fullmatch(token):
        return None
    return ShareLink.objects.select_related("paper").filter(token_hash=token_hash(token)).first()


def share_link_state(link: ShareLink, *, now=None) -> ShareLinkState:
    if link.revoked_at is not None:
        return ShareLinkState.REVOKED
    if link.expires_at <= (now or timezone.now()):
        return ShareLinkState.EXPIRED
    return ShareLinkState.ACTIVE


def share_link_list(*, paper: PositionPaperPage) -> QuerySet[ShareLink]:
    """A paper's links, newest first, with how often and when last they were opened."""
    return (
        ShareLink.objects.filter(paper=paper)
        .select_related("created_by", "revoked_by")
        .annotate(access_count=Count("accesses"), last_accessed_at=Max("accesses__accessed_at"))
    )


def paper_authoring_group_ids(*, paper: PositionPaperPage) -> set[int]:
    """The working groups that write the paper: the one it sits under and its co-authors."""
    parent = paper.get_parent()
    ids = {group.pk for group in paper.co_working_groups.all()}
    if parent is not None:
        ids.add(parent.pk)
    return ids


def share_link_can_manage(*, user, paper: PositionPaperPage) -> bool:
    """Editors, and the leads of the paper's authoring groups, may create and revoke links."""
    if user_is_editor(user):
        return True
    if not (user.is_authenticated and user.is_active):
        return False
    return WorkingGroupAccess.objects.filter(
        working_group_id__in=paper_authoring_group_ids(paper=paper),
        chairs__user=user,
    ).exists()


def share_link_url(*, token: str) -> str:
    """The frontend address the outsider opens."""
    return f"{settings.FRONTEND_URL.rstrip('/')}/vertraulich/{token}/"
