"""Admin wiring of the choosers: the co-author chooser's URLs."""

from wagtail import hooks

from choosers.viewsets import co_author_group_chooser_viewset


@hooks.register("register_admin_viewset")
def register_co_author_group_chooser():
    return co_author_group_chooser_viewset
