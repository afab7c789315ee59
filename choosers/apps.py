"""App config of the admin's choosers and list columns."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChoosersConfig(AppConfig):
    """Searchable choosers for co-authors, Regelungsvorhaben, addressees and companies."""

    name = "choosers"
    verbose_name = _("Auswahlhilfen")
