"""The admin login form with German labels (Wagtail's leaves "Password" untranslated)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class AssociationLoginForm(LoginForm):
    """Wagtail's login form, labelled in German."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Benutzername")
        self.fields["password"].label = _("Passwort")
        self.fields["password"].widget.attrs["placeholder"] = _("Passwort eingeben")
