"""The membership app: invitations, member administration and private calendar feeds."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembershipConfig(AppConfig):
    """Invitations, members of the working groups and their calendar tokens."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "membership"
    verbose_name = _("Mitgliedschaft")
