"""The page form base: choosers and links offer and accept only what a person may see."""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import StreamBlockValidationError
from wagtail.documents.models import AbstractDocument
from wagtail.fields import StreamField
from wagtail.models import Page

from workgroups.access.policy import admin_scope

HIDDEN_REFERENCE = _(
    "Der Text verweist auf eine Seite oder Datei, die es nicht gibt oder die Sie nicht "
    "sehen dürfen. Bitte den Verweis entfernen."
)


def _pks(value) -> list:
    """The primary keys in a field's initial value: None, a key, an object, or several."""
    if value is None:
        return []
    if hasattr(value, "all"):
        value = list(value.all())
    if not isinstance(value, list | tuple | set):
        value = [value]
    return [getattr(item, "pk", item) for item in value]


class ScopedPageForm(WagtailAdminPageForm):
    """The page form whose choosers and links point only at pages and documents one may see."""

    # A member who sends the id of another group's draft or document gets a German
    # validation error (the same for a missing and a hidden target), never its title;
    # values the page already had stay valid, so nobody is locked out of saving a page an
    # editor filled in.

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = admin_scope(self.for_user) if self.for_user is not None else None
        if self.scope is None or self.scope.everything:
            return
        for name, field in self.fields.items():
            queryset = getattr(field, "queryset", None)
            if queryset is None:
                continue
            current = Q(pk__in=_pks(self.initial.get(name)))
            if issubclass(queryset.model, Page):
                field.queryset = queryset.filter(self.scope.pages_q() | current)
            elif issubclass(queryset.model, AbstractDocument):
                field.queryset = queryset.filter(self.scope.documents_q() | current)

    def clean(self):
        cleaned_data = super().clean()
        if self.scope is None or self.scope.everything:
            return cleaned_data
        for name, value in list(cleaned_data.items()):
            try:
                model_field = self._meta.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if value is None or not hasattr(model_field, "extract_references"):
                continue
            # The instance still holds the saved value here (it is updated after clean()).
            known = {
                (model, str(pk))
                for model, pk, _path, _content in model_field.extract_references(
                    model_field.value_from_object(self.instance)
                )
            }
            for model, pk, _path, _content in model_field.extract_references(value):
                if (model, str(pk)) not in known and not self._may_reference(model, pk):
                    self.add_error(name, self._reference_error(model_field))
                    break
        self._forget_rejected_choices()
        return cleaned_data

    @staticmethod
    def _reference_error(model_field) -> ValidationError:
        # The StreamField editor only shows errors of this type.
        if isinstance(model_field, StreamField):
            return StreamBlockValidationError(non_block_errors=[ValidationError(HIDDEN_REFERENCE)])
        return ValidationError(HIDDEN_REFERENCE)

    def _forget_rejected_choices(self):
        # A chooser renders the title of the object whose id was sent; after a rejected
        # (hidden) choice it shows the saved value again instead.
        rejected = [
            name
            for name in self.errors
            if name in self.fields and getattr(self.fields[name], "queryset", None) is not None
        ]
        if not rejected:
            return
        self.data = self.data.copy()
        for name in rejected:
            self.data.setlist(
                self.add_prefix(name), [str(pk) for pk in _pks(self.initial.get(name))]
            )

    def _may_reference(self, model, pk) -> bool:
        try:
            pk = int(pk)
        except (TypeError, ValueError):
            return False
        if issubclass(model, Page):
            return Page.objects.filter(self.scope.pages_q(), pk=pk).exists()
        if issubclass(model, AbstractDocument):
            return model.objects.filter(self.scope.documents_q(), pk=pk).exists()
        return True
