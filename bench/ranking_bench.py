"""Known-item ranking benchmark: German federal laws as papers, their section headings as queries.

Not a test: it prints figures. Each law of a corpus of German federal laws in Markdown
(github.com/bundestag/gesetze, ``<letter>/<abbrev>/index.md``; a checkout or a bare clone,
given with ``--corpus``) becomes a published position paper (title = law title, body = its
headings and paragraphs, spread over the working groups) on a fresh database. Section
headings that occur in only one of the loaded laws ("§ 3 Begriffsbestimmungen" →
"Begriffsbestimmungen") are the queries, each expecting its law, in four forms: as written,
lower-cased, with umlaut spellings (ä → ae …) and with one word's singular/plural swapped.
Measured (rank of the expected law among the first 10 results):

* ours on the database backend, SQLite and PostgreSQL (``search_papers``, what /api/v1/search/
  answers),
* ours on Elasticsearch (same PostgreSQL),
* stock Wagtail search on the same PostgreSQL (``PositionPaperPage.objects.live().search(q)``).

    nice -n 19 .venv/bin/python bench/ranking_bench.py --corpus /path/to/gesetze --laws 1000

It starts its own PostgreSQL and Elasticsearch (tests/services) unless ``--database-url`` /
``--elasticsearch-url`` name running servers (the database is dropped and created anew).
"""

import argparse
import html
import json
import os
import random
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PYTHON = sys.executable
SEED = 14
# Laws longer than this (Markdown bytes) are left out: a few codes of several MB would
# dominate load time without adding queries of another kind.
MAX_LAW_BYTES = 100_000
TOP = 10
FORMS = ("written", "lower", "umlaut", "number")
NUMBERED_HEADING_RE = re.compile(
    r"^(?:\(XXXX\)\s*)?(?:§§?|Art\.?|Artikel)\s*\d+[a-z]?(?:\s+bis\s+\d+[a-z]?)?\s+(?P<text>.+)$"
)
UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
# Feminine suffixes whose plural is the singular plus -en (Bestimmung → Bestimmungen).
PLURAL_EN = ("ung", "heit", "keit", "schaft", "ion", "tät", "ität", "ei", "ur")


# --- Corpus ------------------------------------------------------------------------------------


def corpus_files(corpus: Path) -> tuple[list[tuple[str, str]], str]:
    """(path, Markdown) of every law, and where they came from (the commit if a git repo)."""
    if (corpus / "objects").is_dir() and (corpus / "HEAD").is_file():
        git = ["git", "--git-dir", str(corpus)]
    elif (corpus / ".git").exists():
        git = ["git", "-C", str(corpus)]
    else:
        paths = sorted(
            str(p.relative_to(corpus))
            for p in corpus.glob("*/*/index.md")
            if p.stat().st_size <= MAX_LAW_BYTES
        )
        return [(p, (corpus / p).read_text(encoding="utf-8")) for p in paths], str(corpus)
    commit = subprocess.run(
        [*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    listing = subprocess.run(
        [*git, "ls-tree", "-r", "-l", commit], capture_output=True, text=True, check=True
    ).stdout
    entries = []
    for line in listing.splitlines():
        meta, path = line.split("\t", 1)
        _mode, _type, sha, size = meta.split()
        if path.count("/") == 2 and path.endswith("/index.md"):
            entries.append((path, sha, int(size)))
    entries = [e for e in sorted(entries) if e[2] <= MAX_LAW_BYTES]
    batch = subprocess.run(
        [*git, "cat-file", "--batch"],
        input="".join(f"{sha}\n" for _p, sha, _s in entries).encode(),
        capture_output=True,
        check=True,
    ).stdout
    files, pos = [], 0
    for path, _sha, _size in entries:
        header_end = batch.index(b"\n", pos)
        size = int(batch[pos:header_end].split()[2])
        files.append((path, batch[header_end + 1 : header_end + 1 + size].decode("utf-8")))
        pos = header_end + 1 + size + 1
    return files, f"{corpus} @ {commit}"


def law_parse(path: str, text: str) -> dict | None:
    """Title, abbreviation and body blocks (headings, paragraphs) of one law's Markdown."""
    title, abbrev = "", path.split("/")[1]
    lines = text.splitlines()
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
        for line in lines[1:end]:
            key, _, value = line.partition(":")
            if key.strip() == "Title":
                title = value.strip()
            elif key.strip() == "jurabk":
                abbrev = value.strip() or abbrev
        lines = lines[end + 1 :]
    blocks, paragraph, headings = [], [], []

    def flush():
        text = " ".join(paragraph).strip()
        paragraph.clear()
        if text and text not in {"-", "(+++ Textnachweis", "+++)"}:
            blocks.append({"type": "paragraph", "value": f"<p>{html.escape(text)}</p>"})

    for line in lines:
        stripped = line.strip()
        if stripped.startswith("# "):  # the law's own title line
            flush()
        elif stripped.startswith("##"):
            flush()
            heading = stripped.lstrip("#").strip()
            if heading:
                level = "h2" if stripped.startswith("## ") else "h3"
                blocks.append({"type": "heading", "value": {"text": heading[:200], "level": level}})
                headings.append(heading)
        elif not stripped:
            flush()
        else:
            paragraph.append(stripped.removeprefix(":").strip())
    flush()
    if not title or not any(b["type"] == "paragraph" for b in blocks):
        return None
    return {
        "slug": "gesetz-" + re.sub(r"[^a-z0-9]+", "-", path.split("/")[1].lower()).strip("-"),
        "title": title[:250],
        "abbrev": abbrev,
        "blocks": blocks,
        "headings": headings,
        "chars": sum(len(b["value"]) if b["type"] == "paragraph" else 0 for b in blocks),
    }


def heading_query(heading: str) -> str | None:
    """The words of a numbered section heading, or None if it makes no query."""
    match = NUMBERED_HEADING_RE.match(heading)
    if not match:
        return None
    text = match.group("text").strip().rstrip(".;:,")
    if "weggefallen" in text or text.startswith(("(", "-")) or len(text) > 120:
        return None
    words = re.findall(r"[^\W\d_]+", text)
    if not any(len(w) >= 4 for w in words) or len(words) > 10:
        return None
    return text


def number_swapped(query: str, rng: random.Random) -> str | None:
    """The query with one noun's singular/plural swapped by a simple rule, or None."""
    candidates = []
    for match in re.finditer(r"[^\W\d_]+", query):
        word = match.group()
        if not word[:1].isupper() or len(word) < 5:
            continue
        if word.endswith(tuple(s + "en" for s in PLURAL_EN)):
            candidates.append((match, word[:-2]))
        elif word.endswith(PLURAL_EN):
            candidates.append((match, word + "en"))
    if not candidates:
        return None
    match, swapped = rng.choice(candidates)
    return query[: match.start()] + swapped + query[match.end() :]


def umlauts_spelled(query: str) -> str:
    return "".join(UMLAUTS.get(c, c) for c in query)


def corpus_prepare(corpus: Path, *, laws: int, max_queries: int, seed: int = SEED) -> dict:
    """The chosen laws and the known-item queries built from their headings (fixed seed)."""
    files, source = corpus_files(corpus)
    rng = random.Random(seed)
    rng.shuffle(files)
    chosen = []
    for path, text in files:
        law = law_parse(path, text)
        if law is not None:
            chosen.append(law)
        if len(chosen) >= laws:
            break
    laws_by_heading: dict[str, set[str]] = defaultdict(set)
    candidates: dict[str, list[str]] = defaultdict(list)
    for law in chosen:
        for heading in law.pop("headings"):
            query = heading_query(heading)
            if query:
                laws_by_heading[query.casefold()].add(law["slug"])
                candidates[law["slug"]].append(query)
    # One query per law, from a heading no other loaded law has (one expected answer).
    items = []
    for law in chosen:
        unique = sorted(
            {q for q in candidates[law["slug"]] if len(laws_by_heading[q.casefold()]) == 1}
        )
        if unique:
            items.append({"expected": law["slug"], "written": rng.choice(unique)})
    rng.shuffle(items)
    items = items[:max_queries]
    queries = []
    for item in items:
        written = item["written"]
        forms = {
            "written": written,
            "lower": written.lower(),
            "umlaut": umlauts_spelled(written),
            "number": number_swapped(written, rng),
        }
        for form in FORMS:
            text = forms[form]
            # A form that reads like the written query would only repeat it.
            if text and (form == "written" or text != written):
                queries.append({"form": form, "q": text, "expected": item["expected"]})
    return {"source": source, "laws": chosen, "queries": queries}


# --- Inside Django: load, index, evaluate --------------------------------------------------------


class _LawPapers:
    """Duck-typed stand-in for the paper generator: ``_bulk_create`` asks it for each paper."""

    def __init__(self, laws: list[dict]):
        from workgroups.devtools.generate import _citation_counters
        from workgroups.models import WorkingGroupPage

        self.groups = {g.slug: g for g in WorkingGroupPage.objects.order_by("path")}
        self.latest_by_template: dict = {}
        self.laws = laws
        self.counters = _citation_counters()

    def items(self) -> list[dict]:
        import datetime as dt

        slugs = sorted(self.groups)
        items = []
        for number, _law in enumerate(self.laws):
            date = dt.date(2014 + number % 12, 1 + number % 12, 1 + number % 28)
            self.counters[("POS", date.year)] += 1
            n = self.counters[("POS", date.year)]
            items.append(
                {
                    "number": number,
                    "date": date,
                    "lead": slugs[number % len(slugs)],
                    "citation_id": f"CITM-POS-{date.year}-{n:02d}",
                }
            )
        return items

    def paper(self, item: dict):
        import uuid

        from workgroups.models import PaperStatus, PaperType, PositionPaperPage

        law = self.laws[item["number"]]
        paper = PositionPaperPage(
            title=law["title"],
            slug=law["slug"][:80],
            live=False,
            summary=f"Amtliche Abkürzung: {law['abbrev']}.",
            verdict="Bundesrecht (Gesetze im Internet).",
            body=[{**block, "id": str(uuid.uuid4())} for block in law["blocks"]],
            paper_type=PaperType.POSITIONSPAPIER,
            publication_date=item["date"],
            citation_id=item["citation_id"],
            status=PaperStatus.CURRENT,
        )
        paper.planned_dispatches = []
        paper.supersede_previous = False
        paper.template_slug = law["slug"]
        return paper


def laws_load(laws: list[dict]) -> dict[str, int]:
    """Publish every law as a paper in batches (the generator's bulk path); slug → page id."""
    from django.db import transaction
    from tqdm import tqdm

    from workgroups.demo.validation import demo_content_read
    from workgroups.devtools.generate import BULK_BATCH, _bulk_create
    from workgroups.models import PositionPaperPage, WorkingGroupPage
    from workgroups.services.demo import demo_content_load
    from workgroups.services.roles import site_bootstrap

    if not WorkingGroupPage.objects.exists():
        demo_content_load(data=demo_content_read(), with_users=False)
    site_bootstrap()
    source = _LawPapers(laws)
    items = source.items()
    with tqdm(total=len(items), desc="Gesetze laden", unit=" Gesetze", file=sys.stderr) as bar:
        for start in range(0, len(items), BULK_BATCH):
            with transaction.atomic():
                _bulk_create(source, items[start : start + BULK_BATCH])
            bar.update(len(items[start : start + BULK_BATCH]))
    slugs = [law["slug"][:80] for law in laws]
    return dict(PositionPaperPage.objects.filter(slug__in=slugs).values_list("slug", "pk"))


def _ours(q: str) -> list[int]:
    from search.services import search_papers

    page = search_papers(q=q, filters={}, offset=0, limit=TOP)
    return [paper.pk for paper in page.papers]


def _stock(q: str) -> list[int]:
    from workgroups.models import PositionPaperPage

    return [page.pk for page in PositionPaperPage.objects.live().search(q)[:TOP]]


def evaluate(name: str, search, queries: list[dict], ids: dict[str, int]) -> list[dict]:
    from tqdm import tqdm

    slugs = {pk: slug for slug, pk in ids.items()}
    rows = []
    started = time.monotonic()
    for query in tqdm(queries, desc=name, unit=" Anfragen", file=sys.stderr, mininterval=5):
        found = search(query["q"])
        expected = ids[query["expected"]]
        rank = found.index(expected) + 1 if expected in found else None
        top = [slugs.get(pk, f"#{pk}") for pk in found[:5]]
        rows.append({**query, "backend": name, "rank": rank, "top": top})
    elapsed = time.monotonic() - started
    print(f"{name}: {len(queries)} Anfragen in {elapsed:.0f} s", flush=True)
    return rows


def worker(data_path: Path, output: Path, *, label: str) -> None:
    """Runs in a child process whose environment names the database (and Elasticsearch)."""
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import override_settings
    from django_tasks_db.models import DBTaskResult

    from search.indexing import index_rebuild

    data = json.loads(data_path.read_text())
    timings = {}
    started = time.monotonic()
    call_command("migrate", "--noinput", verbosity=0)
    timings["migrate_s"] = time.monotonic() - started
    started = time.monotonic()
    ids = laws_load(data["laws"])
    timings["load_s"] = time.monotonic() - started
    DBTaskResult.objects.filter(status="READY").delete()  # the loader's queued index updates
    started = time.monotonic()
    index_rebuild()
    timings["rebuild_s"] = time.monotonic() - started
    print(", ".join(f"{k} {v:.0f}" for k, v in timings.items()), flush=True)
    rows = []
    queries = data["queries"]
    with override_settings(ELASTICSEARCH_URL=""):
        rows += evaluate(f"ours, database ({label})", _ours, queries, ids)
    if settings.ELASTICSEARCH_URL:
        rows += evaluate("ours, Elasticsearch", _ours, queries, ids)
    if connection.vendor == "postgresql":
        started = time.monotonic()
        call_command("wagtail_update_index", verbosity=0)
        timings["wagtail_index_s"] = time.monotonic() - started
        rows += evaluate("Wagtail stock (PostgreSQL)", _stock, queries, ids)
    output.write_text(json.dumps({"rows": rows, "timings": timings}, ensure_ascii=False))


# --- Orchestration ---------------------------------------------------------------------------------


def summarise(rows: list[dict]) -> list[dict]:
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in rows:
        groups[(row["backend"], row["form"])].append(row)
        groups[(row["backend"], "all")].append(row)
    table = []
    for (backend, form), items in groups.items():
        ranks = [r["rank"] for r in items]
        table.append(
            {
                "backend": backend,
                "form": form,
                "queries": len(items),
                "top1": sum(1 for r in ranks if r == 1) / len(items),
                "top5": sum(1 for r in ranks if r and r <= 5) / len(items),
                "mrr": sum(1 / r for r in ranks if r) / len(items),
            }
        )
    order = {form: i for i, form in enumerate((*FORMS, "all"))}
    return sorted(table, key=lambda t: (t["backend"], order[t["form"]]))


def print_table(table: list[dict]) -> None:
    print("\n| backend | form | queries | top-1 | top-5 | MRR |")
    print("|---|---|---:|---:|---:|---:|")
    for t in table:
        print(
            f"| {t['backend']} | {t['form']} | {t['queries']} | {100 * t['top1']:.1f} % "
            f"| {100 * t['top5']:.1f} % | {t['mrr']:.3f} |"
        )


def _fresh_database(url: str) -> None:
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="Gesetze: Checkout oder Bare-Repository")
    parser.add_argument("--laws", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=SEED, help="Auswahl der Gesetze und Anfragen")
    parser.add_argument("--max-queries", type=int, default=700, help="höchstens so viele Gesetze")
    parser.add_argument("--database-url", help="laufender PostgreSQL (Datenbank wird neu angelegt)")
    parser.add_argument("--elasticsearch-url", help="laufender Elasticsearch-Knoten")
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgres"])
    parser.add_argument("--es-heap", default="512m")
    parser.add_argument(
        "--keep", action="store_true", help="Indizes auf --elasticsearch-url behalten (Analyse)"
    )
    parser.add_argument("--output", default=str(ROOT / "bench" / "results"))
    parser.add_argument(
        "--worker", nargs=3, metavar=("DATA", "OUT", "LABEL"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.worker:
        worker(Path(args.worker[0]), Path(args.worker[1]), label=args.worker[2])
        return 0
    if not args.corpus:
        parser.error("--corpus fehlt")

    started = time.monotonic()
    data = corpus_prepare(args.corpus, laws=args.laws, max_queries=args.max_queries, seed=args.seed)
    chars = sum(law["chars"] for law in data["laws"])
    print(
        f"{len(data['laws'])} Gesetze ({chars / 1e6:.1f} Mio. Zeichen), "
        f"{len(data['queries'])} Anfragen, vorbereitet in {time.monotonic() - started:.0f} s",
        flush=True,
    )
    work = Path(tempfile.mkdtemp(prefix="sprachrohr-ranking-"))
    data_path = work / "data.json"
    data_path.write_text(json.dumps(data, ensure_ascii=False))
    base_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.base",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SEARCH_CACHE_SECONDS": "0",
        "SEARCH_INDEX_PREFIX": f"rankbench{secrets.token_hex(3)}",
        "LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
    }
    services, rows, timings = [], [], {}
    try:
        for backend in args.backends:
            env = {**base_env, "SPRACHROHR_VAR_DIR": str(work / backend)}
            if backend == "sqlite":
                env["DATABASE_URL"] = f"sqlite:///{work / backend / 'db.sqlite3'}"
                env.pop("ELASTICSEARCH_URL", None)
            else:
                from tests.services.elasticsearch import elasticsearch_start
                from tests.services.postgres import postgres_start

                if args.database_url:
                    env["DATABASE_URL"] = args.database_url
                else:
                    services.append(postgres_start())
                    env["DATABASE_URL"] = services[-1].url
                _fresh_database(env["DATABASE_URL"])
                if args.elasticsearch_url:
                    env["ELASTICSEARCH_URL"] = args.elasticsearch_url
                else:
                    services.append(elasticsearch_start(heap=args.es_heap))
                    env["ELASTICSEARCH_URL"] = services[-1].url
            (work / backend).mkdir(parents=True, exist_ok=True)
            out = work / f"{backend}.json"
            print(f"\n== {backend} ==", flush=True)
            subprocess.run(
                [PYTHON, __file__, "--worker", str(data_path), str(out), backend],
                env=env,
                cwd=ROOT,
                check=True,
            )
            part = json.loads(out.read_text())
            rows += part["rows"]
            timings[backend] = part["timings"]
            print_table(summarise(rows))  # so far: a long run that is cut short still tells
            if backend != "sqlite" and args.elasticsearch_url:
                if args.keep:
                    print(
                        f"Indizes behalten: SEARCH_INDEX_PREFIX={base_env['SEARCH_INDEX_PREFIX']}"
                    )
                else:
                    _indices_drop(args.elasticsearch_url, base_env["SEARCH_INDEX_PREFIX"])
    finally:
        for service in reversed(services):
            service.stop()
        shutil.rmtree(work, ignore_errors=True)
    table = summarise(rows)
    results = {
        "corpus": data["source"],
        "laws": len(data["laws"]),
        "characters": chars,
        "seed": args.seed,
        "timings": timings,
        "table": table,
        "rows": rows,
    }
    out_dir = Path(args.output)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"ranking-{time.strftime('%Y%m%d-%H%M%S')}.json"
    target.write_text(json.dumps(results, indent=1, ensure_ascii=False))
    print_table(table)
    print(f"\nRohdaten: {target}")
    return 0


def _indices_drop(url: str, prefix: str) -> None:
    from elasticsearch import Elasticsearch

    client = Elasticsearch(url)
    # Only this run's indices (the prefix carries a random token) on a shared node.
    client.indices.delete(index=f"{prefix}-*", ignore_unavailable=True, allow_no_indices=True)


if __name__ == "__main__":
    sys.exit(main())
