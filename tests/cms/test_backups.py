"""Backups: a dump restored into a fresh instance has the papers and their files."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

from cms.backups import backup_create
from tests.factories import PositionPaperPageFactory
from workgroups.demo.validation import demo_content_read

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _count_live_papers(env: dict) -> str:
    result = _manage(
        "shell",
        "-c",
        "from workgroups.models import PositionPaperPage as P; "
        "print(sorted(P.objects.live().values_list('title', flat=True)))",
        env=env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_postgres_backup_restores_into_a_fresh_database(tmp_path, group_software):
    paper = PositionPaperPageFactory(parent=group_software, title="Gesichertes Papier zur Cloud")
    archive = backup_create(directory=tmp_path / "backups")
    assert archive.exists() and archive.stat().st_size > 0

    db = settings.DATABASES["default"]
    fresh = f"restore_{uuid.uuid4().hex[:8]}"
    dsn = dict(
        host=db["HOST"], port=db["PORT"], user=db["USER"], dbname="postgres", autocommit=True
    )
    with psycopg.connect(**dsn) as conn:
        conn.execute(f'CREATE DATABASE "{fresh}"')
    try:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{fresh}",
        }
        result = _manage("restore", str(archive), env=env)
        assert result.returncode == 0, result.stderr
        assert paper.title in _count_live_papers(env)
        again = _manage("restore", str(archive), env=env)
        assert again.returncode != 0 and "bereits Daten" in again.stderr
    finally:
        with psycopg.connect(**dsn) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')


def test_sqlite_backup_restores_demo_site_with_documents(tmp_path):
    source = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "SPRACHROHR_VAR_DIR": str(tmp_path / "source"),
    }
    source.pop("DATABASE_URL", None)
    for step in (("migrate", "--noinput", "-v0"), ("load_demo_content", "--no-users", "-v0")):
        result = _manage(*step, env=source)
        assert result.returncode == 0, result.stderr
    result = _manage("backup", "--dir", str(tmp_path / "backups"), env=source)
    assert result.returncode == 0, result.stderr
    archive = Path(result.stdout.strip().splitlines()[-1])

    target = {**source, "SPRACHROHR_VAR_DIR": str(tmp_path / "fresh")}
    result = _manage("restore", str(archive), env=target)
    assert result.returncode == 0, result.stderr
    titles = _count_live_papers(target)
    assert all(paper["title"] in titles for paper in demo_content_read()["papers"])
    pdfs = list((tmp_path / "fresh" / "media" / "documents").glob("*.pdf"))
    # Each paper's PDF and the attachment of each group's minutes (membership demo step).
    content = demo_content_read()
    assert len(pdfs) == len(content["papers"]) + len(content["minutes"])


def test_restore_refuses_a_broken_archive(tmp_path, db):
    from django.core.management import CommandError, call_command

    broken = tmp_path / "kaputt.tar.gz"
    broken.write_bytes(b"not a tarball")
    with pytest.raises(CommandError) as exc:
        call_command("restore", str(broken), force=True)
    assert "beschädigt" in str(exc.value)
