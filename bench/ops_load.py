"""Production-like load run: 50 users browse and search the site for 2 minutes on loopback.

Starts PostgreSQL and Elasticsearch (tests/services), loads the demo content plus generated
papers, serves the backend with gunicorn (production settings, JSON logs), runs the task
worker and `next start`, then drives bench/load_test.py against the frontend and the API.
Prints the figures and writes them to bench/results/ops_load-<timestamp>.json.

    .venv/bin/python bench/ops_load.py [--papers 2000] [--users 50] [--seconds 120]
"""

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load_test import run as run_load  # noqa: E402
from tests.e2e.run import Processes, free_port, wait_http  # noqa: E402
from tests.services.elasticsearch import elasticsearch_start  # noqa: E402
from tests.services.postgres import postgres_start  # noqa: E402


def manage(env: dict, *args: str) -> None:
    print("manage.py", *args, flush=True)
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--papers", type=int, default=2000, help="generated papers on top of the demo"
    )
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="sprachrohr-load-"))
    pg = postgres_start()
    es = elasticsearch_start(heap="512m")
    processes = Processes(tmp)
    ok = False
    api_port, site_port = free_port(), free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DJANGO_SECRET_KEY": "load-test-only-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": pg.url,
        "DATABASE_CONN_MAX_AGE": "60",
        "ELASTICSEARCH_URL": es.url,
        "SPRACHROHR_VAR_DIR": str(tmp / "var"),
        # All simulated users share one loopback address; behind the proxy each has its own.
        "API_ANON_RATE": "1000000/min",
        "FRONTEND_URL": f"http://127.0.0.1:{site_port}",
        "LOG_LEVEL": "WARNING",
    }
    try:
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "collectstatic", "--noinput", "-v0")
        manage(env, "load_demo_content", "--no-users", "-v0")
        if args.papers:
            manage(env, "generate_papers", str(args.papers), "--bulk")
        manage(env, "search_index", "rebuild", "--no-progress")
        processes.start(
            "web",
            [
                sys.executable,
                "-m",
                "gunicorn",
                "cms.wsgi",
                "--bind",
                f"127.0.0.1:{api_port}",
                "--workers",
                str(args.workers),
                "--timeout",
                "30",
            ],
            env=env,
        )
        worker = [sys.executable, "manage.py", "db_worker"]
        processes.start(
            "worker", [*worker, "--queue-name", "default", "--interval", "0.5"], env=env
        )
        processes.start("printer", [*worker, "--queue-name", "print"], env=env)
        api = f"http://127.0.0.1:{api_port}"
        wait_http(f"{api}/readyz", processes=processes, name="web")
        frontend = ROOT / "frontend"
        if not (frontend / ".next" / "BUILD_ID").exists():
            subprocess.run(["npm", "run", "build"], cwd=frontend, check=True)
        processes.start(
            "frontend",
            ["npm", "run", "start", "--", "-H", "127.0.0.1", "-p", str(site_port)],
            env={**env, "SPRACHROHR_API_URL": api, "NODE_ENV": "production"},
            cwd=frontend,
        )
        site = f"http://127.0.0.1:{site_port}"
        wait_http(f"{site}/", processes=processes, name="frontend")
        result = run_load(api, site, args.users, args.seconds)
        result.update(
            date=dt.datetime.now().isoformat(timespec="seconds"),
            papers=args.papers,
            gunicorn_workers=args.workers,
            machine=f"{os.cpu_count()} cores",
        )
        out = ROOT / "bench" / "results"
        out.mkdir(exist_ok=True)
        path = out / f"ops_load-{dt.datetime.now():%Y%m%d-%H%M%S}.json"
        path.write_text(json.dumps(result, indent=2, ensure_ascii=False))
        print(json.dumps(result, indent=2, ensure_ascii=False))
        print(f"gespeichert: {path}")
        ok = not result["errors"]
        return 0 if ok else 1
    finally:
        processes.stop()
        es.stop()
        pg.stop()
        if ok:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print(f"Logs bleiben zur Analyse in {tmp}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
