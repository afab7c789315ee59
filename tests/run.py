"""The whole test suite, as `make test` runs it.

Starts a throwaway PostgreSQL (and Elasticsearch) as unprivileged users on loopback,
runs the Python suite once on SQLite and once on PostgreSQL, then the frontend suites.
Any service that cannot start fails the run with its reason; nothing is skipped in CI.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.services.common import ServiceError

ROOT = Path(__file__).resolve().parent.parent


def _run(title: str, argv: list[str], env: dict | None = None, cwd: Path = ROOT) -> None:
    print(f"\n=== {title} ===", flush=True)
    started = time.monotonic()
    result = subprocess.run(argv, env=env, cwd=cwd)
    print(
        f"--- {title}: {'ok' if result.returncode == 0 else 'FEHLER'} ({time.monotonic() - started:.0f} s)",
        flush=True,
    )
    if result.returncode != 0:
        raise SystemExit(result.returncode)


def main() -> int:
    parser = argparse.ArgumentParser(description="Sprachrohr-Testsuite")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--skip-frontend", action="store_true")
    parser.add_argument("pytest_args", nargs="*")
    args = parser.parse_args()

    python = sys.executable
    base_env = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    base_env["CI"] = os.environ.get("CI", "true")
    base_env["PYTHONUNBUFFERED"] = "1"

    _run("Lint (ruff)", [python, "-m", "ruff", "check", "."], env=base_env)
    _run(
        "Migrationen vollständig",
        [
            python,
            "manage.py",
            "makemigrations",
            "--check",
            "--dry-run",
            "--settings=cms.settings.test",
        ],
        env=base_env,
    )

    services = []
    try:
        pg_url = (
            os.environ.get("DATABASE_URL")
            if os.environ.get("DATABASE_URL", "").startswith("postgres")
            else None
        )
        if not args.skip_postgres and pg_url is None:
            from tests.services.postgres import postgres_start

            print("Starte PostgreSQL …", flush=True)
            pg = postgres_start()
            services.append(pg)
            pg_url = pg.url
        es_url = os.environ.get("TEST_ELASTICSEARCH_URL")
        # The PostgreSQL pass and the frontend suite both search on a real node.
        if not (args.skip_postgres and args.skip_frontend) and not es_url:
            from tests.services.elasticsearch import elasticsearch_start

            print("Starte Elasticsearch …", flush=True)
            es = elasticsearch_start()
            services.append(es)
            es_url = es.url

        if not args.skip_sqlite:
            _run(
                "Python-Tests auf SQLite",
                # Elasticsearch tests run once, in the PostgreSQL pass that has the node.
                [
                    python,
                    "-m",
                    "pytest",
                    "-m",
                    "not postgres and not browser and not elasticsearch",
                    *args.pytest_args,
                ],
                env=base_env,
            )
        if not args.skip_postgres:
            _run(
                "Python-Tests auf PostgreSQL",
                [python, "-m", "pytest", "-m", "not browser", *args.pytest_args],
                env={**base_env, "DATABASE_URL": pg_url, "TEST_ELASTICSEARCH_URL": es_url},
            )
        if not args.skip_frontend:
            _run(
                "Frontend: Unit-, End-to-End- und Barrierefreiheitstests",
                [python, "-m", "tests.e2e.run"],
                env={
                    **base_env,
                    "DATABASE_URL": pg_url or "",
                    "TEST_ELASTICSEARCH_URL": es_url or "",
                },
            )
    except ServiceError as exc:
        print(f"\nDienst konnte nicht gestartet werden:\n{exc}", file=sys.stderr)
        return 2
    finally:
        for service in reversed(services):
            service.stop()
    print("\nAlle Tests bestanden.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
