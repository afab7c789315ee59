"""The admin form for a draft's internal due date."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput


class PaperDeadlineForm(forms.Form):
    """An internal due date; left empty, the consultation deadline counts alone."""

    internal_due_date = forms.DateField(
        label=_("Interne Frist"),
        required=False,
        widget=AdminDateInput,
        help_text=_(
            "Ein Datum vor der Frist der Anhörung, bis zu dem der Entwurf fertig sein soll. "
            "Leer lassen, um nur die Frist der Anhörung zu verwenden."
        ),
    )
