"""Wagtail's user listing with each person's member company and working groups."""

from django.contrib.auth.models import Group
from django.db.models import Prefetch
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.users.views.users import IndexView, UserViewSet

from workgroups.models import WorkingGroupAccess


def _company(user) -> str:
    profile = getattr(user, "member_profile", None)
    return str(profile.organisation) if profile and profile.organisation else ""


def _accesses() -> list[WorkingGroupAccess]:
    return list(WorkingGroupAccess.objects.select_related("working_group"))


class MemberUserIndexView(IndexView):
    """The user listing, plus company and working groups (two extra queries per page)."""

    @cached_property
    def columns(self):
        accesses = _accesses()

        def groups(user) -> str:
            group_ids = {group.pk for group in user.groups.all()}
            names = [
                _("%(group)s (Leitung)") % {"group": a.working_group.title}
                if a.chairs_id in group_ids
                else a.working_group.title
                for a in accesses
                if a.chairs_id in group_ids or a.members_id in group_ids
            ]
            return ", ".join(sorted(names))

        columns = list(super().columns)
        extra = [
            Column("company", accessor=_company, label=_("Mitgliedsunternehmen")),
            Column("working_groups", accessor=groups, label=_("Arbeitskreise")),
        ]
        return [*columns[:3], *extra, *columns[3:]]

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("member_profile__organisation")
            .prefetch_related(Prefetch("groups", queryset=Group.objects.only("pk")))
        )


class MemberUserViewSet(UserViewSet):
    """Wagtail's user admin with the member listing."""

    index_view_class = MemberUserIndexView
