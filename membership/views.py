"""Views of the membership app: calendar feeds, minutes, members and invitations."""

import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from membership import selectors, services
from membership.calendars import calendar_build
from membership.forms import InvitationAcceptForm, InvitationForm
from workgroups.api.cache import cached_get
from workgroups.models import WorkingGroupPage
from workgroups.selectors import events_public, public_scope
from workspace.panels import group_panel_anchor

ICAL_CONTENT_TYPE = "text/calendar; charset=utf-8"
PUBLIC_FEED_PAST = dt.timedelta(days=365)
PUBLIC_FEED_LENGTH = 500


def _public_urls(events) -> dict[int, str]:
    return {event.pk: f"{settings.FRONTEND_URL}{event.frontend_url}" for event in events}


@require_safe
def public_events_ics(request):
    """``/feeds/events.ics``: the public events of the last year and all to come."""

    def build():
        scope = public_scope()
        since = timezone.now() - PUBLIC_FEED_PAST
        events = list(events_public(scope=scope).filter(starts_at__gte=since)[:PUBLIC_FEED_LENGTH])
        body = calendar_build(
            events=events,
            name=_("Veranstaltungen – %(site)s") % {"site": settings.WAGTAIL_SITE_NAME},
            public_urls=_public_urls(events),
        )
        return HttpResponse(body, content_type=ICAL_CONTENT_TYPE)

    return cached_get(request, build)


@never_cache
@require_safe
def member_calendar_ics(request, token: str):
    """A person's private calendar: the meetings of their groups; unknown tokens are a 404."""
    user = selectors.calendar_user_get(token=token)
    if user is None:
        raise Http404
    scope = public_scope()
    events = list(selectors.meetings_of_member(user=user, scope=scope))
    public = list(events_public(scope=scope).filter(pk__in=[event.pk for event in events]))
    body = calendar_build(
        events=events,
        name=_("Meine Arbeitskreis-Termine – %(site)s") % {"site": settings.WAGTAIL_SITE_NAME},
        public_urls=_public_urls(public),
    )
    response = HttpResponse(body, content_type=ICAL_CONTENT_TYPE)
    response["X-Robots-Tag"] = "noindex"
    return response


# Admin views (mounted by membership/wagtail_hooks.py behind the admin's login).


@require_http_methods(["GET", "POST"])
def calendar_settings(request):
    """The person's private calendar address: show, renew or revoke it."""
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            services.calendar_token_revoke(user=request.user)
            messages.success(request, _("Die Kalender-Adresse wurde widerrufen."))
        else:
            services.calendar_token_issue(user=request.user)
            messages.success(
                request,
                _("Eine neue Kalender-Adresse wurde erzeugt; die bisherige gilt nicht mehr."),
            )
        return redirect("membership_calendar")
    token = selectors.calendar_token_get(user=request.user)
    url = (
        request.build_absolute_uri(reverse("feed-member-calendar", kwargs={"token": token.token}))
        if token
        else None
    )
    return TemplateResponse(
        request,
        "membership/calendar.html",
        {
            "page_title": _("Mein Kalender"),
            "header_icon": "date",
            "calendar_url": url,
            "token": token,
            "working_groups": selectors.working_groups_of(user=request.user),
        },
    )


@require_safe
def minutes_index(request):
    """The minutes of the person's groups, per group, newest first."""
    groups = [
        (group, list(selectors.minutes_of_group(working_group=group)))
        for group in selectors.working_groups_of(user=request.user)
    ]
    return TemplateResponse(
        request,
        "membership/minutes_index.html",
        {"page_title": _("Protokolle"), "header_icon": "doc-full", "groups": groups},
    )


@require_safe
def minutes_detail(request, pk: int):
    """One minutes page to read; minutes of other groups are a 404 (their existence too)."""
    minutes = selectors.minutes_get_for_user(user=request.user, pk=pk)
    if minutes is None:
        raise Http404
    return TemplateResponse(
        request,
        "membership/minutes_detail.html",
        {
            "page_title": minutes.title,
            "page_subtitle": minutes.working_group.title,
            "header_icon": "doc-full",
            "minutes": minutes,
            "attachments": [a.document for a in minutes.attachments.select_related("document")],
        },
    )


@require_safe
def members_index(request):
    """The person's working groups, each linking to its people."""
    return TemplateResponse(
        request,
        "membership/members_index.html",
        {
            "page_title": _("Mitglieder"),
            "header_icon": "group",
            "working_groups": selectors.working_groups_of(user=request.user),
        },
    )


@require_http_methods(["GET", "POST"])
def group_members(request, group_id: int):
    """The group's people; its leads invite colleagues and remove members here."""
    group = get_object_or_404(WorkingGroupPage, pk=group_id, access__isnull=False)
    if not selectors.user_in_group(user=request.user, working_group=group):
        raise Http404
    leads = selectors.user_leads_group(user=request.user, working_group=group)
    form = InvitationForm()
    if request.method == "POST":
        if not leads:
            raise PermissionDenied
        if request.POST.get("action") == "remove":
            user_pk = request.POST.get("user", "")
            if not user_pk.isdigit():
                raise Http404
            person = get_object_or_404(selectors.group_members(working_group=group), pk=user_pk)
            services.member_remove(working_group=group, user=person, removed_by=request.user)
            messages.success(
                request,
                _("%(name)s gehört nicht mehr zum %(group)s.")
                % {"name": person.get_full_name() or person.get_username(), "group": group.title},
            )
            return redirect("membership_group_members", group_id=group.pk)
        form = InvitationForm(request.POST)
        if form.is_valid():
            try:
                invitation, _token = services.invitation_create(
                    working_group=group,
                    email=form.cleaned_data["email"],
                    organisation=form.cleaned_data["organisation"],
                    invited_by=request.user,
                )
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    for error in errors:
                        form.add_error(field if field in form.fields else None, error)
            else:
                messages.success(
                    request,
                    _("Die Einladung an %(email)s ist verschickt; der Link gilt sieben Tage.")
                    % {"email": invitation.email},
                )
                return redirect("membership_group_members", group_id=group.pk)
    access = group.access
    people = [
        {
            "user": person,
            "company": getattr(getattr(person, "member_profile", None), "organisation", None),
            "is_lead": any(g.pk == access.chairs_id for g in person.groups.all()),
        }
        for person in selectors.group_members(working_group=group)
    ]
    return TemplateResponse(
        request,
        "membership/group_members.html",
        {
            "page_title": _("Mitglieder: %(group)s") % {"group": group.title},
            "header_icon": "group",
            "working_group": group,
            "people": people,
            "leads": leads,
            "form": form,
            "invitations": selectors.invitations_pending(working_group=group) if leads else [],
        },
    )


# The invitee is not signed in yet: a public page in the admin's look.


@never_cache
@require_http_methods(["GET", "POST"])
def invitation_accept(request, token: str):
    """The invitee sets name and password; expired, used or unknown links get a German message."""
    try:
        invitation = services.invitation_check(token=token)
    except services.InvitationError as exc:
        return TemplateResponse(
            request,
            "membership/invitation_invalid.html",
            {"message": exc.message},
            status=exc.status,
        )
    account = selectors.account_for_email(email=invitation.email)
    if account is not None:
        return _invitation_join(request, token, invitation=invitation, account=account)
    form = InvitationAcceptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(
                token=token,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password1"],
            )
        except services.InvitationError as exc:
            return TemplateResponse(
                request,
                "membership/invitation_invalid.html",
                {"message": exc.message},
                status=exc.status,
            )
        except ValidationError as exc:
            for error in exc.messages:
                form.add_error("password1", error)
        else:
            # Signed in at once: the new member lands on their group's dashboard panel.
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return _welcome(request, invitation)
    return TemplateResponse(
        request,
        "membership/invitation_accept.html",
        {"form": form, "invitation": invitation},
    )


def _welcome(request, invitation):
    group = invitation.working_group
    messages.success(
        request,
        _("Willkommen im %(group)s! Hier sehen Sie die Arbeit Ihres Arbeitskreises.")
        % {"group": group.title},
    )
    return redirect(f"{reverse('wagtailadmin_home')}#{group_panel_anchor(group_pk=group.pk)}")


def _invitation_join(request, token: str, *, invitation, account):
    """An invited address that already has an account: sign in with it, then join."""
    signed_in = request.user.is_authenticated
    if signed_in and request.user.pk == account.pk and request.method == "POST":
        services.invitation_join(token=token, user=request.user)
        return _welcome(request, invitation)
    return TemplateResponse(
        request,
        "membership/invitation_join.html",
        {
            "invitation": invitation,
            "is_invitee": signed_in and request.user.pk == account.pk,
            "other_account": request.user if signed_in and request.user.pk != account.pk else None,
            "login_url": f"{reverse('wagtailadmin_login')}?"
            + urlencode({"next": request.get_full_path()}),
        },
    )
