"""Run the demo: web server, task workers, scheduler (and the frontend, if built) together."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Startet Website, Task-Worker (Aufgaben, PDF) und Planer gemeinsam; Strg+C beendet alles."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", default="8000")
        parser.add_argument("--frontend-port", default="3000")
        parser.add_argument("--no-frontend", action="store_true")

    def _processes(self, options) -> dict[str, list[str]]:
        manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        processes = {
            "web": [*manage, "runserver", f"{options['host']}:{options['port']}"],
            "worker": [*manage, "db_worker", "--queue-name", "default", "--interval", "0.5"],
            # PDFs on their own queue: rendering never holds up an index update.
            "printer": [*manage, "db_worker", "--queue-name", "print", "--interval", "1"],
            "scheduler": [*manage, "run_scheduler", "--interval", "60"],
        }
        frontend = Path(settings.BASE_DIR) / "frontend"
        if not options["no_frontend"] and (frontend / ".next" / "BUILD_ID").exists():
            processes["frontend"] = [
                "npm",
                "--prefix",
                str(frontend),
                "run",
                "start",
                "--",
                "-H",
                options["host"],
                "-p",
                options["frontend_port"],
            ]
        return processes

    def handle(self, *args, **options):
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        env.setdefault("SPRACHROHR_API_URL", f"http://{options['host']}:{options['port']}")
        children: dict[str, subprocess.Popen] = {}
        stopping = False

        def stop(*_args):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        for name, argv in self._processes(options).items():
            children[name] = subprocess.Popen(argv, env=env, start_new_session=True)
            self.stdout.write(f"gestartet: {name} (pid {children[name].pid})")
        self.stdout.write(
            self.style.SUCCESS(
                f"Sprachrohr läuft: Admin http://{options['host']}:{options['port']}/admin/ "
                f"· API http://{options['host']}:{options['port']}/api/v1/"
                + (
                    f" · Website http://{options['host']}:{options['frontend_port']}/"
                    if "frontend" in children
                    else ""
                )
                + " – Beenden mit Strg+C"
            )
        )
        exit_code = 0
        try:
            while not stopping:
                for name, child in children.items():
                    if child.poll() is not None:
                        self.stderr.write(
                            f"{name} wurde beendet (Code {child.returncode}); alles wird gestoppt."
                        )
                        exit_code = child.returncode or 1
                        stopping = True
                        break
                time.sleep(0.5)
        finally:
            for child in children.values():
                if child.poll() is None:
                    os.killpg(child.pid, signal.SIGTERM)
            deadline = time.monotonic() + 10
            for child in children.values():
                try:
                    child.wait(timeout=max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    os.killpg(child.pid, signal.SIGKILL)
        if exit_code:
            sys.exit(exit_code)
