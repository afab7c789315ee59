"""Frontend revalidation webhook against a real HTTP server on loopback (no mocks)."""

import json
import logging
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult
from wagtail.models import PageViewRestriction

from tests.conftest import DATABASE_TASKS
from tests.factories import AddresseeFactory, PositionPaperPageFactory
from workgroups.models import PositionPaperPage

pytestmark = pytest.mark.django_db

SECRET = "s3cret-fuer-tests"


def free_port_url(path: str) -> str:
    """A loopback URL where nothing listens (the port was free a moment ago)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}{path}"


class FrontendStub(ThreadingHTTPServer):
    """A tiny stand-in for the Next.js revalidation route: records every POST."""

    daemon_threads = True

    def __init__(self, status: int = 200):
        self.received: list[dict] = []
        self.status = status
        self.arrived = threading.Event()
        super().__init__(("127.0.0.1", 0), _Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/api/revalidate"


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 - http.server's naming
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.server.received.append(
            {
                "path": self.path,
                "secret": self.headers.get("x-sprachrohr-secret"),
                "content_type": self.headers.get("Content-Type"),
                "json": json.loads(body),
            }
        )
        self.send_response(self.server.status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"revalidated": true}')
        self.server.arrived.set()

    def log_message(self, *args):
        pass


@pytest.fixture
def frontend():
    server = FrontendStub()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def revalidating(url):
    return override_settings(FRONTEND_REVALIDATE_URL=url, FRONTEND_REVALIDATE_SECRET=SECRET)


def test_a_publish_posts_once_with_the_secret(frontend, world, django_capture_on_commit_callbacks):
    with revalidating(frontend.url), django_capture_on_commit_callbacks(execute=True):
        PositionPaperPageFactory(
            parent=world.software,
            slug="neu",
            co_working_groups=[world.security],
        )
    assert len(frontend.received) == 1, "one POST per committed transaction"
    request = frontend.received[0]
    assert request["path"] == "/api/revalidate"
    assert request["secret"] == SECRET
    assert request["content_type"] == "application/json"
    # The whole site is revalidated: the backend names no paths or tags (see the route).
    assert request["json"] == {}


def test_every_publish_side_change_revalidates(frontend, world, django_capture_on_commit_callbacks):
    changes = [
        world.beta.unpublish,
        lambda: world.alpha.move(world.security, pos="last-child"),
        lambda: PageViewRestriction.objects.create(
            page=world.security, restriction_type=PageViewRestriction.LOGIN
        ),
        lambda: PositionPaperPage.objects.get(slug="papier-alpha").delete(),
        lambda: AddresseeFactory(name="Neues Ministerium", slug="neu"),
        lambda: world.project.delete(),
    ]
    with revalidating(frontend.url):
        for number, change in enumerate(changes, start=1):
            with django_capture_on_commit_callbacks(execute=True):
                change()
            assert len(frontend.received) == number, change
    assert all(request["secret"] == SECRET for request in frontend.received)


def test_a_draft_does_not_revalidate(frontend, world, django_capture_on_commit_callbacks):
    with revalidating(frontend.url), django_capture_on_commit_callbacks(execute=True):
        world.alpha.title = "Nur ein Entwurf"
        world.alpha.save_revision()
    assert frontend.received == []


def test_a_rolled_back_savepoint_keeps_the_revalidation_of_the_rest(
    frontend, world, django_capture_on_commit_callbacks
):
    from django.db import transaction

    with (
        revalidating(frontend.url),
        django_capture_on_commit_callbacks(execute=True),
        transaction.atomic(),
    ):
        world.beta.unpublish()
        with transaction.atomic():
            world.alpha.unpublish()
            transaction.set_rollback(True)
    assert len(frontend.received) == 1


def test_no_secret_no_request(frontend, world, django_capture_on_commit_callbacks):
    with (
        override_settings(FRONTEND_REVALIDATE_URL=frontend.url, FRONTEND_REVALIDATE_SECRET=""),
        django_capture_on_commit_callbacks(execute=True),
    ):
        PositionPaperPageFactory(parent=world.software, slug="still")
    assert frontend.received == []


def test_nothing_is_sent_for_a_rolled_back_publish(
    frontend, world, django_capture_on_commit_callbacks
):
    from django.db import transaction

    with (
        revalidating(frontend.url),
        django_capture_on_commit_callbacks(execute=True),
        transaction.atomic(),
    ):
        PositionPaperPageFactory(parent=world.software, slug="verworfen")
        transaction.set_rollback(True)
    assert frontend.received == []


def test_a_frontend_that_is_down_does_not_stop_the_publish(
    world, caplog, django_capture_on_commit_callbacks
):
    with (
        revalidating(free_port_url("/api/revalidate")),
        caplog.at_level(logging.WARNING, logger="workgroups.tasks"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        paper = PositionPaperPageFactory(parent=world.software, slug="trotzdem")
    paper.refresh_from_db()
    assert paper.live
    assert "Frontend revalidation" in caplog.text and "failed" in caplog.text


def test_a_frontend_error_is_logged_not_raised(world, caplog, django_capture_on_commit_callbacks):
    server = FrontendStub(status=500)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with (
            revalidating(server.url),
            caplog.at_level(logging.WARNING, logger="workgroups.tasks"),
            django_capture_on_commit_callbacks(execute=True),
        ):
            paper = PositionPaperPageFactory(parent=world.software, slug="fehler")
    finally:
        server.shutdown()
        server.server_close()
    assert len(server.received) == 1
    paper.refresh_from_db()
    assert paper.live
    assert "500" in caplog.text


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_through_the_durable_queue(frontend, world):
    """With the database task backend publishes only enqueue, once; a worker delivers later."""
    with revalidating(frontend.url), override_settings(TASKS=DATABASE_TASKS):
        for slug in ("spaeter", "noch-spaeter", "am-spaetesten"):
            PositionPaperPageFactory(parent=world.software, slug=slug)
        queued = DBTaskResult.objects.filter(task_path="workgroups.tasks.frontend_revalidate")
        assert queued.count() == 1, "one waiting revalidation covers them all"
        assert frontend.received == []
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert frontend.arrived.wait(timeout=10)
    assert len(frontend.received) == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_page_leaves_the_frontend_at_its_expiry_without_the_scheduler(
    frontend, world, monkeypatch
):
    """Publishing a page that expires queues a run at its expiry; the worker revalidates then."""
    import datetime as dt

    from django.utils import timezone

    expire_at = timezone.now() + dt.timedelta(hours=1)
    with revalidating(frontend.url), override_settings(TASKS=DATABASE_TASKS):
        world.beta.expire_at = expire_at
        world.beta.save_revision().publish()
        expiry = DBTaskResult.objects.get(task_path="workgroups.tasks.pages_expire")
        assert expiry.task_result.task.run_after == expire_at + dt.timedelta(seconds=1)
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
        assert frontend.arrived.wait(timeout=10)
        before = len(frontend.received)
        world.beta.refresh_from_db()
        assert world.beta.live  # an hour to go: the expiry run still waits

        later = expire_at + dt.timedelta(seconds=2)
        monkeypatch.setattr(timezone, "now", lambda: later)
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    world.beta.refresh_from_db()
    assert (world.beta.live, world.beta.expired) == (False, True)
    assert len(frontend.received) == before + 1
