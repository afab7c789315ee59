"""Screenshots of the admin dashboard as a member and a lead, on the demo content.

Starts the backend on a temporary SQLite file (demo content, no worker, no frontend) with
the helpers of tests/e2e/run.py, then takes the pictures in Chromium
(frontend/scripts/dashboard-screenshots.mjs) into docs/screenshots/.

    .venv/bin/python -m tests.e2e.screenshots
"""

import os
import shutil
import sys
import tempfile
from pathlib import Path

from tests.e2e.run import (
    CHROMIUM,
    FRONTEND,
    PYTHON,
    ROOT,
    Database,
    E2EError,
    Processes,
    check_tools,
    free_port,
    npm_ci_if_needed,
    run,
    step,
    wait_http,
)

OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    check_tools()
    tmp = Path(tempfile.mkdtemp(prefix="sprachrohr-screenshots-"))
    processes = Processes(tmp)
    database = Database("", tmp)  # always SQLite: the pictures need no real engines
    ok = False
    try:
        npm_ci_if_needed()
        port = free_port()
        backend_url = f"http://127.0.0.1:{port}"
        env = {
            **{k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE"}},
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DATABASE_URL": database.create(),
            "SPRACHROHR_VAR_DIR": str(tmp / "var"),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "WAGTAILADMIN_BASE_URL": backend_url,
            "PUBLIC_BACKEND_URL": backend_url,
            "PYTHONUNBUFFERED": "1",
        }
        env.pop("ELASTICSEARCH_URL", None)
        (tmp / "var").mkdir()
        manage = [PYTHON, "manage.py"]
        run([*manage, "migrate", "--noinput"], env=env, title="Backend: migrate")
        run([*manage, "createcachetable"], env=env, title="Backend: Cache-Tabelle")
        run([*manage, "load_demo_content"], env=env, title="Backend: Demo-Inhalte")
        step("Server starten")
        processes.start(
            "backend", [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"], env=env
        )
        wait_http(f"{backend_url}/admin/login/", processes=processes, name="backend")
        run(
            ["node", "scripts/dashboard-screenshots.mjs", backend_url, str(OUT)],
            cwd=FRONTEND,
            env={**os.environ, "CHROMIUM_PATH": CHROMIUM},
            title="Bildschirmfotos (Chromium)",
        )
        processes.check("backend")
        ok = True
        return 0
    except E2EError as exc:
        print(f"\nFEHLER: {exc}", file=sys.stderr, flush=True)
        for name in processes.children:
            print(processes.tail(name, 25), file=sys.stderr)
        return 1
    finally:
        processes.stop()
        if ok:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print(f"Logs und Daten bleiben zur Analyse in {tmp}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
