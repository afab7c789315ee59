"""The whole test suite, as `make test` runs it.

Starts a throwaway PostgreSQL (and Elasticsearch) as unprivileged users on loopback,
runs the Python suite on SQLite and on PostgreSQL side by side (the PostgreSQL pass, twice
as long, in two pytest-xdist workers, so no core idles once the SQLite pass is done), then
the frontend suites.
Any service that cannot start fails the run with its reason; nothing is skipped in CI.
Before that: Ruff (lint and format), migrations, and the frontend's API types against the
OpenAPI schema (``--write-types`` regenerates them; ``make types``).
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.services.common import ServiceError

ROOT = Path(__file__).resolve().parent.parent
FRONTEND = ROOT / "frontend"
# The frontend's payload types, generated from /api/v1/schema/ (openapi-typescript).
API_TYPES = FRONTEND / "lib" / "api-schema.ts"
# The PostgreSQL pass runs about twice as long as the SQLite pass beside it: split over two
# xdist workers (own test databases, own Elasticsearch index prefixes, own SMTP servers).
POSTGRES_WORKERS = ["-n", "2"]
# Each pass names its slowest tests (setup and call), so the run's time can be watched.
SLOWEST = ["--durations=25", "--durations-min=5"]


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


def _run_side_by_side(jobs: list[tuple[str, list[str], dict]]) -> None:
    """Run the jobs at once, each into its own log; print a progress line each minute.

    On success each job shows its summary lines, on failure its whole log.
    """
    titles = " und ".join(title for title, _argv, _env in jobs)
    print(f"\n=== {titles} (gleichzeitig) ===", flush=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="sprachrohr-run-") as tmp:
        running = []
        for number, (title, argv, env) in enumerate(jobs):
            log_path = Path(tmp) / f"job-{number}.log"
            log = log_path.open("wb")
            process = subprocess.Popen(
                argv, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
            )
            running.append((title, process, log, log_path))
        failed = []
        next_report = started + 60
        while running:
            for entry in list(running):
                title, process, log, log_path = entry
                try:
                    process.wait(timeout=1)
                except subprocess.TimeoutExpired:
                    continue
                log.close()
                running.remove(entry)
                output = log_path.read_text(encoding="utf-8", errors="replace")
                ok = process.returncode == 0
                print(f"\n=== {title} ===", flush=True)
                print(output if not ok else _summary(output), flush=True)
                print(
                    f"--- {title}: {'ok' if ok else 'FEHLER'} ({time.monotonic() - started:.0f} s)",
                    flush=True,
                )
                if not ok:
                    failed.append(process.returncode)
            if running and time.monotonic() >= next_report:
                next_report += 60
                elapsed = time.monotonic() - started
                progress = ", ".join(
                    f"{title}: {_last_progress(log_path)}" for title, _p, _l, log_path in running
                )
                print(f"    … {elapsed / 60:.0f} min: {progress}", flush=True)
    if failed:
        raise SystemExit(failed[0])


def _summary(output: str) -> str:
    """A passing pass's slowest tests (pytest's durations section) and its last lines."""
    lines = output.splitlines()
    start = next(
        (i for i, line in enumerate(lines) if "slowest" in line and "durations" in line), None
    )
    slowest = []
    if start is not None:
        for line in lines[start:]:
            if line.startswith("=") and slowest:
                break
            slowest.append(line)
    return "\n".join(slowest + [line for line in lines[-3:] if line not in slowest])


def _last_progress(log_path: Path) -> str:
    """The last pytest progress figure in a log ("[ 42%]"), or "läuft"."""
    try:
        tail = log_path.read_bytes()[-4000:].decode("utf-8", errors="replace")
    except OSError:
        return "läuft"
    marks = [
        part.split("]")[0].strip()
        for part in tail.split("[")[1:]
        if part.split("]")[0].strip().endswith("%")
    ]
    return marks[-1] if marks else "läuft"


def api_types_generate(target: Path, env: dict) -> None:
    """Write the frontend's API types for the current OpenAPI schema to ``target``."""
    with tempfile.TemporaryDirectory(prefix="sprachrohr-schema-") as tmp:
        schema = Path(tmp) / "schema.yaml"
        subprocess.run(
            [
                sys.executable,
                "manage.py",
                "spectacular",
                "--settings=cms.settings.test",
                "--fail-on-warn",
                "--file",
                str(schema),
            ],
            cwd=ROOT,
            env=env,
            check=True,
        )
        # --enum-values: the choice sets as arrays too (their order is the backend's).
        subprocess.run(
            ["npx", "--no-install", "openapi-typescript", str(schema), "-o", str(target)]
            + ["--enum-values"],
            cwd=FRONTEND,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def api_types_check(env: dict) -> int:
    """0 if the committed API types match the schema; a German hint otherwise."""
    with tempfile.TemporaryDirectory(prefix="sprachrohr-types-") as tmp:
        generated = Path(tmp) / API_TYPES.name
        try:
            api_types_generate(generated, env)
        except subprocess.CalledProcessError as exc:
            print(f"Schema oder Typen ließen sich nicht erzeugen: {exc}", file=sys.stderr)
            return 1
        if API_TYPES.exists() and generated.read_bytes() == API_TYPES.read_bytes():
            print("Die Frontend-Typen passen zum API-Schema.", flush=True)
            return 0
    print(
        f"Die Frontend-Typen ({API_TYPES.relative_to(ROOT)}) passen nicht zum API-Schema "
        "(/api/v1/schema/). Neu erzeugen mit `make types`, das Frontend anpassen und beides "
        "committen.",
        file=sys.stderr,
        flush=True,
    )
    return 1


def _frontend_types(env: dict) -> None:
    from tests.e2e.run import npm_ci_if_needed

    title = "Frontend-Typen passen zum API-Schema"
    print(f"\n=== {title} ===", flush=True)
    started = time.monotonic()
    npm_ci_if_needed()
    code = api_types_check(env)
    print(
        f"--- {title}: {'ok' if code == 0 else 'FEHLER'} ({time.monotonic() - started:.0f} s)",
        flush=True,
    )
    if code:
        raise SystemExit(code)
    # The fixtures of the unit tests are typed by the generated types: tsc checks them too.
    _run("Frontend: TypeScript (tsc --noEmit)", ["npx", "tsc", "--noEmit"], env=env, cwd=FRONTEND)


def main() -> int:
    parser = argparse.ArgumentParser(description="Sprachrohr-Testsuite")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--skip-frontend", action="store_true")
    parser.add_argument(
        "--write-types",
        action="store_true",
        help="nur die Frontend-Typen aus dem API-Schema neu erzeugen (make types)",
    )
    parser.add_argument("pytest_args", nargs="*")
    args = parser.parse_args()

    python = sys.executable
    base_env = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    base_env["CI"] = os.environ.get("CI", "true")
    base_env["PYTHONUNBUFFERED"] = "1"

    if args.write_types:
        from tests.e2e.run import npm_ci_if_needed

        npm_ci_if_needed()
        api_types_generate(API_TYPES, base_env)
        print(f"Geschrieben: {API_TYPES.relative_to(ROOT)}")
        return 0

    _run("Lint (ruff)", [python, "-m", "ruff", "check", "."], env=base_env)
    _run(
        "Format (ruff format --check)",
        [python, "-m", "ruff", "format", "--check", "."],
        env=base_env,
    )
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
    if not args.skip_frontend:
        _frontend_types(base_env)

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

        python_passes = []
        if not args.skip_sqlite:
            python_passes.append(
                (
                    "Python-Tests auf SQLite",
                    # Elasticsearch tests run once, in the PostgreSQL pass that has the node.
                    [
                        python,
                        "-m",
                        "pytest",
                        "-m",
                        "not postgres and not browser and not elasticsearch",
                        *SLOWEST,
                        *args.pytest_args,
                    ],
                    base_env,
                )
            )
        if not args.skip_postgres:
            python_passes.append(
                (
                    "Python-Tests auf PostgreSQL",
                    [python, "-m", "pytest", "-m", "not browser", *POSTGRES_WORKERS, *SLOWEST]
                    + args.pytest_args,
                    {**base_env, "DATABASE_URL": pg_url, "TEST_ELASTICSEARCH_URL": es_url},
                )
            )
        if python_passes:
            _run_side_by_side(python_passes)
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
