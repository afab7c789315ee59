"""A multiple chooser: the chosen items as a list, more added through Wagtail's chooser modal."""

from collections.abc import Callable
from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.telepath import JSContext
from wagtail.admin.widgets import BaseChooser
from wagtail.coreutils import resolve_model_string
from wagtail.snippets.widgets import AdminSnippetChooser

ADD_TEXT = _("Hinzufügen")
EMPTY_TEXT = _("Noch keine Auswahl.")


def _with_parameters(widget: BaseChooser, parameters: dict) -> BaseChooser:
    """The chooser widget, its modal opened with extra URL parameters (e.g. who to leave out)."""
    if not parameters:
        return widget
    base = type(widget)
    query = urlencode(parameters)

    # A subclass, not a changed instance: Wagtail's telepath registry finds the adapter of
    # the base class through the MRO.
    class ParametrisedChooser(base):
        def get_chooser_modal_url(self):
            return f"{super().get_chooser_modal_url()}?{query}"

    ParametrisedChooser.__name__ = base.__name__
    parametrised = ParametrisedChooser.__new__(ParametrisedChooser)
    parametrised.__dict__.update(widget.__dict__)
    return parametrised


class MultipleChooser(forms.SelectMultiple):
    """Chosen items with a remove button each, and a button that opens a searchable chooser.

    The form receives the chosen ids as repeated values of the field's name, exactly as a
    multiple select sends them. Wagtail's chooser modal (in its multiple mode, as
    ``MultipleChooserPanel`` uses it) does the searching; the list it draws from is the
    chooser viewset's, so a chooser's access rules hold here too.
    """

    template_name = "choosers/multiple_chooser.html"

    def __init__(
        self,
        chooser: Callable[[], BaseChooser],
        *,
        add_text=ADD_TEXT,
        empty_text=EMPTY_TEXT,
        modal_parameters: dict | None = None,
        attrs=None,
    ):
        # A factory: chooser widgets resolve their URLs, which are unknown while models load.
        self.chooser = chooser
        self.add_text = add_text
        self.empty_text = empty_text
        self.modal_parameters = dict(modal_parameters or {})
        super().__init__(attrs=attrs)

    def chooser_widget(self) -> BaseChooser:
        return _with_parameters(self.chooser(), self.modal_parameters)

    def _chosen(self, values: list[str]) -> list[dict]:
        queryset = getattr(self.choices, "queryset", None)
        if queryset is None or not values:
            return []
        ids = [value for value in values if value.isdigit()]
        found = {str(item.pk): str(item) for item in queryset.filter(pk__in=ids)}
        return [{"id": pk, "title": found[pk]} for pk in dict.fromkeys(ids) if pk in found]

    def get_context(self, name, value, attrs):
        context = forms.Widget.get_context(self, name, value, attrs)
        js_context = JSContext()
        context["widget"].update(
            chosen=self._chosen(context["widget"]["value"]),
            definition=js_context.pack(self.chooser_widget()),
            add_text=self.add_text,
            empty_text=self.empty_text,
        )
        return context

    def format_value(self, value):
        if value is None:
            return []
        if not isinstance(value, list | tuple):
            value = [value]
        return [str(getattr(item, "pk", item)) for item in value if item not in ("", None)]

    def value_from_datadict(self, data, files, name):
        getter = getattr(data, "getlist", None)
        return getter(name) if getter else data.get(name)

    def value_omitted_from_data(self, data, files, name):
        # No hidden input means "nothing chosen", not "field missing from the form".
        return False

    @property
    def media(self):
        js_context = JSContext()
        js_context.pack(self.chooser_widget())
        return js_context.media + forms.Media(
            js=[versioned_static("choosers/multiple-chooser.js")],
            css={"all": [versioned_static("choosers/multiple-chooser.css")]},
        )


def co_author_groups_chooser(*, exclude_id: int | None = None) -> MultipleChooser:
    """The co-author choice of a paper: other public working groups, the own one left out."""

    def chooser():
        # Imported when rendering: the viewset's selectors need the models, which import
        # this module while they load.
        from choosers.viewsets import co_author_group_chooser_viewset

        return co_author_group_chooser_viewset.widget_class()

    return MultipleChooser(
        chooser,
        add_text=_("Arbeitskreis hinzufügen"),
        empty_text=_("Kein weiterer Arbeitskreis."),
        modal_parameters={"exclude": exclude_id} if exclude_id is not None else None,
    )


def snippet_multiple_chooser(model: str, *, add_text) -> MultipleChooser:
    """Several snippets (e.g. "workgroups.RegulatoryProject") through Wagtail's snippet chooser."""
    return MultipleChooser(
        lambda: AdminSnippetChooser(resolve_model_string(model)), add_text=add_text
    )
