"""Backups: one archive with the database (engine-native dump) and the media files."""

import datetime as dt
import glob
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection

FORMAT_VERSION = 1


class BackupError(RuntimeError):
    """A backup or restore could not be completed; the message says why (German)."""


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(Path(p).parts[-3])
    )
    if candidates:
        return candidates[-1]
    raise BackupError(f"{name} nicht gefunden: bitte das Paket postgresql-client installieren.")


def _pg_env(db: dict) -> tuple[list[str], dict]:
    args = [
        "--host",
        db.get("HOST") or "127.0.0.1",
        "--port",
        str(db.get("PORT") or 5432),
        "--username",
        db.get("USER") or "postgres",
    ]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env


def backup_create(*, directory: Path) -> Path:
    """Write ``sprachrohr-backup-<timestamp>.tar.gz`` into ``directory`` and return its path."""
    db = settings.DATABASES["default"]
    directory.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    target = directory / f"sprachrohr-backup-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory(prefix="sprachrohr-backup-") as tmp:
        work = Path(tmp)
        if connection.vendor == "postgresql":
            dump = work / "database.dump"
            args, env = _pg_env(db)
            result = subprocess.run(
                [
                    _pg_tool("pg_dump"),
                    *args,
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    "--file",
                    str(dump),
                    db["NAME"],
                ],
                env=env,
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                raise BackupError(f"pg_dump fehlgeschlagen: {result.stderr.strip()}")
            engine = "postgresql"
        elif connection.vendor == "sqlite":
            dump = work / "database.sqlite3"
            connection.ensure_connection()
            with sqlite3.connect(dump) as out:
                connection.connection.backup(out)
            engine = "sqlite"
        else:
            raise BackupError(f"Datenbank {connection.vendor} wird nicht unterstützt.")
        media_root = Path(settings.MEDIA_ROOT)
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": dt.datetime.now(dt.UTC).isoformat(),
            "engine": engine,
            "database_file": dump.name,
            "media_files": sum(1 for p in media_root.rglob("*") if p.is_file())
            if media_root.exists()
            else 0,
        }
        (work / "manifest.json").write_text(json.dumps(manifest, indent=2))
        partial = target.with_suffix(".part")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(work / "manifest.json", arcname="manifest.json")
            archive.add(dump, arcname=dump.name)
            if media_root.exists():
                archive.add(media_root, arcname="media")
        partial.rename(target)
    return target


def _database_is_empty() -> bool:
    return "django_migrations" not in connection.introspection.table_names()


def backup_restore(*, archive: Path, force: bool = False) -> dict:
    """Restore database and media from an archive into this (fresh) instance."""
    if not archive.exists():
        raise BackupError(f"Sicherung nicht gefunden: {archive}")
    if not force and not _database_is_empty():
        raise BackupError(
            "Die Zieldatenbank enthält bereits Daten. Wiederherstellen nur in eine frische Instanz "
            "oder bewusst mit --force (überschreibt alles)."
        )
    db = settings.DATABASES["default"]
    with tempfile.TemporaryDirectory(prefix="sprachrohr-restore-") as tmp:
        work = Path(tmp)
        try:
            with tarfile.open(archive, "r:gz") as tar:
                tar.extractall(work, filter="data")
            manifest = json.loads((work / "manifest.json").read_text())
        except (tarfile.TarError, OSError, ValueError) as exc:
            raise BackupError(
                f"Die Sicherung ist beschädigt oder kein Sprachrohr-Archiv: {exc}"
            ) from exc
        if manifest.get("format") != FORMAT_VERSION:
            raise BackupError(f"Unbekanntes Sicherungsformat {manifest.get('format')!r}.")
        if manifest["engine"] != connection.vendor:
            raise BackupError(
                f"Die Sicherung stammt aus {manifest['engine']}, diese Instanz nutzt {connection.vendor}."
            )
        dump = work / manifest["database_file"]
        if connection.vendor == "postgresql":
            connection.close()
            args, env = _pg_env(db)
            result = subprocess.run(
                [
                    _pg_tool("pg_restore"),
                    *args,
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--no-privileges",
                    "--single-transaction",
                    "--dbname",
                    db["NAME"],
                    str(dump),
                ],
                env=env,
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                raise BackupError(f"pg_restore fehlgeschlagen: {result.stderr.strip()}")
        else:
            connection.ensure_connection()
            with sqlite3.connect(dump) as source:
                source.backup(connection.connection)
        media_src = work / "media"
        if media_src.exists():
            media_root = Path(settings.MEDIA_ROOT)
            media_root.mkdir(parents=True, exist_ok=True)
            shutil.copytree(media_src, media_root, dirs_exist_ok=True)
    return manifest
