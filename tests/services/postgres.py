"""Start a throwaway PostgreSQL cluster on loopback (as the ``postgres`` user when root)."""

import glob
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .common import ServiceError, as_user, chown_tree, free_port, is_root

PG_USER = "postgres"


def pg_bindir() -> Path:
    """The newest installed PostgreSQL server binaries (Debian layout or PATH)."""
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name)
    )
    if candidates:
        return Path(candidates[-1])
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).resolve().parent
    raise ServiceError(
        "PostgreSQL server binaries not found (initdb). Install Debian's 'postgresql' package "
        "(make test does this automatically when run as root)."
    )


@dataclass
class PostgresServer:
    url: str
    port: int
    datadir: Path
    bindir: Path
    user: str

    def stop(self) -> None:
        subprocess.run(
            as_user(
                self.user,
                [str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-m", "fast", "-w", "stop"],
            ),
            capture_output=True,
        )
        shutil.rmtree(self.datadir.parent, ignore_errors=True)


def postgres_start(*, database: str = "sprachrohr") -> PostgresServer:
    bindir = pg_bindir()
    user = PG_USER if is_root() else os.environ.get("USER", "")
    base = Path(tempfile.mkdtemp(prefix="sprachrohr-pg-"))
    os.chmod(base, 0o755)
    datadir = base / "data"
    datadir.mkdir()
    if is_root():
        chown_tree(base, PG_USER)
    init = subprocess.run(
        as_user(
            user,
            [
                str(bindir / "initdb"),
                "-D",
                str(datadir),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ],
        ),
        capture_output=True,
        text=True,
    )
    if init.returncode != 0:
        raise ServiceError(f"initdb failed:\n{init.stdout}\n{init.stderr}")
    port = free_port()
    options = (
        f"-p {port} -c listen_addresses=127.0.0.1 -k {datadir} "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    )
    start = subprocess.run(
        as_user(
            user,
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(datadir),
                "-l",
                str(base / "postgres.log"),
                "-o",
                options,
                "-w",
                "-t",
                "60",
                "start",
            ],
        ),
        capture_output=True,
        text=True,
    )
    if start.returncode != 0:
        log = (
            (base / "postgres.log").read_text(errors="replace")
            if (base / "postgres.log").exists()
            else ""
        )
        raise ServiceError(
            f"PostgreSQL did not start:\n{start.stdout}\n{start.stderr}\n{log[-3000:]}"
        )
    subprocess.run(
        [str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", database],
        check=True,
        capture_output=True,
    )
    url = f"postgres://postgres@127.0.0.1:{port}/{database}"
    return PostgresServer(url=url, port=port, datadir=datadir, bindir=bindir, user=user)
