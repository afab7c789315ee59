"""Workflow e-mails link public pages to the frontend and admin pages to the admin."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import resolve, reverse
from wagtail.models import WorkflowState

from tests.factories import MinutesPageFactory, PositionPaperPageFactory
from tests.workgroups.test_workflow import paper_form_data
from workgroups.models import MinutesIndexPage

pytestmark = pytest.mark.django_db

FRONTEND = "https://www.verband.example"
ADMIN = "https://redaktion.verband.example"
LINK = re.compile(r"https?://[^\s\"'<>]+")


def _links(messages) -> set[str]:
    texts = []
    for message in messages:
        texts.append(message.body)
        texts.extend(content for content, _type in getattr(message, "alternatives", []))
    return {link.rstrip(".,)") for text in texts for link in LINK.findall(text)}


def _action(client, user, page, action, task_state):
    client.force_login(user)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)


@override_settings(FRONTEND_URL=FRONTEND, WAGTAILADMIN_BASE_URL=ADMIN)
def test_every_link_of_the_workflow_mails_leads_somewhere(
    client, group_software, member_software, chair_software, editor
):
    draft = PositionPaperPageFactory(
        parent=group_software, title="Papier für die Post", slug="papier-post", publish=False
    )
    # Submission: the chair gets "please review" with preview and edit links.
    client.force_login(member_software)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        paper_form_data(draft, **{"action-submit": "1"}),
    )
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(draft.pk))
    # Both review steps approve: the member gets "approved" with the public page's link.
    _action(client, chair_software, draft, "approve", state.current_task_state)
    state.refresh_from_db()
    _action(client, editor, draft, "approve", state.current_task_state)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED

    links = _links(mail.outbox)
    assert len(mail.outbox) >= 3
    public = {link for link in links if link.startswith(FRONTEND)}
    admin = {link for link in links if link.startswith(ADMIN)}
    assert links == public | admin, links - public - admin
    assert "localhost" not in " ".join(links)
    # The approved paper is linked where the public reads it.
    assert f"{FRONTEND}/arbeitskreise/software/papier-post/" in public
    for link in admin:
        path = urlsplit(link).path
        assert path.startswith("/admin/"), link
        resolve(path)
    assert any(urlsplit(link).path == f"/admin/pages/{draft.pk}/edit/" for link in admin)


@override_settings(FRONTEND_URL=FRONTEND, WAGTAILADMIN_BASE_URL=ADMIN)
def test_public_pages_live_on_the_frontend_internal_ones_on_the_admins_host(group_software):
    from workgroups.services.roles import site_bootstrap

    site_bootstrap(site_name="Testverband")
    paper = PositionPaperPageFactory(parent=group_software, slug="sichtbar")
    assert paper.full_url == f"{FRONTEND}/arbeitskreise/software/sichtbar/"
    assert group_software.full_url == f"{FRONTEND}/arbeitskreise/software/"
    # Minutes are served by Django itself, behind the group's login restriction.
    index = MinutesIndexPage.objects.child_of(group_software).get()
    minutes = MinutesPageFactory(parent=index, slug="sitzung")
    assert minutes.full_url.startswith(f"{ADMIN}/")
