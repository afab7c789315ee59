"""Alert e-mails as the SMTP server receives them: German HTML and text, RFC 8058 headers."""

import re

from django.conf import settings
from django.test import override_settings

from alerts.models import Subscription
from alerts.tokens import MANAGE_SALT, UNSUBSCRIBE_SALT, token_read
from tests.factories import PositionPaperPageFactory

SITE = "https://www.verband.example"
API = "https://api.verband.example"


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
        "Neuigkeit zu „Arbeitskreis Software“: Digitale Verwaltung in Sachsen"
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


@override_settings(FRONTEND_URL=SITE, PUBLIC_BACKEND_URL=API)
def test_the_alert_mail_in_full(world, subscribe, mailbox, committed):
    subscribe("redaktion@zeitung.example", {"working_group": "software"})
    mailbox.clear()
    with committed():
        PositionPaperPageFactory(
            parent=world.software,
            title="Digitale Verwaltung in Sachsen",
            slug="digitale-verwaltung",
            summary="Was die Verwaltung jetzt braucht.",
        )
    (alert,) = mailbox.messages
    subscription = Subscription.objects.get()
    # The signed tokens carry their time: read them, check what they name, then compare all.
    [one_click] = re.findall(r"/unsubscribe/([^/]+)/>", alert.header("List-Unsubscribe"))
    [unsubscribe] = re.findall(r"/abmelden/\?token=(\S+)", alert.text())
    [manage] = re.findall(r"/verwalten/\?token=(\S+)", alert.text())
    assert token_read(one_click, salt=UNSUBSCRIBE_SALT) == subscription.pk
    assert token_read(unsubscribe, salt=UNSUBSCRIBE_SALT) == subscription.pk
    assert token_read(manage, salt=MANAGE_SALT) == "redaktion@zeitung.example"

    assert alert.envelope_from == "redaktion@sprachrohr.example"
    assert alert.envelope_to == ["redaktion@zeitung.example"]
    headers = {name: value.strip() for name, value in alert.message.items()}
    assert re.fullmatch(r'multipart/alternative; boundary="=+\d+=="', headers.pop("Content-Type"))
    assert re.fullmatch(r"<[^<>@\s]+@[^<>@\s]+>", headers.pop("Message-ID"))
    assert re.fullmatch(r"\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d [-+]\d{4}", headers.pop("Date"))
    assert headers == {
        "MIME-Version": "1.0",
        "Subject": ("Neuigkeit zu „Arbeitskreis Software“: Digitale Verwaltung in Sachsen"),
        "From": "Sprachrohr <redaktion@sprachrohr.example>",
        "To": "redaktion@zeitung.example",
        "List-Unsubscribe": f"<{API}/api/v1/subscriptions/unsubscribe/{one_click}/>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    parts = [part.get_content_type() for part in alert.message.iter_parts()]
    assert parts == ["text/plain", "text/html"]
    assert {part.get_content_charset() for part in alert.message.iter_parts()} == {"utf-8"}

    paper_url = f"{SITE}/arbeitskreise/software/digitale-verwaltung/"
    unsubscribe_url = f"{SITE}/benachrichtigungen/abmelden/?token={unsubscribe}"
    manage_url = f"{SITE}/benachrichtigungen/verwalten/?token={manage}"
    topic = "„Arbeitskreis Software“"
    assert alert.text().replace("\r\n", "\n") == (
        f"Zu {topic} gibt es Neues:\n"
        "\n"
        "* Digitale Verwaltung in Sachsen\n"
        "  Neu veröffentlicht (Version 1.0).\n"
        "  Was die Verwaltung jetzt braucht.\n"
        f"  {paper_url}\n"
        "\n"
        "--\n"
        f"Sie erhalten diese E-Mail, weil Sie Benachrichtigungen zu {topic} bestellt haben.\n"
        f"Abmelden (ein Klick): {unsubscribe_url}\n"
        f"Alle Benachrichtigungen dieser Adresse verwalten oder löschen: {manage_url}\n"
        "\n"
    )
    assert alert.html().replace("\r\n", "\n") == (
        "<!doctype html>\n"
        '<html lang="de">\n'
        '<head><meta charset="utf-8">'
        f"<title>Zu {topic} gibt es Neues:</title></head>\n"
        '<body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a;">\n'
        f"<p>Zu {topic} gibt es Neues:</p>\n"
        "<ul>\n"
        f'<li><a href="{paper_url}">Digitale Verwaltung in Sachsen</a>'
        "<br>Neu veröffentlicht (Version 1.0).<br>Was die Verwaltung jetzt braucht.</li>\n"
        "</ul>\n"
        "<hr>\n"
        '<p style="font-size: 0.9em;">Sie erhalten diese E-Mail, weil Sie Benachrichtigungen '
        f"zu {topic} bestellt haben.<br>\n"
        f'<a href="{unsubscribe_url}">Abmelden</a> · <a href="{manage_url}">'
        "Alle Benachrichtigungen dieser Adresse verwalten oder löschen</a></p>\n"
        "</body>\n"
        "</html>\n"
    )
