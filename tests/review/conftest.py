"""Fixtures of the joint review: the second group's lead and a draft of the software group."""

import pytest

from tests.factories import PositionPaperPageFactory, UserFactory


@pytest.fixture
def chair_security(group_security):
    return UserFactory(username="leitung-sicherheit", groups=[group_security.access.chairs])


@pytest.fixture
def software_draft(group_software):
    return PositionPaperPageFactory(
        parent=group_software,
        title="Gemeinsamer Entwurf",
        slug="gemeinsamer-entwurf",
        publish=False,
    )
