"""manage.py search_index setup|rebuild|status|reconcile|replay|wordlist: manage the search index."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search.analysis import MIN_PART, lexicon
from search.backends import SearchBackend, database_backend, search_backend, write_backends
from search.content import KINDS
from search.indexing import index_rebuild, index_reconcile, index_setup
from search.models import IndexUpdate
from search.outbox import index_updates_drain, index_updates_replay, index_updates_summary
from search.status import BackendStatus, index_status


class Command(BaseCommand):
    help = (
        "Suchindex verwalten: setup (fehlende Indizes anlegen, idempotent), rebuild (neu "
        "aufbauen, Alias atomar umschalten), status (mit der Datenbank vergleichen), "
        "reconcile (Abweichungen reparieren), replay (fehlgeschlagene und anstehende "
        "Aktualisierungen jetzt ausführen), wordlist (Wortliste für den Decompounder)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "action", choices=["setup", "rebuild", "status", "reconcile", "replay", "wordlist"]
        )
        parser.add_argument(
            "--backend",
            choices=["all", "elasticsearch", "database"],
            default="all",
            help="Nur dieses Backend (Standard: alle, die Aktualisierungen erhalten).",
        )
        parser.add_argument("--kind", choices=KINDS, action="append", help="Nur diese Art.")
        parser.add_argument("--json", action="store_true", help="Ergebnis als JSON ausgeben.")
        parser.add_argument("--no-progress", action="store_true")
        parser.add_argument("--output", help="wordlist: Zieldatei (Standard: stdout).")

    def _backends(self, choice: str) -> list[SearchBackend]:
        backends = write_backends()
        if choice == "all":
            return backends
        chosen = [b for b in backends if b.name == choice]
        if not chosen:
            if choice == "database":
                return [database_backend()]
            raise CommandError(
                f"Backend {choice} ist nicht konfiguriert (ELASTICSEARCH_URL fehlt?)."
            )
        return chosen

    def _progress(self, quiet: bool):
        def bar(label: str, total: int):
            return tqdm(
                total=total,
                desc=label,
                unit=" Dok.",
                file=sys.stderr,
                disable=quiet,
                dynamic_ncols=True,
            )

        return bar

    def handle(self, *args, action, backend, kind, json: bool, no_progress, output, **options):
        kinds = kind or list(KINDS)
        if action == "wordlist":
            return self._wordlist(output)
        backends = self._backends(backend)
        progress = self._progress(no_progress or options.get("verbosity", 1) == 0)
        if action == "status":
            return self._status(backends, as_json=json)
        if action == "setup":
            result = index_setup(backends=backends, progress=progress)
        elif action == "rebuild":
            result = index_rebuild(kinds=kinds, backends=backends, progress=progress)
        elif action == "replay":
            result = self._replay(progress)
        else:
            result = index_reconcile(kinds=kinds, backends=backends, progress=progress)
        self._report(action, result, as_json=json)

    def _status(self, backends: list[SearchBackend], *, as_json: bool) -> None:
        statuses = index_status(backends=backends)
        active = search_backend().name
        updates = index_updates_summary()
        if as_json:
            report = {name: status.as_dict() for name, status in statuses.items()}
            self.stdout.write(json_dumps({**report, "active": active, "updates": updates}))
        else:
            self.stdout.write(f"aktive Suche: {active}")
            self.stdout.write(
                f"Aktualisierungen: {updates['pending']} ausstehend, "
                f"{updates['failed']} fehlgeschlagen"
            )
            for name, status in statuses.items():
                self._status_lines(name, status)
        if not all(status.description.reachable for status in statuses.values()):
            raise CommandError("Ein Suchbackend ist nicht erreichbar.")
        if updates["failed"]:
            raise CommandError(
                "Aktualisierungen des Suchindex sind fehlgeschlagen (replay versucht sie erneut)."
            )
        if not all(
            status.in_sync(kind)
            for status in statuses.values()
            for kind in status.description.indices
        ):
            raise CommandError("Der Suchindex weicht von der Datenbank ab (reconcile hilft).")

    def _status_lines(self, name: str, status: BackendStatus) -> None:
        facts = status.description
        state = "erreichbar" if facts.reachable else "NICHT erreichbar"
        extra = f", Kette {facts.chain}" if facts.chain else ""
        self.stdout.write(f"{name}: {state}{extra}")
        for kind, index in facts.indices.items():
            mark = "ok" if status.in_sync(kind) else "ABWEICHUNG"
            self.stdout.write(
                f"  {kind:14} {index.location}: {index.documents} im Index, "
                f"{status.public[kind]} öffentlich – {mark}"
            )

    def _report(self, action: str, result: dict, *, as_json: bool) -> None:
        if as_json:
            self.stdout.write(json_dumps(result))
            return
        for key, value in result.items():
            self.stdout.write(f"{key}: {json_dumps(value)}")
        self.stdout.write(self.style.SUCCESS(f"search_index {action}: fertig"))

    def _replay(self, progress) -> dict:
        """Failed updates start afresh; then everything due is worked off here and now."""
        revived = index_updates_replay()
        due = IndexUpdate.objects.filter(state=IndexUpdate.State.PENDING).count()
        totals = {"revived": revived, "done": 0, "retrying": 0, "failed": 0}
        with progress("Aktualisierungen", due) as bar:
            while True:
                report = index_updates_drain()
                for key in ("done", "retrying", "failed"):
                    totals[key] += report[key]
                bar.update(sum(report.values()))
                if not report["done"]:
                    break
        if totals["retrying"] or totals["failed"]:
            raise CommandError(
                f"Nicht alle Aktualisierungen gelangen: {totals}. Ist das Suchbackend erreichbar?"
            )
        return totals

    def _wordlist(self, output: str | None) -> None:
        # For the full chain's dictionary_decompounder on the Elasticsearch node (see README).
        words = sorted(w for w in lexicon() if len(w) >= MIN_PART and w.isalpha())
        if not words:
            raise CommandError("Kein Wörterbuch gefunden (SEARCH_HUNSPELL_DIC, hunspell-de-de).")
        text = "\n".join(words) + "\n"
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
            self.stdout.write(f"{len(words)} Wörter nach {output} geschrieben")
        else:
            self.stdout.write(text, ending="")


def json_dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, default=str, indent=None)
