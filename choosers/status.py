"""One plain German status per row of the admin's listings, instead of Wagtail's badges."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.ui.tables.pages import PageStatusColumn

from signoff.models import SignoffTask
from workgroups.models import PaperStatus


def _date(value) -> str:
    return timezone.localtime(value).strftime("%d.%m.%Y")


def _review_step(page) -> str | None:
    """The step a page's workflow is at, in words, or None without a running workflow."""
    if not page.workflow_in_progress:
        return None
    task = page.current_workflow_task
    if task is None:
        return _("In Prüfung")
    if isinstance(task.specific, SignoffTask):
        return _("In Mitzeichnung")
    return _("In Prüfung: %(step)s") % {"step": task.name}


def _scheduled_date(page) -> str | None:
    revision = page.scheduled_revision
    return _date(revision.approved_go_live_at) if revision is not None else None


def page_status_label(page) -> str:
    """Where a page stands, in the words of the people who work on it (one phrase)."""
    page = page.specific_deferred
    step = _review_step(page)
    scheduled = _scheduled_date(page)
    if not page.live:
        if page.expired:
            return str(_("Abgelaufen"))
        if scheduled:
            return str(_("Geplant: %(date)s") % {"date": scheduled})
        if step:
            return str(step)
        if page.first_published_at is not None:
            return str(_("Zurückgezogen"))
        return str(_("Entwurf"))
    paper_status = getattr(page, "status", None)
    if paper_status == PaperStatus.WITHDRAWN:
        return str(_("Zurückgezogen"))
    if paper_status == PaperStatus.SUPERSEDED:
        published = _("Veröffentlicht (überholt)")
    else:
        published = _("Veröffentlicht")
    if scheduled:
        return str(
            _("%(state)s; Änderung geplant: %(date)s") % {"state": published, "date": scheduled}
        )
    if step:
        return str(_("%(state)s; Änderung %(step)s") % {"state": published, "step": step})
    if page.has_unpublished_changes:
        return str(_("%(state)s; Änderungen im Entwurf") % {"state": published})
    return str(published)


def status_column() -> Column:
    return Column("status", label=_("Status"), accessor=page_status_label, sort_key="live")


def with_plain_status(columns) -> list:
    """The listing's columns with Wagtail's status badge replaced by one plain German status."""
    return [status_column() if isinstance(c, PageStatusColumn) else c for c in columns]


def consultation_status(project) -> str:
    """A Regelungsvorhaben's consultation: open until a date, over, or none."""
    deadline = project.consultation_deadline
    if deadline is None:
        return ""
    if deadline >= timezone.localdate():
        return str(_("Anhörung offen bis %(date)s") % {"date": deadline.strftime("%d.%m.%Y")})
    return str(_("Anhörung beendet am %(date)s") % {"date": deadline.strftime("%d.%m.%Y")})
