"""Chooser viewsets: a searchable list of the working groups a paper may name as co-authors."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet

from choosers.selectors import co_author_groups_choosable

EXCLUDE_PARAMETER = "exclude"


def _excluded_id(request) -> int | None:
    value = request.GET.get(EXCLUDE_PARAMETER, "")
    return int(value) if value.isdigit() else None


class CoAuthorGroupsMixin:
    """The chooser's views all draw from the same list, so a guessed id reveals nothing."""

    def get_object_list(self):
        return co_author_groups_choosable(exclude_id=_excluded_id(self.request))


class CoAuthorChooseView(CoAuthorGroupsMixin, chooser_views.ChooseView):
    pass


class CoAuthorChooseResultsView(CoAuthorGroupsMixin, chooser_views.ChooseResultsView):
    pass


class CoAuthorChosenView(CoAuthorGroupsMixin, chooser_views.ChosenView):
    def get_object(self, pk):
        return self.get_object_list().get(pk=pk)


class CoAuthorChosenMultipleView(CoAuthorGroupsMixin, chooser_views.ChosenMultipleView):
    def get_objects(self, pks):
        return self.get_object_list().filter(pk__in=[pk for pk in pks if pk.isdigit()])


class CoAuthorGroupChooserViewSet(ChooserViewSet):
    """The other public working groups, searchable by any part of their names' words."""

    model = "workgroups.WorkingGroupPage"
    icon = "group"
    choose_one_text = _("Arbeitskreis auswählen")
    choose_another_text = _("Anderen Arbeitskreis auswählen")
    page_title = _("Mitverfassende Arbeitskreise auswählen")
    search_tab_label = _("Suchen")
    choose_view_class = CoAuthorChooseView
    choose_results_view_class = CoAuthorChooseResultsView
    chosen_view_class = CoAuthorChosenView
    chosen_multiple_view_class = CoAuthorChosenMultipleView
    # The paper's own group travels along when searching and paging.
    preserve_url_parameters = ["multiple", EXCLUDE_PARAMETER]
    # Event pages keep their own chooser for the organising group.
    register_widget = False
    # Working groups are created in the page tree, not here.
    creation_form_class = None


co_author_group_chooser_viewset = CoAuthorGroupChooserViewSet(
    "co_author_group_chooser", url_prefix="auswahl/arbeitskreise"
)
