"""Short fault tests against real servers: PostgreSQL restarts, Elasticsearch outages.

Each test starts its own PostgreSQL (and Elasticsearch) plus a gunicorn server on loopback,
breaks a dependency, and checks what a client sees: never a 500, never a hang beyond 5 s,
and recovery without restarting the app.
"""

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import require_service
from tests.services.common import as_user, free_port, wait_until
from tests.services.postgres import postgres_start

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.postgres  # runs in the PostgreSQL pass of `make test`


def _get(url: str, timeout: float = 10) -> tuple[int, dict, float]:
    status, body, elapsed, _headers = _fetch(url, timeout)
    return status, body, elapsed


def _fetch(url: str, timeout: float = 10) -> tuple[int, dict, float, dict]:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            body = response.read()
            status, headers = response.status, dict(response.headers)
    except urllib.error.HTTPError as exc:
        body, status, headers = exc.read(), exc.code, dict(exc.headers)
    elapsed = time.monotonic() - started
    try:
        return status, json.loads(body or b"{}"), elapsed, headers
    except ValueError:
        return status, {"raw": body[:200].decode(errors="replace")}, elapsed, headers


def _manage(env: dict, *args: str) -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]


class App:
    """A migrated instance with a little demo content, served by gunicorn on loopback."""

    def __init__(
        self,
        tmp_path: Path,
        database_url: str,
        elasticsearch_url: str | None = None,
        *,
        prepare: bool = True,
        extra_env: dict | None = None,
    ):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DJANGO_DEBUG": "false",
            "DATABASE_URL": database_url,
            "DATABASE_CONN_MAX_AGE": "600",  # persistent connections: the hard case for recovery
            "SPRACHROHR_VAR_DIR": str(tmp_path / "var"),
            "API_ANON_RATE": "100000/min",
            **(extra_env or {}),
        }
        self.env.pop("ELASTICSEARCH_URL", None)
        if elasticsearch_url:
            self.env["ELASTICSEARCH_URL"] = elasticsearch_url
            self.env.setdefault("SEARCH_INDEX_PREFIX", f"faults{self.port}")
        if prepare:
            _manage(self.env, "migrate", "--noinput", "-v0")
            _manage(self.env, "load_demo_content", "--no-users", "-v0")
            if elasticsearch_url:
                _manage(self.env, "search_index", "rebuild", "--no-progress")
        self.log = open(tmp_path / f"gunicorn-{self.port}.log", "wb")  # noqa: SIM115 - stop()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "cms.wsgi",
                "--config",
                "cms/deploy/gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                "--timeout",
                "30",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        wait_until(
            lambda: self._up(),
            timeout=60,
            what="gunicorn",
            alive=lambda: self.process.poll() is None,
        )

    def _up(self) -> bool:
        try:
            return _get(f"{self.url}/healthz", timeout=2)[0] == 200
        except OSError:
            return False

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


@pytest.fixture
def own_postgres():
    server = postgres_start()
    yield server
    server.stop()


def _pg_ctl(server, *args: str) -> None:
    subprocess.run(
        as_user(server.user, [str(server.bindir / "pg_ctl"), "-D", str(server.datadir), *args]),
        check=True,
        capture_output=True,
    )


def test_app_recovers_from_a_postgres_restart_without_restarting(tmp_path, own_postgres):
    app = App(tmp_path, own_postgres.url)
    try:
        for _ in range(4):  # warm every worker's persistent connection
            assert _get(f"{app.url}/api/v1/papers/")[0] == 200

        _pg_ctl(own_postgres, "-m", "fast", "-w", "stop")
        status, body, elapsed = _get(f"{app.url}/readyz")
        assert status == 503 and body["checks"]["database"]["ok"] is False
        assert elapsed < 5
        status, body, elapsed = _get(f"{app.url}/api/v1/papers/")
        assert status >= 500 and elapsed < 5  # the database is really gone; a clear error, fast

        _pg_ctl(
            own_postgres,
            "-l",
            str(own_postgres.datadir.parent / "postgres.log"),
            "-o",
            f"-p {own_postgres.port} -c listen_addresses=127.0.0.1 -k {own_postgres.datadir}",
            "-w",
            "start",
        )
        statuses = [_get(f"{app.url}/api/v1/papers/")[0] for _ in range(6)]
        assert statuses == [200] * 6, statuses
        status, body, _ = _get(f"{app.url}/readyz")
        assert status == 200 and body["checks"]["database"]["ok"] is True
    finally:
        app.stop()


@pytest.mark.elasticsearch
def test_search_survives_an_elasticsearch_outage(tmp_path, own_postgres):
    require_service("Elasticsearch", "TEST_ELASTICSEARCH_URL")  # CI provides the JDK and download
    from tests.services.elasticsearch import elasticsearch_start

    node = elasticsearch_start(heap="256m")
    app = App(tmp_path, own_postgres.url, elasticsearch_url=node.url)
    # The same site and index without the database fallback (SEARCH_DATABASE_FALLBACK=false).
    strict = App(
        tmp_path,
        own_postgres.url,
        elasticsearch_url=node.url,
        prepare=False,
        extra_env={
            "SEARCH_DATABASE_FALLBACK": "false",
            "SEARCH_INDEX_PREFIX": app.env["SEARCH_INDEX_PREFIX"],
        },
    )
    queries = ("Fachkr%C3%A4fte", "Rechenzentren", "NIS-2")
    try:
        counts = {}
        for query in queries:
            status, body, _elapsed, headers = _fetch(f"{app.url}/api/v1/search/?q={query}")
            assert status == 200 and body["count"] > 0, (query, status, body)
            assert headers["X-Search-Backend"] == "elasticsearch"
            counts[query] = body["count"]

        node.pause()  # a hung node: the worst case for timeouts
        for query in queries:
            # Another page size: not an answer cached before the outage (those may be served).
            url = f"/api/v1/search/?q={query}&page_size=19"
            # The contract with the fallback on: the database answers, fast, the same papers.
            status, body, elapsed, headers = _fetch(f"{app.url}{url}")
            assert elapsed < 5, f"search hung for {elapsed:.1f} s"
            assert status == 200, (status, body)
            assert headers["X-Search-Backend"] == "database"
            assert body["count"] == counts[query], query
            # Without the fallback: a clear 503 problem, just as fast.
            status, body, elapsed, headers = _fetch(f"{strict.url}{url}")
            assert elapsed < 5, f"search hung for {elapsed:.1f} s"
            assert status == 503, (status, body)
            assert headers["Content-Type"] == "application/problem+json"
            assert body["status"] == 503 and body["title"]
        status, body, elapsed = _get(f"{app.url}/readyz")
        assert elapsed < 5 and body["checks"]["search"]["reachable"] is False
        assert (status, body["status"], body["checks"]["search"]["serving"]) == (
            200,
            "degraded",
            "database",
        )

        node.resume()
        wait_until(
            lambda: (
                _get(f"{app.url}/readyz")[1].get("checks", {}).get("search", {}).get("reachable")
                is True
            ),
            timeout=60,
            what="search recovery",
        )
        status, body, _elapsed, headers = _fetch(f"{app.url}/api/v1/search/?q=Fachkr%C3%A4fte")
        assert status == 200 and body["count"] == counts["Fachkr%C3%A4fte"]
        assert headers["X-Search-Backend"] == "elasticsearch"
    finally:
        strict.stop()
        app.stop()
        node.stop()
