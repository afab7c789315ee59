"""Shared fixtures: the smallest site tree, working groups with roles, users per role."""

import os

import pytest

from cms.settings import base as base_settings
from tests.factories import UserFactory, WorkingGroupPageFactory

# The production task setup (django_tasks_db, both queues) for tests that need a real queue.
DATABASE_TASKS = base_settings.TASKS

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require_service(name: str, env_var: str) -> str:
    """The service URL; locally a missing service skips, under CI=true it fails the run."""
    url = os.environ.get(env_var)
    if url:
        return url
    message = f"{name} is not available ({env_var} is not set); `make test` starts it."
    if IN_CI:
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # A postgres-marked test never runs on SQLite. Locally it skips; under CI=true it fails,
    # before any fixture: a pass without PostgreSQL must deselect it (`-m "not postgres"`,
    # as tests/run.py does on its SQLite pass), never skip it silently.
    if "postgres" not in item.keywords:
        return
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        return
    message = "needs PostgreSQL (DATABASE_URL=postgres://…); `make test` starts one"
    if IN_CI:
        pytest.fail(f"{item.nodeid} {message}", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def smtp_server():
    """A real SMTP server on loopback for this test process (aiosmtpd), stopped at the end."""
    from tests.services.smtp import SmtpServer

    server = SmtpServer().start()
    yield server
    server.stop()


@pytest.fixture
def mailbox(smtp_server, settings):
    """Django sends through the real SMTP server; the test reads what it received.

    Django's SMTP backend returns only after the server accepted a message, so
    ``mailbox.messages`` is complete right after a send in this process; mail sent by
    another process (a worker) is awaited with ``mailbox.wait_for(n)``.
    """
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    smtp_server.clear()
    yield smtp_server
    smtp_server.clear()


@pytest.fixture
def site_tree(db):
    from workgroups.services.roles import site_bootstrap

    return site_bootstrap(site_name="Testverband")


@pytest.fixture
def home(site_tree):
    return site_tree["home"]


@pytest.fixture
def group_index(site_tree):
    return site_tree["sections"]["arbeitskreise"]


@pytest.fixture
def event_index(site_tree):
    return site_tree["sections"]["veranstaltungen"]


@pytest.fixture
def make_group(group_index):
    """Create a published working group with its roles, as the admin would."""
    from workgroups.services.roles import working_group_roles_ensure

    def make(title: str, slug: str, **fields):
        group = WorkingGroupPageFactory(parent=group_index, title=title, slug=slug, **fields)
        working_group_roles_ensure(working_group=group)
        group.refresh_from_db()
        return group

    return make


@pytest.fixture
def group_software(make_group):
    return make_group("Arbeitskreis Software", "software")


@pytest.fixture
def group_security(make_group):
    return make_group("Arbeitskreis IT-Sicherheit", "it-sicherheit")


@pytest.fixture
def editor(site_tree):
    from django.contrib.auth.models import Group

    return UserFactory(username="redakteurin", groups=[Group.objects.get(name="Redaktion")])


@pytest.fixture
def member_software(group_software):
    return UserFactory(username="mitglied-software", groups=[group_software.access.members])


@pytest.fixture
def chair_software(group_software):
    return UserFactory(username="leitung-software", groups=[group_software.access.chairs])


@pytest.fixture
def member_security(group_security):
    return UserFactory(username="mitglied-sicherheit", groups=[group_security.access.members])


@pytest.fixture
def outsider(site_tree):
    """A logged-in person without any group (e.g. a deactivated member)."""
    return UserFactory(username="aussenstehend")
