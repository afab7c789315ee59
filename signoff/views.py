"""Admin views: the contact's answer form, their open rounds, the editors' record and dispatches."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from signoff.forms import DispatchForm, SignoffAnswerForm
from signoff.models import SignoffAnswer, SignoffTaskState
from signoff.selectors import signoff_rounds_of, signoff_states_open_for, signoff_tally
from signoff.services import dispatch_delete, dispatch_record, signoff_answer
from workgroups.models import PositionPaperPage


def paper_for_editor(*, request, page_id: int) -> PositionPaperPage:
    """The paper, if the user may publish it (editors); others get a 403, not a hint."""
    page = get_object_or_404(Page, pk=page_id).specific
    if (
        not isinstance(page, PositionPaperPage)
        or not page.permissions_for_user(request.user).can_publish()
    ):
        raise PermissionDenied
    return page


class OpenRoundsView(WagtailAdminTemplateMixin, TemplateView):
    """The rounds the user answers in for their company."""

    page_title = gettext_lazy("Offene Mitzeichnungen")
    header_icon = "tasks"
    template_name = "signoff/open_rounds.html"

    def get_context_data(self, **kwargs):
        rounds = list(signoff_states_open_for(user=self.request.user).select_related("revision"))
        answers = {
            a.task_state_id: a
            for a in SignoffAnswer.objects.filter(
                task_state__in=rounds,
                organisation_id=SignoffTaskState.organisation_id_of(self.request.user),
            )
        }
        for task_state in rounds:
            task_state.paper_title = task_state.revision.object_str
            task_state.own_answer = answers.get(task_state.pk)
        return super().get_context_data(rounds=rounds, **kwargs)


class AnswerView(WagtailAdminTemplateMixin, FormView):
    """A contact answers for their company: sign, abstain or object, with a comment."""

    page_title = gettext_lazy("Mitzeichnung")
    header_icon = "tasks"
    template_name = "signoff/answer.html"
    form_class = SignoffAnswerForm

    def dispatch(self, request, *args, **kwargs):
        self.task_state = get_object_or_404(SignoffTaskState, pk=kwargs["task_state_id"])
        self.organisation = self.task_state.organisation_answering_for(request.user)
        if self.organisation is None:
            raise PermissionDenied(
                _("Nur die Ansprechpersonen beteiligter Unternehmen können mitzeichnen.")
            )
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        answer = SignoffAnswer.objects.filter(
            task_state=self.task_state, organisation=self.organisation
        ).first()
        return {"decision": answer.decision, "comment": answer.comment} if answer else {}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            paper=self.task_state.revision.as_object(),
            task_state=self.task_state,
            organisation=self.organisation,
            **kwargs,
        )

    def form_valid(self, form):
        try:
            signoff_answer(
                task_state=self.task_state,
                user=self.request.user,
                decision=form.cleaned_data["decision"],
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Ihre Antwort ist gespeichert."))
        return redirect("signoff:open")


class PaperRoundsView(WagtailAdminTemplateMixin, TemplateView):
    """For editors: every round of a paper, who answered what and when, with each change."""

    page_title = gettext_lazy("Mitzeichnung: Antworten")
    header_icon = "tasks"
    template_name = "signoff/paper_rounds.html"

    def get_context_data(self, **kwargs):
        paper = paper_for_editor(request=self.request, page_id=self.kwargs["page_id"])
        rounds = list(signoff_rounds_of(paper=paper))
        for task_state in rounds:
            task_state.tally = signoff_tally(task_state=task_state)
            answered = {a.organisation_id: a for a in task_state.answers.all()}
            task_state.rows = [(o, answered.get(o.pk)) for o in task_state.organisations.all()]
        return super().get_context_data(paper=paper, rounds=rounds, **kwargs)


class DispatchesView(WagtailAdminTemplateMixin, FormView):
    """For editors: the paper's dispatches, a form to record one, removing a wrong one."""

    page_title = gettext_lazy("Versand an Adressaten")
    header_icon = "mail"
    template_name = "signoff/dispatches.html"
    form_class = DispatchForm

    def dispatch(self, request, *args, **kwargs):
        self.paper = paper_for_editor(request=request, page_id=kwargs["page_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        dispatches = self.paper.dispatches.select_related("addressee").order_by("sort_order", "pk")
        return super().get_context_data(paper=self.paper, dispatches=dispatches, **kwargs)

    def post(self, request, *args, **kwargs):
        if "delete" in request.POST:
            dispatch = get_object_or_404(self.paper.dispatches, pk=request.POST["delete"])
            dispatch_delete(dispatch=dispatch)
            messages.success(request, _("Der Versand wurde entfernt."))
            return redirect("signoff:dispatches", page_id=self.paper.pk)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            dispatch_record(paper=self.paper, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Der Versand ist erfasst."))
        return redirect("signoff:dispatches", page_id=self.paper.pk)
