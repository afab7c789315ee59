"""Admin views of the workspace: the internal due date of a draft."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from workgroups.access.policy import admin_scope
from workgroups.models import PositionPaperPage
from workspace.forms import PaperDeadlineForm
from workspace.models import PaperDeadline
from workspace.selectors import paper_consultation_due, paper_due_dates
from workspace.services import paper_deadline_set


def _editable_paper(request, page_id: int) -> PositionPaperPage:
    page = PositionPaperPage.objects.filter(pk=page_id).first()
    # Outside the person's workspace the paper does not exist for them (no oracle).
    if (
        page is None
        or not admin_scope(request.user).in_workspace(page)
        or not page.permissions_for_user(request.user).can_edit()
    ):
        raise Http404
    return page


def paper_deadline_edit(request, page_id: int):
    """Set or clear the internal due date of a paper the person may edit."""
    page = _editable_paper(request, page_id)
    today = timezone.localdate()
    current = PaperDeadline.objects.filter(page=page).first()
    form = PaperDeadlineForm(
        request.POST or None,
        initial={"internal_due_date": current.internal_due_date if current else None},
    )
    if request.method == "POST" and form.is_valid():
        try:
            paper_deadline_set(
                page=page,
                internal_due_date=form.cleaned_data["internal_due_date"],
                user=request.user,
                today=today,
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        else:
            messages.success(request, _("Die interne Frist wurde gespeichert."))
            return redirect("wagtailadmin_home")
    return TemplateResponse(
        request,
        "workspace/deadline_form.html",
        {
            "page": page,
            "title": page.draft_title or page.title,
            "form": form,
            "project": paper_consultation_due(page=page, today=today),
            "due": paper_due_dates(pages=[page], today=today).get(page.pk),
        },
        status=400 if request.method == "POST" else 200,
    )
