"""Signed tokens of the links in alert e-mails: confirm, unsubscribe one, manage all of an address."""

from django.core import signing

CONFIRM_SALT = "alerts.confirm"
UNSUBSCRIBE_SALT = "alerts.unsubscribe"
MANAGE_SALT = "alerts.manage"
# A confirmation link is good as long as the unconfirmed subscription is kept.
CONFIRM_MAX_AGE = 7 * 24 * 3600
# Every alert carries a fresh management link; an old one stops working after this.
MANAGE_MAX_AGE = 90 * 24 * 3600


def confirm_token(*, subscription_id: int) -> str:
    return signing.dumps(subscription_id, salt=CONFIRM_SALT, compress=True)


def unsubscribe_token(*, subscription_id: int) -> str:
    return signing.dumps(subscription_id, salt=UNSUBSCRIBE_SALT, compress=True)


def manage_token(*, email: str) -> str:
    return signing.dumps(email, salt=MANAGE_SALT, compress=True)


def token_read(token: str, *, salt: str, max_age: int | None = None):
    """The signed value, or None for a forged, damaged or expired token."""
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
