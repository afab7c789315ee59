"""Frontend suites: unit tests, production build, then end-to-end and axe tests in Chromium.

Starts the Django backend (demo content, task worker) on a free loopback port against
DATABASE_URL (a fresh database on that PostgreSQL server) or a temporary SQLite file, and
`next start` pointed at it; the backend sends mail to a local SMTP server (aiosmtpd) that
writes each message to E2E_MAILDIR for the specs; runs the Playwright suite
(playwright-core + Debian's chromium); stops everything, also on failure. Any missing part
fails the run loudly.

    .venv/bin/python -m tests.e2e.run
"""

import contextlib
import hashlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from tests.services.common import ServiceError
from tests.services.smtp import SmtpServer

ROOT = Path(__file__).resolve().parents[2]
FRONTEND = ROOT / "frontend"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PYTHON = sys.executable


class E2EError(RuntimeError):
    """A step failed; the message says which and why."""


def step(title: str) -> None:
    print(f"\n--- {title}", flush=True)


def free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(argv: list[str], *, cwd: Path = ROOT, env: dict | None = None, title: str) -> None:
    step(title)
    started = time.monotonic()
    result = subprocess.run(argv, cwd=cwd, env=env)
    if result.returncode != 0:
        raise E2EError(f"{title} fehlgeschlagen (Code {result.returncode}): {' '.join(argv)}")
    print(f"    ok ({time.monotonic() - started:.0f} s)", flush=True)


def _json_report(path: Path) -> list[str]:
    """Vitest arguments: the verbose console output plus a JSON report for failed_specs."""
    return ["--reporter=verbose", "--reporter=json", f"--outputFile.json={path}"]


def failed_specs(report: Path, limit: int = 12) -> list[str]:
    """One line per failed spec of a Vitest JSON report: file, test and the error's first line.

    CI shows only the end of the output, so the runner repeats these after the server logs.
    """
    try:
        results = json.loads(report.read_text(encoding="utf-8")).get("testResults", [])
    except (OSError, ValueError):
        return []
    lines = []
    for result in results:
        name = Path(result.get("name", "?")).name
        failed = [a for a in result.get("assertionResults", []) if a.get("status") == "failed"]
        if not failed and result.get("status") == "failed":
            # The file itself failed (a hook, an import): Vitest says why in "message".
            message = ((result.get("message") or "").strip().splitlines() or [""])[0]
            lines.append(f"✗ {name}: {message[:200]}")
        for assertion in failed:
            message = next(iter(assertion.get("failureMessages") or []), "").strip()
            first = message.splitlines()[0][:200] if message else ""
            lines.append(f"✗ {name} > {assertion.get('fullName', '?')}: {first}")
    return lines[:limit] + ([f"… und {len(lines) - limit} weitere"] if len(lines) > limit else [])


def npm_ci_if_needed() -> None:
    lock = FRONTEND / "package-lock.json"
    stamp = FRONTEND / "node_modules" / ".sprachrohr-lock"
    digest = hashlib.sha256(lock.read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text().strip() == digest:
        print("node_modules ist aktuell.", flush=True)
        return
    run(["npm", "ci", "--no-audit", "--no-fund"], cwd=FRONTEND, title="npm ci")
    stamp.write_text(digest)


def check_tools() -> None:
    missing = [tool for tool in ("node", "npm") if shutil.which(tool) is None]
    if missing:
        raise E2EError(
            f"Nicht gefunden: {', '.join(missing)} (Node.js ≥ 20.9 und npm werden gebraucht)."
        )
    if not os.access(CHROMIUM, os.X_OK):
        raise E2EError(
            f"Chromium fehlt unter {CHROMIUM} (apt-get install chromium; `make test` installiert es)."
        )
    version = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True)
    if version.returncode != 0:
        raise E2EError(
            f"Chromium startet nicht: {version.stderr.strip() or version.stdout.strip()}"
        )
    print(f"Browser: {version.stdout.strip()}", flush=True)


class Processes:
    """Child processes in their own sessions, each with a log file; stopped together."""

    def __init__(self, logdir: Path):
        self.logdir = logdir
        self.children: dict[str, tuple[subprocess.Popen, Path]] = {}

    def start(self, name: str, argv: list[str], *, env: dict, cwd: Path = ROOT) -> None:
        log = self.logdir / f"{name}.log"
        handle = log.open("wb")
        proc = subprocess.Popen(
            argv, cwd=cwd, env=env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.children[name] = (proc, log)
        print(f"gestartet: {name} (pid {proc.pid}, Log {log})", flush=True)

    def check(self, name: str) -> None:
        proc, log = self.children[name]
        if proc.poll() is not None:
            raise E2EError(f"{name} ist beendet (Code {proc.returncode}).\n{self.tail(name)}")

    def tail(self, name: str, lines: int = 40) -> str:
        _proc, log = self.children[name]
        try:
            text = log.read_text(errors="replace").splitlines()
        except OSError:
            return ""
        return f"--- letzte Zeilen von {name} ---\n" + "\n".join(text[-lines:])

    def stop(self) -> None:
        for _name, (proc, _log) in self.children.items():
            if proc.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + 10
        for _name, (proc, _log) in self.children.items():
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)


def wait_http(url: str, *, processes: Processes, name: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        processes.check(name)
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                if response.status == 200:
                    print(f"{name} antwortet: {url}", flush=True)
                    return
                last = f"HTTP {response.status}"
        except urllib.error.HTTPError as exc:
            last = f"HTTP {exc.code}"
        except OSError as exc:
            last = str(exc)
        time.sleep(1)
    raise E2EError(f"{name} antwortet nicht unter {url} ({last}).\n{processes.tail(name)}")


class Database:
    """A fresh PostgreSQL database on DATABASE_URL's server, or a temporary SQLite file."""

    def __init__(self, base_url: str, tmp: Path):
        self.base_url = base_url
        self.name = f"sprachrohr_e2e_{os.getpid()}"
        self.url = f"sqlite:///{tmp / 'e2e.sqlite3'}"
        self.created = False

    def _admin(self):
        import psycopg

        parts = urlsplit(self.base_url)
        dsn = urlunsplit(parts._replace(path="/postgres"))
        return psycopg.connect(dsn, autocommit=True)

    def create(self) -> str:
        if not self.base_url.startswith("postgres"):
            print("Datenbank: temporäre SQLite-Datei", flush=True)
            return self.url
        with self._admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}"')
            conn.execute(f'CREATE DATABASE "{self.name}"')
        self.created = True
        parts = urlsplit(self.base_url)
        self.url = urlunsplit(parts._replace(path=f"/{self.name}"))
        print(f"Datenbank: PostgreSQL {self.name}", flush=True)
        return self.url

    def drop(self) -> None:
        if not self.created:
            return
        try:
            with self._admin() as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        except Exception as exc:  # noqa: BLE001 - cleanup must not hide the real result
            print(f"Hinweis: Datenbank {self.name} nicht gelöscht: {exc}", flush=True)


def main() -> int:
    check_tools()
    tmp = Path(tempfile.mkdtemp(prefix="sprachrohr-e2e-"))
    processes = Processes(tmp)
    database = Database(os.environ.get("DATABASE_URL", ""), tmp)
    smtp: SmtpServer | None = None
    ok = False
    reports = (tmp / "unit-report.json", tmp / "e2e-report.json")
    try:
        npm_ci_if_needed()
        node_env = {**os.environ, "NEXT_TELEMETRY_DISABLED": "1", "CI": "true"}

        backend_port, frontend_port = free_port(), free_port()
        backend_url = f"http://127.0.0.1:{backend_port}"
        frontend_url = f"http://127.0.0.1:{frontend_port}"
        secret = secrets.token_urlsafe(24)
        maildir = tmp / "mail"
        smtp = SmtpServer(maildir=maildir).start()
        print(f"SMTP-Server: 127.0.0.1:{smtp.port}, E-Mails in {maildir}", flush=True)
        backend_env = {
            **{k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE"}},
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DATABASE_URL": database.create(),
            "SPRACHROHR_VAR_DIR": str(tmp / "var"),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "FRONTEND_URL": frontend_url,
            "FRONTEND_REVALIDATE_SECRET": secret,
            "WAGTAILADMIN_BASE_URL": backend_url,
            "PUBLIC_BACKEND_URL": backend_url,
            "CORS_ALLOWED_ORIGINS": frontend_url,
            "API_ANON_RATE": "100000/min",
            "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp.port),
            "EMAIL_USE_TLS": "false",
            "EMAIL_HOST_USER": "",
            "EMAIL_HOST_PASSWORD": "",
            "PYTHONUNBUFFERED": "1",
        }
        es_url = os.environ.get("TEST_ELASTICSEARCH_URL", "")
        if not es_url and os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            # Under CI the frontend is tested against real search, never the fallback.
            raise E2EError("TEST_ELASTICSEARCH_URL fehlt (unter CI=true Pflicht).")
        if es_url:
            backend_env["ELASTICSEARCH_URL"] = es_url
            backend_env["SEARCH_INDEX_PREFIX"] = f"sprachrohr-e2e-{os.getpid()}"
        else:
            backend_env.pop("ELASTICSEARCH_URL", None)
        (tmp / "var").mkdir()

        manage = [PYTHON, "manage.py"]
        run([*manage, "migrate", "--noinput"], env=backend_env, title="Backend: migrate")
        run([*manage, "createcachetable"], env=backend_env, title="Backend: Cache-Tabelle")
        run([*manage, "load_demo_content"], env=backend_env, title="Backend: Demo-Inhalte")
        # Build the search index up front (Elasticsearch when configured, else the database
        # backend), so the first search does not race the task worker's queue.
        run(
            [*manage, "search_index", "rebuild", "--no-progress"],
            env=backend_env,
            title="Backend: Suchindex aufbauen"
            + (f" (Elasticsearch {es_url})" if es_url else " (Datenbank)"),
        )

        step("Server starten")
        processes.start(
            "backend",
            [*manage, "runserver", f"127.0.0.1:{backend_port}", "--noreload"],
            env=backend_env,
        )
        processes.start(
            "worker",
            [*manage, "db_worker", "--queue-name", "default", "--interval", "0.5"],
            env=backend_env,
        )
        processes.start("printer", [*manage, "db_worker", "--queue-name", "print"], env=backend_env)
        wait_http(f"{backend_url}/api/v1/papers/?page_size=1", processes=processes, name="backend")
        # The worker works off the demo load's queue (reference index, search updates)
        # meanwhile, so the specs do not wait for it behind their own tasks.
        run(
            ["npx", "vitest", "run", *_json_report(reports[0])],
            cwd=FRONTEND,
            env=node_env,
            title="Frontend-Unit-Tests (Vitest)",
        )
        run(["npx", "next", "build"], cwd=FRONTEND, env=node_env, title="next build")
        processes.check("worker")
        frontend_env = {
            **node_env,
            "NODE_ENV": "production",
            "SPRACHROHR_API_URL": backend_url,
            "SPRACHROHR_SITE_URL": frontend_url,
            "FRONTEND_REVALIDATE_SECRET": secret,
        }
        processes.start(
            "frontend",
            ["npx", "next", "start", "-H", "127.0.0.1", "-p", str(frontend_port)],
            env=frontend_env,
            cwd=FRONTEND,
        )
        wait_http(f"{frontend_url}/", processes=processes, name="frontend")

        e2e_env = {
            **node_env,
            "E2E_BASE_URL": frontend_url,
            "E2E_BACKEND_URL": backend_url,
            "E2E_REVALIDATE_SECRET": secret,
            "E2E_MAILDIR": str(maildir),
            "CHROMIUM_PATH": CHROMIUM,
        }
        run(
            # Arguments name spec files to run alone (`python -m tests.e2e.run admin`).
            [
                "npx",
                "vitest",
                "run",
                "--config",
                "vitest.e2e.config.ts",
                *_json_report(reports[1]),
                *sys.argv[1:],
            ],
            cwd=FRONTEND,
            env=e2e_env,
            title="End-to-End- und axe-Tests (Chromium)",
        )
        for name in ("backend", "worker", "frontend"):
            processes.check(name)
        ok = True
        return 0
    except (E2EError, ServiceError) as exc:
        print(f"\nFEHLER: {exc}", file=sys.stderr, flush=True)
        for name in processes.children:
            print(processes.tail(name, 25), file=sys.stderr)
        # Last, so that the end of the output (all CI shows) names what failed.
        print(f"\nFEHLER: {exc}", file=sys.stderr)
        for line in failed_specs(reports[0]) + failed_specs(reports[1]):
            print(line, file=sys.stderr)
        return 1
    finally:
        processes.stop()
        if smtp is not None:
            smtp.stop()
        database.drop()
        if ok:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print(f"Logs und Daten bleiben zur Analyse in {tmp}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
