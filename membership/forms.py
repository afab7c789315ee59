"""Forms of the membership app: inviting a colleague and accepting an invitation."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.widgets import AdminSnippetChooser

from workgroups.models import Organisation


class InvitationForm(forms.Form):
    """A lead invites a colleague of a member company by e-mail."""

    email = forms.EmailField(label=_("E-Mail-Adresse"))
    organisation = forms.ModelChoiceField(
        label=_("Mitgliedsunternehmen"),
        queryset=Organisation.objects.order_by("name"),
        empty_label=_("Bitte wählen"),
        # Searchable (Wagtail's snippet chooser), not a select of some sixty companies.
        widget=AdminSnippetChooser(Organisation),
    )


class InvitationAcceptForm(forms.Form):
    """The invitee's name and password."""

    first_name = forms.CharField(label=_("Vorname"), max_length=150)
    last_name = forms.CharField(label=_("Nachname"), max_length=150)
    password1 = forms.CharField(
        label=_("Passwort"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Mindestens acht Zeichen, nicht nur Ziffern."),
    )
    password2 = forms.CharField(
        label=_("Passwort wiederholen"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password1") and cleaned.get("password1") != cleaned.get("password2"):
            self.add_error("password2", _("Die beiden Passwörter stimmen nicht überein."))
        return cleaned
