"""A read-only panel for a list of related objects that says in German when it is empty."""

from wagtail.admin.panels import FieldPanel


class ReadOnlyListPanel(FieldPanel):
    """Shows a many-to-many field as a comma-separated list, or ``empty_text`` (not "None")."""

    def __init__(self, field_name, *args, empty_text="–", **kwargs):
        kwargs["read_only"] = True
        super().__init__(field_name, *args, **kwargs)
        self.empty_text = empty_text

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "empty_text": self.empty_text}

    def format_value_for_display(self, value):
        if callable(getattr(value, "all", None)):
            return ", ".join(str(obj) for obj in value.all()) or self.empty_text
        return super().format_value_for_display(value)
