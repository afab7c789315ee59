"""Benchmark: /api/v1 against stock Wagtail API v2 on the same data (not a test; prints figures).

Usage: .venv/bin/python bench/api_benchmark.py [--sizes 2000 10000] [--seconds 15]
       [--concurrency 8] [--workers 4]

Starts a throwaway PostgreSQL (tests.services.postgres), loads the demo site and generates
papers up to each size (``generate_papers --bulk``), serves the project with gunicorn on
127.0.0.1 (settings ``cms.settings.bench``: production-like, shared database cache,
persistent database connections, Wagtail API v2 at /api/v2/ for comparison only) and
measures with a loopback client that stops by itself: requests per second and p50/p95
latency for a paper list page, a paper detail and by-path resolution —
  * ours, response cache warm (the production configuration after every URL was asked once),
  * ours, response cache off (API_RESPONSE_CACHE_SECONDS=0: every request built anew),
  * Wagtail API v2 (/api/v2/pages/ with the same fields; its find view for by-path).
Everything is stopped at the end.
"""

import argparse
import json
import multiprocessing
import os
import random
import statistics
import subprocess
import sys
import time
import urllib.parse
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.api_fields import V2_LIST_FIELDS  # noqa: E402
from bench.gunicorn import Gunicorn  # noqa: E402
from tests.services.postgres import postgres_start  # noqa: E402

PYTHON = sys.executable
LIST_PAGES = 10
SAMPLE = 200
WARMUP_SECONDS = 3

SAMPLE_SCRIPT = f"""
import json, random
from workgroups.selectors import papers_public, public_scope
scope = public_scope()
rows = list(papers_public(scope=scope).values_list("pk", "slug", "frontend_url"))
random.Random(7).shuffle(rows)
print(json.dumps({{"count": len(rows), "sample": rows[:{SAMPLE}]}}))
"""


def manage(env: dict, *args: str, capture: bool = False) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    return result.stdout or ""


def paper_count(env: dict) -> int:
    out = manage(
        env,
        "shell",
        "-c",
        "from workgroups.models import PositionPaperPage as P; print(P.objects.count())",
        capture=True,
    )
    return int(out.strip().splitlines()[-1])


def get(port: int, path: str) -> tuple[int, int]:
    connection = HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1"})
        response = connection.getresponse()
        body = response.read()
        return response.status, len(body)
    finally:
        connection.close()


def _client(port: int, paths: list[str], ok: set[int], start: float, stop: float, seed: int):
    rng = random.Random(seed)
    latencies, errors = [], 0
    while True:
        now = time.monotonic()
        if now >= stop:
            break
        path = rng.choice(paths)
        began = time.perf_counter()
        try:
            status, _size = get(port, path)
        except OSError:
            status = 0
        elapsed = time.perf_counter() - began
        if time.monotonic() >= start:
            latencies.append(elapsed)
            errors += status not in ok
    return latencies, errors


def measure(port: int, paths: list[str], ok: set[int], seconds: float, concurrency: int) -> dict:
    begin = time.monotonic() + 0.5
    start, stop = begin + WARMUP_SECONDS, begin + WARMUP_SECONDS + seconds
    with multiprocessing.get_context("fork").Pool(concurrency) as pool:
        results = pool.starmap(
            _client, [(port, paths, ok, start, stop, seed) for seed in range(concurrency)]
        )
    latencies = sorted(latency for part, _errors in results for latency in part)
    errors = sum(errors for _part, errors in results)
    quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0] * 99
    return {
        "requests": len(latencies),
        "rps": len(latencies) / seconds,
        "p50": quantiles[49] * 1000,
        "p95": quantiles[94] * 1000,
        "errors": errors,
    }


def scenarios(sample: list) -> dict:
    fields = ",".join(V2_LIST_FIELDS)
    v2_list = (
        f"/api/v2/pages/?type=workgroups.PositionPaperPage&fields={fields}"
        "&order=-publication_date&limit=20&offset={offset}"
    )
    return {
        "list": {
            "ours": [f"/api/v1/papers/?page={n}" for n in range(1, LIST_PAGES + 1)],
            "v2": [v2_list.format(offset=20 * n) for n in range(LIST_PAGES)],
        },
        "detail": {
            "ours": [f"/api/v1/papers/{slug}/" for _pk, slug, _url in sample],
            "v2": [f"/api/v2/pages/{pk}/" for pk, _slug, _url in sample],
        },
        "by-path": {
            "ours": [
                "/api/v1/pages/by-path/?" + urllib.parse.urlencode({"path": url})
                for _pk, _slug, url in sample
            ],
            "v2": [
                "/api/v2/pages/find/?" + urllib.parse.urlencode({"html_path": url})
                for _pk, _slug, url in sample
            ],
        },
    }


def run(args) -> list[dict]:
    pg = postgres_start(database="sprachrohr_bench")
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"CACHE_URL", "ELASTICSEARCH_URL"}},
        "DATABASE_URL": pg.url,
        "DJANGO_SETTINGS_MODULE": "cms.settings.bench",
        "LOG_LEVEL": "WARNING",
        "FRONTEND_REVALIDATE_SECRET": "",
        "PYTHONUNBUFFERED": "1",
        # Persistent database connections, as a production deployment runs gunicorn.
        "DATABASE_CONN_MAX_AGE": "60",
    }
    rows = []
    try:
        print("Datenbank und Demo-Inhalte …", flush=True)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo_content", "--no-users", "-v0")
        for size in args.sizes:
            missing = size - paper_count(env)
            if missing > 0:
                print(f"Erzeuge {missing} Papiere (bis {size}) …", flush=True)
                started = time.monotonic()
                manage(env, "generate_papers", str(missing), "--bulk", "--seed", str(size))
                print(f"  {missing} Papiere in {time.monotonic() - started:.0f} s", flush=True)
            manage(env, "shell", "-c", "from django.core.cache import cache; cache.clear()")
            data = json.loads(
                manage(env, "shell", "-c", SAMPLE_SCRIPT, capture=True).splitlines()[-1]
            )
            paths = scenarios(data["sample"])
            for label, response_cache, impls in (
                ("ours, cache warm", True, ["ours"]),
                ("ours, cache off", False, ["ours", "v2"]),
            ):
                server = Gunicorn(
                    {**env, "API_RESPONSE_CACHE_SECONDS": "300" if response_cache else "0"},
                    workers=args.workers,
                )
                try:
                    for endpoint, by_impl in paths.items():
                        for impl in impls:
                            name = label if impl == "ours" else "Wagtail API v2"
                            ok = {302} if (impl == "v2" and endpoint == "by-path") else {200}
                            print(f"  {size} Papiere · {endpoint} · {name} …", flush=True)
                            if response_cache:
                                # Steady state of a production cache: every URL seen once.
                                for path in by_impl[impl]:
                                    get(server.port, path)
                            result = measure(
                                server.port, by_impl[impl], ok, args.seconds, args.concurrency
                            )
                            rows.append(
                                {"size": size, "endpoint": endpoint, "impl": name, **result}
                            )
                finally:
                    server.stop()
    finally:
        pg.stop()
    return rows


def table(rows: list[dict]) -> str:
    lines = [
        "| Papiere | Endpunkt | Implementierung | req/s | p50 ms | p95 ms | Fehler | "
        "req/s ÷ v2 | p50 v2 ÷ unsere |",
        "|---:|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        v2 = next(
            r
            for r in rows
            if r["size"] == row["size"]
            and r["endpoint"] == row["endpoint"]
            and r["impl"] == "Wagtail API v2"
        )
        is_v2 = row["impl"] == "Wagtail API v2"
        ratio = "–" if is_v2 else f"{row['rps'] / v2['rps']:.1f}×"
        latency = "–" if is_v2 else f"{v2['p50'] / row['p50']:.1f}×"
        size = f"{row['size']:,}".replace(",", ".")
        lines.append(
            f"| {size} | {row['endpoint']} | {row['impl']} | {row['rps']:.0f} | "
            f"{row['p50']:.1f} | {row['p95']:.1f} | {row['errors']} | {ratio} | {latency} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    started = time.monotonic()
    rows = run(args)
    load = os.getloadavg()
    print()
    print(
        f"gunicorn {args.workers} sync workers, {args.concurrency} concurrent clients, "
        f"{args.seconds:.0f} s per measurement after {WARMUP_SECONDS} s warm-up, "
        f"{os.cpu_count()} CPUs, load average at the end {load[0]:.1f}, "
        f"total {time.monotonic() - started:.0f} s"
    )
    print()
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
