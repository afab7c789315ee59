"""Documents in the admin: the form base (only editors move or release files) and serving."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.models import Collection

from workgroups.access.policy import admin_scope
from workgroups.access.public import document_is_public, released_collection


class WorkingGroupDocumentForm(BaseDocumentForm):
    """The document form, with which only editors move files between collections or release them."""

    # Members upload into the collections they may add to (never the editors' released
    # collection); an existing file keeps its collection, and a file that is public right
    # now can only be replaced by the editors.

    def __init__(self, *args, **kwargs):
        user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        self.scope = admin_scope(user) if user is not None else None
        if self.scope is None or self.scope.everything:
            return
        if self.instance.pk:
            # Moving a file could publish it (out of a restricted collection) or show it
            # to another working group.
            self.collections = Collection.objects.filter(pk=self.instance.collection_id)
            self.fields.pop("collection", None)
            return
        released = released_collection()
        if released is not None:
            self.collections = self.collections.exclude(path__startswith=released.path)
            if "collection" in self.fields:
                self.fields["collection"].queryset = self.collections

    def clean(self):
        cleaned_data = super().clean()
        if (
            self.scope is not None
            and not self.scope.everything
            and self.instance.pk
            and "file" in self.changed_data
            and document_is_public(document=self.instance)
        ):
            self.add_error(
                "file",
                _("Diese Datei ist öffentlich abrufbar; ersetzen kann sie nur die Redaktion."),
            )
        return cleaned_data


def document_serve_check(*, document, user) -> None:
    """Raise 404 unless the document is public or the person may see it in the admin.

    404 rather than a login prompt or 403: a visitor cannot tell a private file from a
    missing one.
    """
    if document_is_public(document=document):
        return
    if user.is_authenticated and admin_scope(user).sees_document(document):
        return
    raise Http404
