"""Run the demo against a local Elasticsearch node (no Docker): node, index, demo, one Ctrl+C."""

import os
import signal
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Startet einen lokalen Elasticsearch-Knoten (Maven-Central-Distribution, ohne Docker), "
        "baut den Suchindex auf und startet die Demo damit; Strg+C beendet alles gemeinsam."
    )

    def add_arguments(self, parser):
        parser.add_argument("--es-port", type=int, default=None, help="Standard: ein freier Port")
        parser.add_argument("--heap", default="512m", help="Heap des Knotens (Standard 512m)")
        parser.add_argument("demo_args", nargs="*", help="weiter an run_demo (nach --)")

    def handle(self, *args, es_port, heap, demo_args, **options):
        # The node runner lives with the test services: the same download, checksum, user
        # and hunspell dictionary as `make test`.
        from tests.services.common import ServiceError
        from tests.services.elasticsearch import elasticsearch_start

        self.stdout.write("Starte Elasticsearch (beim ersten Mal: Download von Maven Central) …")
        try:
            node = elasticsearch_start(heap=heap, port=es_port)
        except ServiceError as exc:
            raise CommandError(f"Elasticsearch konnte nicht starten: {exc}") from exc
        env = {**os.environ, "ELASTICSEARCH_URL": node.url, "PYTHONUNBUFFERED": "1"}
        manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        demo = None
        stopping = False

        def stop(signum, _frame):
            nonlocal stopping
            stopping = True
            if demo is not None and demo.poll() is None:
                demo.send_signal(signum)

        previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
        try:
            self.stdout.write(f"Elasticsearch läuft: {node.url} – baue den Suchindex auf …")
            subprocess.run([*manage, "search_index", "rebuild"], env=env, check=True)
            if stopping:
                return
            demo = subprocess.Popen([*manage, "run_demo", *demo_args], env=env)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo mit Elasticsearch ({node.url}); /readyz zeigt das Backend."
                )
            )
            code = demo.wait()
            if code and not stopping:
                raise CommandError(f"run_demo wurde beendet (Code {code}).")
        except subprocess.CalledProcessError as exc:
            raise CommandError(f"Suchindex-Aufbau fehlgeschlagen (Code {exc.returncode}).") from exc
        finally:
            if demo is not None and demo.poll() is None:
                demo.terminate()
                try:
                    demo.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    demo.kill()
            node.stop()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            self.stdout.write("Elasticsearch gestoppt.")
