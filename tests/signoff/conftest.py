"""Fixtures of the sign-off tests: member companies with their contacts, a paper in review."""

from types import SimpleNamespace

import pytest
from wagtail.models import WorkflowState

from tests.factories import OrganisationFactory, PositionPaperPageFactory, UserFactory
from workgroups.services.people import member_profile_set


@pytest.fixture
def companies(group_software):
    """Four member companies of the software group, each with one designated contact."""
    result = []
    for number in range(4):
        organisation = OrganisationFactory(name=f"Firma {number}", slug=f"firma-{number}")
        organisation.working_groups.set([group_software])
        organisation.save()
        contact = UserFactory(username=f"kontakt-{number}", groups=[group_software.access.members])
        member_profile_set(user=contact, organisation=organisation, signs_for_organisation=True)
        result.append(SimpleNamespace(organisation=organisation, contact=contact))
    return result


@pytest.fixture
def in_signoff(group_software, companies, member_software, chair_software):
    """A draft of the software group past its group review: the Mitzeichnung round is open."""

    def start(**task_settings):
        from signoff.services import signoff_task_ensure

        task = signoff_task_ensure(workflow=group_software.access.workflow)
        for key, value in task_settings.items():
            setattr(task, key, value)
        task.save()
        paper = PositionPaperPageFactory(
            parent=group_software, title="Entwurf Cloud-Souveränität", publish=False
        )
        paper.save_revision(user=member_software)
        paper.get_workflow().start(paper, member_software)
        state = WorkflowState.objects.get(object_id=str(paper.pk))
        state.current_task_state.approve(user=chair_software)
        state.refresh_from_db()
        return SimpleNamespace(
            paper=paper, workflow_state=state, round=state.current_task_state.specific
        )

    return start
