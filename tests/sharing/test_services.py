"""Creating and revoking share links: validation, the 30-day limit, go-live, who may."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from sharing.models import ShareLink
from sharing.selectors import ShareLinkState, share_link_get_by_token, share_link_state
from sharing.services import share_link_create, share_link_revoke
from tests.factories import PositionPaperPageFactory

pytestmark = pytest.mark.django_db


def _create(paper, user, **overrides):
    values = {
        "recipient_name": "Petra Presse",
        "recipient_organisation": "Leipziger Tageblatt",
        "recipient_email": "petra@example.org",
        "valid_until": timezone.localdate() + dt.timedelta(days=7),
        **overrides,
    }
    return share_link_create(paper=paper, user=user, **values)


def test_create_stores_only_a_hash_of_the_token(paper, editor):
    link, token = _create(paper, editor)
    assert len(token) == 43
    stored = ShareLink.objects.get(pk=link.pk)
    assert stored.token_hash != token
    assert token not in {str(v) for v in ShareLink.objects.values().get(pk=link.pk).values()}
    assert share_link_get_by_token(token=token) == link
    assert share_link_get_by_token(token=token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    # Valid through the named day (Europe/Berlin), i.e. until the next midnight there.
    assert timezone.localtime(stored.expires_at).time() == dt.time(0, 0)
    assert timezone.localtime(stored.expires_at).date() == timezone.localdate() + dt.timedelta(
        days=8
    )


def test_two_links_get_different_tokens(paper, editor):
    (_first, a), (_second, b) = _create(paper, editor), _create(paper, editor)
    assert a != b


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"valid_until": "far"}, "valid_until", "höchstens 30 Tage"),
        ({"valid_until": "past"}, "valid_until", "Vergangenheit"),
        ({"recipient_name": "  "}, "recipient_name", "erforderlich"),
        ({"recipient_organisation": ""}, "recipient_organisation", "erforderlich"),
        ({"recipient_email": "kein-at-zeichen"}, "recipient_email", "gültige E-Mail"),
    ],
)
def test_create_rejects_bad_input_in_german_and_saves_nothing(
    paper, editor, overrides, field, message
):
    today = timezone.localdate()
    if overrides.get("valid_until") == "far":
        overrides["valid_until"] = today + dt.timedelta(days=31)
    elif overrides.get("valid_until") == "past":
        overrides["valid_until"] = today - dt.timedelta(days=1)
    with pytest.raises(ValidationError) as caught:
        _create(paper, editor, **overrides)
    assert message in " ".join(caught.value.message_dict[field])
    assert not ShareLink.objects.exists()


def test_thirty_days_is_the_limit(paper, editor):
    link, _token = _create(paper, editor, valid_until=timezone.localdate() + dt.timedelta(days=30))
    assert link.expires_at - timezone.now() <= dt.timedelta(days=31)


def test_lead_of_the_authoring_group_may_create(paper, chair_software):
    link, _token = _create(paper, chair_software)
    assert link.created_by == chair_software


def test_lead_of_a_co_authoring_group_may_create(group_software, group_security, make_group):
    from tests.factories import UserFactory

    chair_security = UserFactory(
        username="leitung-sicherheit", groups=[group_security.access.chairs]
    )
    paper = PositionPaperPageFactory(
        parent=group_software, slug="gemeinsam", co_working_groups=[group_security]
    )
    link, _token = _create(paper, chair_security)
    assert link.paper == paper


@pytest.mark.parametrize("who", ["member_software", "member_security", "outsider"])
def test_others_may_not_create(paper, request, who):
    # A plain member of the own group, a member of another group, someone without a group.
    with pytest.raises(PermissionDenied):
        _create(paper, request.getfixturevalue(who))
    assert not ShareLink.objects.exists()


def test_lead_of_another_group_may_not_create_or_revoke(paper, group_security, editor):
    from tests.factories import UserFactory

    chair_security = UserFactory(
        username="leitung-sicherheit", groups=[group_security.access.chairs]
    )
    with pytest.raises(PermissionDenied):
        _create(paper, chair_security)
    link, _token = _create(paper, editor)
    with pytest.raises(PermissionDenied):
        share_link_revoke(link=link, user=chair_security)
    link.refresh_from_db()
    assert link.revoked_at is None


def test_expiry_and_revocation_change_the_state(paper, editor):
    link, _token = _create(paper, editor, valid_until=timezone.localdate())
    assert share_link_state(link) is ShareLinkState.ACTIVE
    assert share_link_state(link, now=link.expires_at) is ShareLinkState.EXPIRED
    share_link_revoke(link=link, user=editor)
    first = link.revoked_at
    assert share_link_state(link) is ShareLinkState.REVOKED
    share_link_revoke(link=link, user=editor)
    assert link.revoked_at == first


def test_scheduled_paper_can_be_shared_until_it_goes_live(group_software, editor):
    go_live = timezone.now() + dt.timedelta(days=5)
    paper = PositionPaperPageFactory(
        parent=group_software, slug="unter-sperrfrist", publish=False, go_live_at=go_live
    )
    paper.save_revision().publish()
    paper.refresh_from_db()
    assert not paper.live and paper.scheduled_revision is not None
    local_go_live = timezone.localdate(go_live)
    link, _token = _create(paper, editor, valid_until=local_go_live)
    # The link ends when the paper goes live, not at the end of that day.
    assert link.expires_at == go_live
    with pytest.raises(ValidationError) as caught:
        _create(paper, editor, valid_until=local_go_live + dt.timedelta(days=1))
    assert "veröffentlicht" in caught.value.message_dict["valid_until"][0]
