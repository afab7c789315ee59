"""The subscription API: 202 without enumeration, honeypot, throttles, 400s, confirm, manage."""

import pytest

from alerts.models import Subscription
from tests.alerts.conftest import CONFIRM_URL, SUBSCRIBE_URL, token_in
from tests.factories import PositionPaperPageFactory
from tests.services.common import free_port

EMAIL = "presse@example.org"


def post(client, body, **extra):
    return client.post(SUBSCRIBE_URL, body, "application/json", **extra)


def test_same_answer_for_known_and_unknown_addresses(world, client, subscribe, mailbox, committed):
    subscribe("bekannt@example.org", {"tag": "cloud"})
    mailbox.clear()
    with committed():
        known = post(
            client, {"email": "Bekannt@EXAMPLE.org ", "tag": "cloud", "frequency": "sofort"}
        )
        unknown = post(client, {"email": "neu@example.org", "tag": "cloud", "frequency": "sofort"})
    assert known.status_code == unknown.status_code == 202
    assert known.json() == unknown.json()
    # The confirmed address (normalised) gets no second mail; the new one its confirmation.
    assert [m.envelope_to for m in mailbox.messages] == [["neu@example.org"]]


def test_one_confirmation_mail_per_address_and_topic(world, client, mailbox, committed):
    body = {"email": EMAIL, "working_group": "software", "frequency": "täglich"}
    with committed():
        assert post(client, body).status_code == 202
        assert post(client, body).status_code == 202
    assert len(mailbox.to(EMAIL)) == 1
    assert Subscription.objects.count() == 1


def test_confirmation_mail_is_german_and_stores_only_address_topic_and_consent(
    world, client, mailbox, committed
):
    with committed():
        post(client, {"email": EMAIL, "paper": "cloud-strategie", "frequency": "sofort"})
    (mail,) = mailbox.to(EMAIL)
    assert mail.subject.strip().startswith("Bitte bestätigen")
    assert "Cloud-Strategie für den Mittelstand" in mail.text()
    assert "Benachrichtigung bestätigen" in mail.html()
    row = Subscription.objects.values().get()
    assert set(row) == {
        "id", "email", "kind", "value", "frequency", "consented_at", "consent_text", "confirmed_at"
    }  # fmt: skip
    assert row["confirmed_at"] is None
    assert "Einwilligung" in row["consent_text"]


def test_confirm_link_is_single_use(world, client, mailbox, committed):
    with committed():
        post(client, {"email": EMAIL, "tag": "cloud", "frequency": "sofort"})
    token = token_in(mailbox.to(EMAIL)[0].text())
    first = client.post(CONFIRM_URL, {"token": token}, "application/json")
    assert first.status_code == 200
    assert first.json() == {
        "topic": "Schlagwort „Cloud“",
        "frequency": {"value": "sofort", "label": "sofort"},
    }
    again = client.post(CONFIRM_URL, {"token": token}, "application/json")
    assert again.status_code == 404
    assert again["Content-Type"] == "application/problem+json"
    forged = client.post(CONFIRM_URL, {"token": token[:-2] + "xx"}, "application/json")
    assert forged.status_code == 404


def test_honeypot_is_answered_like_a_person_but_nothing_happens(world, client, mailbox, committed):
    with committed():
        response = post(
            client,
            {"email": EMAIL, "tag": "cloud", "frequency": "sofort", "website": "http://spam"},
        )
    assert response.status_code == 202
    assert mailbox.messages == []
    assert not Subscription.objects.exists()


@pytest.mark.parametrize(
    "body, parameter",
    [
        ({"email": EMAIL, "frequency": "sofort"}, "topic"),
        ({"email": EMAIL, "tag": "cloud", "paper": "cloud-strategie", "frequency": "sofort"}, "topic"),
        ({"email": "kein-at-zeichen", "tag": "cloud", "frequency": "sofort"}, "email"),
        ({"email": EMAIL, "tag": "cloud", "frequency": "stündlich"}, "frequency"),
        ({"email": EMAIL, "tag": "cloud", "frequency": "sofort", "name": "X"}, "name"),
        ({"email": EMAIL, "tag": "gibt-es-nicht", "frequency": "sofort"}, "tag"),
        ({"email": EMAIL, "working_group": "../x", "frequency": "sofort"}, "working_group"),
        ({"email": EMAIL, "query": {"q": "x" * 201}, "frequency": "sofort"}, "query.q"),
        ({"email": EMAIL, "query": {"paper_type": "roman"}, "frequency": "sofort"}, "query.paper_type"),
    ],
)  # fmt: skip
def test_bad_input_is_a_400_problem(world, client, mailbox, body, parameter):
    response = post(client, body)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert parameter in [error["parameter"] for error in response.json()["errors"]]
    assert mailbox.messages == []
    assert not Subscription.objects.exists()


def test_a_draft_paper_is_refused_like_an_unknown_one(world, client):
    PositionPaperPageFactory(parent=world.software, slug="entwurf", publish=False)
    draft = post(client, {"email": EMAIL, "paper": "entwurf", "frequency": "sofort"})
    unknown = post(client, {"email": EMAIL, "paper": "unbekannt", "frequency": "sofort"})
    assert draft.status_code == unknown.status_code == 400
    assert draft.json()["errors"] == unknown.json()["errors"]


def test_not_json_is_a_400_and_get_a_405(world, client):
    assert client.post(SUBSCRIBE_URL, "{kaputt", "application/json").status_code == 400
    response = client.get(SUBSCRIBE_URL)
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"


def test_client_throttle(world, client, settings, mailbox, committed):
    settings.ALERTS_CLIENT_RATE = "2/h"
    with committed():
        for number in range(2):
            body = {"email": f"a{number}@example.org", "tag": "cloud", "frequency": "sofort"}
            assert post(client, body).status_code == 202
        third = post(client, {"email": "c@example.org", "tag": "cloud", "frequency": "sofort"})
    assert third.status_code == 429
    assert third["Content-Type"] == "application/problem+json"
    assert int(third["Retry-After"]) > 0
    assert len(mailbox.messages) == 2


def test_address_throttle_answers_202_but_sends_no_more(
    world, client, settings, mailbox, committed
):
    settings.ALERTS_ADDRESS_RATE = "1/h"
    with committed():
        first = post(client, {"email": EMAIL, "tag": "cloud", "frequency": "sofort"})
        second = post(client, {"email": EMAIL, "working_group": "software", "frequency": "sofort"})
    assert first.status_code == second.status_code == 202
    assert len(mailbox.to(EMAIL)) == 1


def test_manage_lists_and_deletes_one_and_all(world, client, subscribe, mailbox, committed):
    subscribe(EMAIL, {"tag": "cloud"})
    subscribe(EMAIL, {"working_group": "software"}, "wöchentlich")
    subscribe(EMAIL, {"query": {"q": "Rechenzentrum", "tag": ["cloud"]}}, "täglich")
    subscribe("andere@example.org", {"tag": "cloud"})
    mailbox.clear()
    with committed():
        PositionPaperPageFactory(parent=world.software, title="Neu", tags=["Cloud"])
    alert = mailbox.to(EMAIL)[0]
    manage = next(t for t in alert.text().split() if "/benachrichtigungen/verwalten/?" in t)
    token = token_in(manage)
    url = f"/api/v1/subscriptions/manage/{token}/"

    listed = client.get(url)
    assert listed.status_code == 200
    assert listed["Cache-Control"] == "no-store, private"
    overview = listed.json()
    assert overview["email"] == EMAIL
    assert [s["topic"] for s in overview["subscriptions"]] == [
        "Schlagwort „Cloud“",
        "„Arbeitskreis Software“",
        "Suche „Rechenzentrum“",
    ]
    first = overview["subscriptions"][0]["id"]
    other = Subscription.objects.get(email="andere@example.org").pk
    assert client.delete(f"{url}{other}/").status_code == 404  # not this address's
    after_one = client.delete(f"{url}{first}/")
    assert after_one.status_code == 200
    assert len(after_one.json()["subscriptions"]) == 2
    after_all = client.delete(url)
    assert after_all.json()["subscriptions"] == []
    assert list(Subscription.objects.values_list("email", flat=True)) == ["andere@example.org"]
    assert client.get("/api/v1/subscriptions/manage/verfaelscht/").status_code == 404


def test_unsubscribe_with_a_bad_token_is_a_404_problem(db, client):
    response = client.post("/api/v1/subscriptions/unsubscribe/verfaelscht/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_a_mail_server_that_is_down_still_gets_the_visitor_a_202(
    world, client, mailbox, settings, committed
):
    settings.EMAIL_PORT = free_port()  # nothing listens there
    with committed():
        response = post(client, {"email": EMAIL, "tag": "cloud", "frequency": "sofort"})
    assert response.status_code == 202
    assert mailbox.messages == []
