"""Admin forms of the sign-off: a company's answer and a dispatch record."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput
from wagtail.snippets.widgets import AdminSnippetChooser

from signoff.models import Decision
from workgroups.models import Addressee, PaperDispatch


class SignoffAnswerForm(forms.Form):
    """Sign, abstain or object, with an optional comment."""

    decision = forms.ChoiceField(
        label=_("Ihre Antwort"),
        choices=Decision.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Bitte wählen Sie: mitzeichnen, enthalten oder widersprechen."),
            "invalid_choice": _("Bitte wählen Sie: mitzeichnen, enthalten oder widersprechen."),
        },
    )
    comment = forms.CharField(
        label=_("Anmerkung (freiwillig)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class DispatchForm(forms.ModelForm):
    """Addressee, date, channel and a note of one dispatch (the rules are in the service)."""

    class Meta:
        model = PaperDispatch
        fields = ["addressee", "sent_on", "channel", "note"]
        # The addressee is searched for in Wagtail's snippet chooser, not picked from a select.
        widgets = {"sent_on": AdminDateInput(), "addressee": AdminSnippetChooser(Addressee)}
