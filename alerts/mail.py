"""Composing alert e-mails: German HTML and plain text, unsubscribe headers (RFC 8058)."""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from alerts.models import Subscription
from alerts.tokens import confirm_token, manage_token, unsubscribe_token


@dataclass
class MailItem:
    """One announced paper (or deadline) in an alert."""

    title: str
    url: str
    note: str
    summary: str = ""


def frontend_link(path: str, token: str) -> str:
    return f"{settings.FRONTEND_URL}{path}?token={token}"


def unsubscribe_url(subscription: Subscription) -> str:
    """The one-click address (RFC 8058): a POST there unsubscribes, without session or form."""
    token = unsubscribe_token(subscription_id=subscription.pk)
    path = reverse("alerts-api:unsubscribe", kwargs={"token": token})
    return f"{settings.PUBLIC_BACKEND_URL}{path}"


def _send(*, to: str, subject: str, template: str, context: dict, headers: dict) -> None:
    with translation.override("de"):
        context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
        text = render_to_string(f"alerts/mail/{template}.txt", context)
        html = render_to_string(f"alerts/mail/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[to], headers=headers
    )
    message.attach_alternative(html, "text/html")
    message.send()


def confirmation_send(*, subscription: Subscription, topic: str) -> None:
    """The double opt-in mail: one link confirms, nothing happens without it."""
    token = confirm_token(subscription_id=subscription.pk)
    _send(
        to=subscription.email,
        subject=translation.gettext("Bitte bestätigen: Benachrichtigung zu %(topic)s")
        % {"topic": topic},
        template="confirm",
        context={
            "topic": topic,
            "frequency": subscription.get_frequency_display(),
            "confirm_url": frontend_link("/benachrichtigungen/bestaetigen/", token),
        },
        headers={},
    )


def alert_send(
    *, subscription: Subscription, subject: str, intro: str, items: list[MailItem], topic: str
) -> None:
    """An alert or digest, with the unsubscribe and manage links in body and headers."""
    one_click = unsubscribe_url(subscription)
    _send(
        to=subscription.email,
        subject=subject,
        template="alert",
        context={
            "intro": intro,
            "items": items,
            "topic": topic,
            "unsubscribe_url": frontend_link(
                "/benachrichtigungen/abmelden/", unsubscribe_token(subscription_id=subscription.pk)
            ),
            "manage_url": frontend_link(
                "/benachrichtigungen/verwalten/", manage_token(email=subscription.email)
            ),
        },
        headers={
            "List-Unsubscribe": f"<{one_click}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
