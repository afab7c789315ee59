"""Alert e-mails as the SMTP server receives them: German HTML and text, RFC 8058 headers."""

from django.conf import settings

from alerts.models import Subscription
from tests.factories import PositionPaperPageFactory


def test_alert_has_html_text_and_one_click_headers(world, subscribe, mailbox, committed):
    subscribe("redaktion@zeitung.example", {"working_group": "software"})
    mailbox.clear()
    with committed():
        PositionPaperPageFactory(
            parent=world.software,
            title="Digitale Verwaltung in Sachsen",
            slug="digitale-verwaltung",
            summary="Was die Verwaltung jetzt braucht.",
        )
    (alert,) = mailbox.to("redaktion@zeitung.example")
    subscription = Subscription.objects.get()
    assert alert.subject.strip() == (
        "Neuigkeit zu Arbeitskreis „Arbeitskreis Software“: Digitale Verwaltung in Sachsen"
    )
    assert alert.header("List-Unsubscribe-Post") == "List-Unsubscribe=One-Click"
    assert (
        alert.header("List-Unsubscribe")
        .strip()
        .startswith(f"<{settings.PUBLIC_BACKEND_URL}/api/v1/subscriptions/unsubscribe/")
    )
    text, html = alert.text(), alert.html()
    assert "Neu veröffentlicht (Version 1.0)." in text
    assert "Was die Verwaltung jetzt braucht." in text
    assert "/benachrichtigungen/abmelden/?token=" in text
    assert "/benachrichtigungen/verwalten/?token=" in text
    assert '<html lang="de">' in html
    assert 'href="http://127.0.0.1:3000/arbeitskreise/software/digitale-verwaltung/"' in html
    assert subscription.email == "redaktion@zeitung.example"
    print(alert.raw.decode())  # the sample in the report (pytest -s)
