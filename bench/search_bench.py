"""Search benchmark: API vs raw Elasticsearch vs database backend, rebuild and publish latency.

Not a test: it prints figures. It starts its own PostgreSQL and Elasticsearch (loopback,
tests/services), fills them with ``manage.py generate_papers`` and measures, per size:

* 20 German queries through ``GET /api/v1/search/`` on gunicorn with Elasticsearch
  (p50/p95 latency of sequential requests, req/s with concurrent clients),
* the same query bodies sent straight to Elasticsearch (client round trip and ``took``),
  giving the overhead of our API (serialisation, DB hydration, facets, highlighting),
* the same API served by the database backend (PostgreSQL full text),
* ``search_index rebuild`` time per backend,

and at the largest size the publish-to-searchable latency with the real task worker.

    .venv/bin/python bench/search_bench.py --sizes 2000 10000
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.gunicorn import Gunicorn  # noqa: E402

QUERIES = [
    "Fachkräfte",
    "Fachkraefte",
    "Fachkräftemangel",
    "Positionspapiere",
    "Rechenzentren",
    "Datenschutz",
    "digitale Verwaltung",
    '"digitale Verwaltung"',
    "Breitbandausbau",
    "Glasfaser Gewerbegebiete",
    "KI-Verordnung",
    "Cybersicherheit",
    "Informationssicherheit Kommunen",
    "Onlinezugangsgesetz",
    "Wärmeplanung",
    "Abwärme Rechenzentren",
    "Förderprogramme",
    "Nachwuchs Schulen",
    "Open Source Verwaltung",
    "Energiewende -Rechenzentren",
]
PYTHON = sys.executable
MANAGE = [PYTHON, str(ROOT / "manage.py")]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p / 100
    low, high = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def manage(env: dict, *args: str, quiet: bool = False) -> float:
    started = time.monotonic()
    subprocess.run(
        [*MANAGE, *args],
        env=env,
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL if quiet else None,
        stderr=subprocess.DEVNULL if quiet else None,
    )
    return time.monotonic() - started


def fetch(url: str) -> tuple[float, dict]:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:
        body = response.read()
        backend = response.headers.get("X-Search-Backend")
    return (time.perf_counter() - started) * 1000, {"backend": backend, "bytes": len(body)}


def api_url(base: str, q: str) -> str:
    return f"{base}/api/v1/search/?{urllib.parse.urlencode({'q': q})}"


def measure_api(base: str, *, repeat: int, expect: str) -> dict:
    for q in QUERIES:  # warm-up: lexicon, connections, caches
        _ms, info = fetch(api_url(base, q))
        assert info["backend"] == expect, (info, expect)
    times = []
    for _ in range(repeat):
        for q in QUERIES:
            ms, _info = fetch(api_url(base, q))
            times.append(ms)
    return {"p50": percentile(times, 50), "p95": percentile(times, 95), "n": len(times)}


def measure_throughput(base: str, *, concurrency: int, seconds: float) -> dict:
    stop = time.monotonic() + seconds
    counts, errors = [0] * concurrency, [0] * concurrency

    def client(i: int):
        n = i
        while time.monotonic() < stop:
            try:
                fetch(api_url(base, QUERIES[n % len(QUERIES)]))
                counts[i] += 1
            except OSError:
                errors[i] += 1
            n += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(concurrency)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    return {"rps": sum(counts) / elapsed, "errors": sum(errors), "concurrency": concurrency}


def measure_raw(repeat: int) -> dict:
    """The bodies our compiler sends, straight to Elasticsearch (no API around them)."""
    from search.backends import search_backend
    from search.backends.base import SearchRequest
    from search.backends.elasticsearch import ElasticsearchQueryCompiler
    from search.documents import alias_name
    from search.query import query_parse

    backend = search_backend()
    bodies = [
        ElasticsearchQueryCompiler(SearchRequest(query=query_parse(q))).body() for q in QUERIES
    ]
    for body in bodies:
        backend.client.search(index=alias_name("paper"), **body)
    times, took = [], []
    for _ in range(repeat):
        for body in bodies:
            started = time.perf_counter()
            response = backend.client.search(index=alias_name("paper"), **body)
            times.append((time.perf_counter() - started) * 1000)
            took.append(response["took"])
    return {
        "p50": percentile(times, 50),
        "p95": percentile(times, 95),
        "took_p50": percentile(took, 50),
        "took_p95": percentile(took, 95),
    }


def index_size(*, with_database: bool) -> dict:
    """Bytes on disk of the papers index (primaries) and of the database search table."""
    from django.db import connection
    from wagtail.search.models import IndexEntry

    from search.backends import search_backend
    from search.documents import alias_name
    from search.models import SearchDocument

    stats = search_backend().client.indices.stats(index=alias_name("paper"), metric="store,docs")
    primaries = stats["_all"]["primaries"]
    size = {
        "es_bytes": primaries["store"]["size_in_bytes"],
        "es_documents": primaries["docs"]["count"],
    }
    if with_database:
        # Our document rows and Wagtail's full-text entries over them.
        tables = [SearchDocument._meta.db_table, IndexEntry._meta.db_table]
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT sum(pg_total_relation_size(t)) FROM unnest(%s::text[]) AS t", [tables]
            )
            size["database_bytes"] = int(cursor.fetchone()[0])
    return size


def publish_latency(env: dict, samples: int) -> dict:
    """Publish → searchable on Elasticsearch, with the real task workers (db_worker)."""
    from django_tasks_db.models import DBTaskResult

    from search.backends import search_backend
    from search.backends.base import SearchRequest
    from search.query import query_parse
    from workgroups.models import PaperStatus, PositionPaperPage

    DBTaskResult.objects.filter(status="READY").delete()  # bulk generation leftovers
    # As in production: index updates and PDFs each on their own worker (queue).
    workers = [
        subprocess.Popen(
            [*MANAGE, "db_worker", "--queue-name", queue, "--interval", interval]
            + ["--no-startup-delay", "--verbosity", "0"],
            env=env,
            cwd=ROOT,
            start_new_session=True,
        )
        for queue, interval in (("default", "0.5"), ("print", "1"))
    ]
    backend = search_backend()

    def sample(n: int, paper) -> float:
        word = f"Messwort{secrets.token_hex(3)}"
        paper = paper.specific
        paper.title = f"{paper.title} {word}"
        paper.save_revision().publish()
        started = time.monotonic()
        while time.monotonic() - started < 60:
            if backend.search(SearchRequest(query=query_parse(word))).count:
                return time.monotonic() - started
            time.sleep(0.05)
        raise RuntimeError(f"sample {n} not searchable within 60 s")

    try:
        papers = list(
            PositionPaperPage.objects.filter(live=True, status=PaperStatus.CURRENT).order_by("-pk")[
                : samples + 1
            ]
        )
        # The first publish also waits for the workers to start (Django boot): reported on
        # its own, not among the samples.
        warmup = sample(0, papers[0])
        latencies = [sample(n, paper) for n, paper in enumerate(papers[1:], start=1)]
    finally:
        for worker in workers:
            _worker_stop(worker)
    return {
        "p50": statistics.median(latencies),
        "max": max(latencies),
        "min": min(latencies),
        "n": len(latencies),
        "samples": latencies,
        "first_while_workers_start": warmup,
    }


def _worker_stop(worker: subprocess.Popen) -> None:
    """Stop the worker; one busy with a long task (a PDF run after a bulk load) is killed.

    db_worker finishes its current task on SIGTERM. The samples are taken by then, and an
    interrupted task only stays marked as running in this throwaway database.
    """
    os.killpg(worker.pid, signal.SIGTERM)
    try:
        worker.wait(timeout=60)
    except subprocess.TimeoutExpired:
        print("  Worker beendet seine Aufgabe nicht binnen 60 s – abgebrochen", flush=True)
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--repeat", type=int, default=5, help="Runden über die 20 Anfragen")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn-Worker")
    parser.add_argument("--publish-samples", type=int, default=10)
    parser.add_argument("--es-heap", default="512m")
    parser.add_argument(
        "--database-up-to",
        type=int,
        default=10000,
        help="die Datenbanksuche nur bis zu dieser Größe (darüber kein DB-Rebuild, keine DB-Zeilen)",
    )
    parser.add_argument("--output", default=str(ROOT / "bench" / "results"))
    args = parser.parse_args()

    from tests.services.elasticsearch import elasticsearch_start
    from tests.services.postgres import postgres_start

    var_dir = Path(tempfile.mkdtemp(prefix="sprachrohr-bench-"))
    print("Starte PostgreSQL und Elasticsearch …", flush=True)
    pg = postgres_start()
    es = elasticsearch_start(heap=args.es_heap)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.base",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": pg.url,
        "ELASTICSEARCH_URL": es.url,
        "SEARCH_INDEX_PREFIX": "bench",
        "SPRACHROHR_VAR_DIR": str(var_dir),
        "API_ANON_RATE": "100000000/min",
        # Kept connections, as cms.settings.production has them (raw ES keeps its own too).
        "DATABASE_CONN_MAX_AGE": "60",
        "LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
    }
    without_es = {k: v for k, v in env.items() if k != "ELASTICSEARCH_URL"}
    os.environ.update(env)
    import django

    django.setup()
    from django.db import connection

    results = {"queries": QUERIES, "sizes": {}, "machine": {"cpus": os.cpu_count()}}
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"search-{time.strftime('%Y%m%d-%H%M%S')}.json"

    def save() -> None:
        # After every size: a long run that fails late keeps what it measured.
        target.write_text(json.dumps(results, indent=2, ensure_ascii=False))

    try:
        manage(env, "migrate", "--noinput", quiet=True)
        existing = 0
        for size in sorted(args.sizes):
            print(f"\n== {size} Papiere ==", flush=True)
            started = time.monotonic()
            # The documented fast path for benchmark data: published papers in batches,
            # each with the revision, log entry and index task a publish leaves.
            manage(env, "generate_papers", str(size - existing), "--bulk")
            existing = size
            generated = time.monotonic() - started
            connection.close()
            from django_tasks_db.models import DBTaskResult

            DBTaskResult.objects.filter(status="READY").delete()
            rebuild_es = manage(
                env,
                "search_index",
                "rebuild",
                "--backend",
                "elasticsearch",
                "--no-progress",
                quiet=True,
            )
            with_database = size <= args.database_up_to
            rebuild_db = (
                manage(
                    env,
                    "search_index",
                    "rebuild",
                    "--backend",
                    "database",
                    "--no-progress",
                    quiet=True,
                )
                if with_database
                else None
            )
            row = {
                "generate_s": generated,
                "rebuild_es_s": rebuild_es,
                "rebuild_db_s": rebuild_db,
                "index_size": index_size(with_database=with_database),
            }
            # Engine figures without the answer cache (every request searches); the cache
            # as production runs it, once each query has been asked.
            uncached = {"SEARCH_CACHE_SECONDS": "0"}
            servers = [
                ("elasticsearch", "elasticsearch", {**env, **uncached}),
                ("database", "database", {**without_es, **uncached}),
                ("elasticsearch_cached", "elasticsearch", env),
            ]
            for name, backend, server_env in servers:
                if backend == "database" and not with_database:
                    continue
                server = Gunicorn(server_env, workers=args.workers)
                try:
                    row[f"api_{name}"] = measure_api(server.url, repeat=args.repeat, expect=backend)
                    row[f"rps_{name}"] = measure_throughput(
                        server.url, concurrency=args.concurrency, seconds=args.seconds
                    )
                finally:
                    server.stop()
            row["raw_es"] = measure_raw(args.repeat)
            row["overhead_p50"] = row["api_elasticsearch"]["p50"] / row["raw_es"]["p50"]
            row["overhead_p95"] = row["api_elasticsearch"]["p95"] / row["raw_es"]["p95"]
            results["sizes"][size] = row
            save()
            print(json.dumps(row, indent=2), flush=True)
        results["publish_to_searchable_s"] = publish_latency(env, args.publish_samples)
        save()
        print(json.dumps(results["publish_to_searchable_s"], indent=2))
    finally:
        connection.close()
        es.stop()
        pg.stop()
        shutil.rmtree(var_dir, ignore_errors=True)

    print_table(results)
    print(f"\nRohdaten: {target}")
    return 0


def print_table(results: dict) -> None:
    print(
        "\n| Papiere | API+ES p50 / p95 (ms) | API+ES req/s | ES roh p50 / p95 (ms) | ES took p50 | "
        "Overhead p50 / p95 | API+DB p50 / p95 (ms) | API+DB req/s "
        "| API+ES Cache warm p50 / p95 (ms) | req/s | Rebuild ES / DB (s) "
        "| Index ES / DB |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for size, r in results["sizes"].items():
        database = r.get("api_database")
        database_cells = (
            f"| {database['p50']:.0f} / {database['p95']:.0f} | {r['rps_database']['rps']:.1f} "
            if database
            else "| – | – "
        )
        stored = r["index_size"]
        stored_cell = f"{stored['es_bytes'] / 2**20:.0f} MB" + (
            f" / {stored['database_bytes'] / 2**20:.0f} MB" if "database_bytes" in stored else ""
        )
        rebuild_db = f"{r['rebuild_db_s']:.0f}" if r["rebuild_db_s"] is not None else "–"
        cached = r.get("api_elasticsearch_cached")
        cached_cells = (
            f"| {cached['p50']:.1f} / {cached['p95']:.1f} "
            f"| {r['rps_elasticsearch_cached']['rps']:.0f} "
            if cached
            else "| – | – "
        )
        print(
            f"| {size} | {r['api_elasticsearch']['p50']:.0f} / {r['api_elasticsearch']['p95']:.0f} "
            f"| {r['rps_elasticsearch']['rps']:.1f} "
            f"| {r['raw_es']['p50']:.1f} / {r['raw_es']['p95']:.1f} | {r['raw_es']['took_p50']:.0f} "
            f"| {r['overhead_p50']:.1f}× / {r['overhead_p95']:.1f}× "
            f"{database_cells}"
            f"{cached_cells}"
            f"| {r['rebuild_es_s']:.0f} / {rebuild_db} | {stored_cell} |"
        )
    p = results.get("publish_to_searchable_s")
    if p:
        print(
            f"\nVeröffentlichen → auffindbar (Elasticsearch, echter Worker, {p['n']} Proben): "
            f"Median {p['p50']:.2f} s, min {p['min']:.2f} s, max {p['max']:.2f} s"
            + (
                f"; die erste Veröffentlichung, während die Worker starten: "
                f"{p['first_while_workers_start']:.2f} s"
                if "first_while_workers_start" in p
                else ""
            )
        )


if __name__ == "__main__":
    sys.exit(main())
