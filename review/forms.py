"""The paper form: co-authors among the other working groups only, ASCII slugs."""

from django import forms
from django.core.validators import validate_unicode_slug
from django.utils.translation import gettext_lazy as _

from choosers.widgets import co_author_groups_chooser
from cms.slugs import slug_ascii
from review.selectors import page_owner_group
from workgroups.access.forms import ScopedPageForm

OWN_GROUP_ERROR = _("Bitte nur andere Arbeitskreise wählen; der eigene verfasst das Papier schon.")


class PaperPageForm(ScopedPageForm):
    """The position paper form, whose co-author choice leaves out the paper's own group."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            # "Größe" arrives as typed and becomes "groesse" in clean_slug (papers' links
            # and citations are shared); the field alone would refuse it.
            self.fields["slug"].validators = [validate_unicode_slug]
        field = self.fields.get("co_working_groups")
        if field is None:
            return
        place = self.instance if self.instance.path else self.parent_page
        self.owner_group = page_owner_group(page=place) if place is not None else None
        if self.owner_group is not None:
            field.queryset = field.queryset.exclude(pk=self.owner_group.pk)
        field.error_messages["invalid_choice"] = OWN_GROUP_ERROR
        # A searchable chooser of the other public groups (choosers/), not a long list.
        field.widget = co_author_groups_chooser(
            exclude_id=self.owner_group.pk if self.owner_group is not None else None
        )
        field.widget.choices = field.choices

    def clean_co_working_groups(self):
        groups = self.cleaned_data.get("co_working_groups")
        owner = getattr(self, "owner_group", None)
        if groups is not None and owner is not None and any(g.pk == owner.pk for g in groups):
            raise forms.ValidationError(OWN_GROUP_ERROR)
        return groups

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or ""
        if slug and slug.isascii():
            return slug
        return slug_ascii(slug or self.cleaned_data.get("title") or "")
