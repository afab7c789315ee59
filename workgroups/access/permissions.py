"""Wagtail's document permissions, narrowed to the documents the admin policy lets a person see."""

from wagtail.documents import get_document_model_string
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from workgroups.access.policy import admin_scope


class WorkingGroupDocumentPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Collection permissions as Wagtail grants them, minus other working groups' documents."""

    # Every document view of the admin (listing, chooser, bulk actions, usage, counts on
    # the dashboard) asks this policy, so one rule covers them all.

    def instances_user_has_any_permission_for(self, user, actions):
        documents = super().instances_user_has_any_permission_for(user, actions)
        scope = admin_scope(user)
        return documents if scope.everything else documents.filter(scope.documents_q())

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not super().user_has_any_permission_for_instance(user, actions, instance):
            return False
        # A document being created has no row yet; its collection was checked above.
        return instance.pk is None or admin_scope(user).sees_document(instance)


def document_permission_policy() -> WorkingGroupDocumentPermissionPolicy:
    return WorkingGroupDocumentPermissionPolicy(
        get_document_model_string(),
        auth_model="wagtaildocs.Document",
        owner_field_name="uploaded_by_user",
    )
