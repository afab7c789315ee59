"""Mail leaves through Django's SMTP backend and arrives at a real SMTP server intact."""

from django.core.mail import EmailMultiAlternatives


def test_german_mail_with_html_and_headers_arrives_through_smtp(mailbox):
    message = EmailMultiAlternatives(
        subject="Frist endet in 7 Tagen: Änderung des BSI-Gesetzes",
        body="Grüße aus der Geschäftsstelle – äöüß",
        from_email="Sprachrohr <redaktion@sprachrohr.example>",
        to=["büro@example.org".replace("ü", "ue")],
        headers={"List-Unsubscribe": "<https://sprachrohr.example/abmelden/abc>"},
    )
    message.attach_alternative("<p>Grüße aus der <b>Geschäftsstelle</b></p>", "text/html")
    assert message.send() == 1

    received = mailbox.messages
    assert len(received) == 1
    mail = received[0]
    assert mail.envelope_to == ["buero@example.org"]
    assert mail.subject == "Frist endet in 7 Tagen: Änderung des BSI-Gesetzes"
    assert "äöüß" in mail.text()
    assert "<b>Geschäftsstelle</b>" in mail.html()
    assert mail.header("List-Unsubscribe") == "<https://sprachrohr.example/abmelden/abc>"


def test_wait_for_reports_missing_mail_instead_of_hanging(mailbox):
    try:
        mailbox.wait_for(1, timeout=0.2)
    except AssertionError as exc:
        assert "0 statt 1" in str(exc)
    else:
        raise AssertionError("wait_for must fail when nothing arrives")
