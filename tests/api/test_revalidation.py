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

from tests.factories import PositionPaperPageFactory
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


def test_publish_posts_paths_and_tags_with_the_secret(
    frontend, world, django_capture_on_commit_callbacks
):
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
    paths = request["json"]["paths"]
    for expected in (
        "/",
        "/arbeitskreise/",
        "/arbeitskreise/software/",
        "/arbeitskreise/software/neu/",
        "/arbeitskreise/it-sicherheit/",
    ):
        assert expected in paths
    tags = request["json"]["tags"]
    assert {"paper:neu", "papers", "working-groups", "tags"} <= set(tags)


def test_unpublish_move_and_delete_name_the_old_paths(
    frontend, world, django_capture_on_commit_callbacks
):
    with revalidating(frontend.url):
        with django_capture_on_commit_callbacks(execute=True):
            world.beta.unpublish()
        assert "/arbeitskreise/software/papier-beta/" in frontend.received[-1]["json"]["paths"]
        with django_capture_on_commit_callbacks(execute=True):
            world.alpha.move(world.security, pos="last-child")
        moved = frontend.received[-1]["json"]["paths"]
        assert "/arbeitskreise/software/papier-alpha/" in moved
        assert "/arbeitskreise/it-sicherheit/papier-alpha/" in moved
        with django_capture_on_commit_callbacks(execute=True):
            PositionPaperPage.objects.get(slug="papier-alpha").delete()
        assert (
            "/arbeitskreise/it-sicherheit/papier-alpha/" in frontend.received[-1]["json"]["paths"]
        )
    assert all(request["secret"] == SECRET for request in frontend.received)


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
    """With the database task backend the publish only enqueues; a worker delivers later."""
    tasks = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with revalidating(frontend.url), override_settings(TASKS=tasks):
        PositionPaperPageFactory(parent=world.software, slug="spaeter")
        queued = DBTaskResult.objects.filter(task_path="workgroups.tasks.frontend_revalidate")
        assert queued.count() == 1
        assert frontend.received == []
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert frontend.arrived.wait(timeout=10)
    assert "/arbeitskreise/software/spaeter/" in frontend.received[0]["json"]["paths"]
