"""Load test: N concurrent users browse and search on loopback for a fixed time; prints figures.

Usage: python bench/load_test.py --api http://127.0.0.1:8000 [--site http://127.0.0.1:3000]
       [--users 50] [--seconds 120]
Each simulated user repeats a visit: home, a working group, the paper list, a paper, a search
(with a facet) and search-as-you-type — against the frontend when --site is given (pages the
public sees), and the API otherwise. Targets must be loopback; the run stops by itself.
"""

import argparse
import json
import random
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter, defaultdict

QUERIES = [
    "Fachkräfte",
    "Cybersicherheit",
    "NIS-2",
    "Rechenzentren Abwärme",
    "KI-Verordnung",
    "Vergaberecht",
    "Breitband",
    "Datenschutz",
    "Weiterbildung",
    "Energiewende",
    "Open Source Verwaltung",
    "Wärmeplanung",
    "Meldepflichten",
    "Mittelstand",
    "Glasfaser",
]
PREFIXES = ["Fach", "Cyb", "Rech", "Daten", "Ener", "Ver"]


def _loopback(url: str) -> str:
    host = urllib.parse.urlparse(url).hostname
    if host not in {"127.0.0.1", "localhost", "::1"}:
        raise SystemExit(f"Nur Loopback-Ziele erlaubt, nicht {host!r}.")
    return url.rstrip("/")


def _get(url: str, timeout: float = 10) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, b""


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.errors: Counter = Counter()
        self.requests = 0

    def record(self, kind: str, seconds: float, status: int) -> None:
        with self.lock:
            self.requests += 1
            self.latencies[kind].append(seconds)
            if status >= 400 or status == 0:
                self.errors[f"{kind}:{status}"] += 1


def _discover(api: str) -> dict:
    status, body = _get(f"{api}/api/v1/papers/?page_size=100")
    if status != 200:
        raise SystemExit(f"API nicht erreichbar ({status}): {api}")
    papers = json.loads(body)["results"]
    status, body = _get(f"{api}/api/v1/working-groups/")
    groups = json.loads(body)
    groups = groups["results"] if isinstance(groups, dict) else groups
    return {"papers": papers, "groups": groups}


def _visit(api: str, site: str | None, data: dict, stats: Stats, rng: random.Random) -> None:
    paper = rng.choice(data["papers"])
    group = rng.choice(data["groups"])
    query = rng.choice(QUERIES)
    q = urllib.parse.quote(query)
    if site:
        steps = [
            ("home", f"{site}/"),
            ("group", f"{site}{group['url']}" if group.get("url") else f"{site}/arbeitskreise/"),
            ("list", f"{site}/positionen"),
            ("paper", f"{site}{paper['url']}"),
            ("search", f"{site}/suche?q={q}"),
            ("search-facet", f"{site}/suche?q={q}&working_group={group['slug']}"),
        ]
    else:
        steps = [
            ("list", f"{api}/api/v1/papers/"),
            ("group", f"{api}/api/v1/working-groups/{group['slug']}/"),
            ("paper", f"{api}/api/v1/papers/{paper['slug']}/"),
            ("search", f"{api}/api/v1/search/?q={q}"),
            ("search-facet", f"{api}/api/v1/search/?q={q}&working_group={group['slug']}"),
        ]
    steps.append(("suggest", f"{api}/api/v1/search/suggest/?q={rng.choice(PREFIXES)}"))
    for kind, url in steps:
        started = time.perf_counter()
        status, _ = _get(url)
        stats.record(kind, time.perf_counter() - started, status)


def run(api: str, site: str | None, users: int, seconds: float) -> dict:
    data = _discover(api)
    stats = Stats()
    deadline = time.monotonic() + seconds

    def user(index: int) -> None:
        rng = random.Random(index)
        while time.monotonic() < deadline:
            try:
                _visit(api, site, data, stats, rng)
            except Exception as exc:  # a crashed user is an error, not a silent gap
                stats.record("exception", 0.0, 0)
                print(f"Benutzer {index}: {exc!r}", file=sys.stderr)

    threads = [threading.Thread(target=user, args=(i,), daemon=True) for i in range(users)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    elapsed = time.monotonic() - started
    everything = [x for values in stats.latencies.values() for x in values]
    result = {
        "users": users,
        "seconds": round(elapsed, 1),
        "requests": stats.requests,
        "req_per_s": round(stats.requests / elapsed, 1),
        "errors": sum(stats.errors.values()),
        "error_kinds": dict(stats.errors),
        "p50_ms": round(statistics.median(everything) * 1000, 1) if everything else None,
        "p95_ms": round(statistics.quantiles(everything, n=100)[94] * 1000, 1)
        if len(everything) > 1
        else None,
        "by_kind": {
            kind: {
                "n": len(values),
                "p50_ms": round(statistics.median(values) * 1000, 1),
                "p95_ms": round(statistics.quantiles(values, n=100)[94] * 1000, 1)
                if len(values) > 1
                else None,
            }
            for kind, values in sorted(stats.latencies.items())
        },
    }
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--api", required=True)
    parser.add_argument("--site")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=120)
    args = parser.parse_args()
    result = run(
        _loopback(args.api), _loopback(args.site) if args.site else None, args.users, args.seconds
    )
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
