"""The admin form for a new share link (the rules themselves live in the service)."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sharing.services import MAX_VALID_DAYS

REQUIRED = {"required": _("Dieses Feld ist erforderlich.")}


class ShareLinkForm(forms.Form):
    """Who gets the link and through which day it works."""

    recipient_name = forms.CharField(label=_("Name"), max_length=200, error_messages=REQUIRED)
    recipient_organisation = forms.CharField(
        label=_("Organisation"), max_length=200, error_messages=REQUIRED
    )
    recipient_email = forms.EmailField(
        label=_("E-Mail"),
        error_messages={**REQUIRED, "invalid": _("Bitte eine gültige E-Mail-Adresse angeben.")},
    )
    valid_until = forms.DateField(
        label=_("Gültig bis einschließlich"),
        help_text=_("Höchstens %(days)s Tage; bei geplanter Veröffentlichung bis dahin.")
        % {"days": MAX_VALID_DAYS},
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        error_messages={**REQUIRED, "invalid": _("Bitte ein Datum angeben.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["valid_until"].initial = timezone.localdate() + dt.timedelta(days=14)
