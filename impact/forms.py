"""The admin form for the outcome of one demand."""

from django import forms
from django.core.exceptions import ValidationError

from impact.models import DemandImpact
from impact.services import demand_impact_validate


class DemandImpactForm(forms.ModelForm):
    """Outcome, evidence, date and note of one demand (one form per demand block)."""

    class Meta:
        model = DemandImpact
        fields = ["status", "printed_paper", "dip_url", "law_text", "decided_on", "note"]
        widgets = {
            "decided_on": forms.DateInput(attrs={"type": "date"}),
            "law_text": forms.Textarea(attrs={"rows": 3}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Parliament links are https; a bare host name gets that scheme.
        self.fields["dip_url"].assume_scheme = "https"

    def clean(self):
        cleaned = super().clean()
        try:
            demand_impact_validate(
                status=cleaned.get("status") or "",
                printed_paper=cleaned.get("printed_paper") or "",
                dip_url=cleaned.get("dip_url") or "",
                law_text=cleaned.get("law_text") or "",
                decided_on=cleaned.get("decided_on"),
            )
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                for message in messages:
                    self.add_error(field, message)
        return cleaned
