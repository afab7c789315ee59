"""The suite's own rules: under CI a postgres test without PostgreSQL fails, never skips."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_TEST = "tests/cms/test_backups.py::test_postgres_backup_restores_into_a_fresh_database"


def test_a_postgres_test_on_sqlite_fails_under_ci():
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", POSTGRES_TEST, "-p", "no:cacheprovider", "-rfEs"],
        cwd=ROOT,
        env={**env, "CI": "true"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stdout[-2000:]
    assert "1 error" in result.stdout and "needs PostgreSQL" in result.stdout
