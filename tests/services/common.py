"""Helpers shared by the service runners: free ports, privilege drop, waiting."""

import os
import pwd
import shutil
import socket
import subprocess
import time
from collections.abc import Callable
from pathlib import Path


class ServiceError(RuntimeError):
    """A service could not be started; the message says why."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def is_root() -> bool:
    return os.geteuid() == 0


def ensure_system_user(name: str) -> None:
    """Create a locked system user (root only) so a server need not run as root."""
    try:
        pwd.getpwnam(name)
        return
    except KeyError:
        pass
    if not is_root():
        raise ServiceError(f"System user {name!r} is missing and we are not root to create it.")
    subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
        check=True,
    )


def chown_tree(path: Path, user: str) -> None:
    if is_root():
        shutil.chown(path, user=user)
        for root, dirs, files in os.walk(path):
            for name in dirs + files:
                shutil.chown(os.path.join(root, name), user=user)


def as_user(user: str, argv: list[str]) -> list[str]:
    """The command line that runs argv as ``user`` when we are root, else as ourselves."""
    if is_root() and user != "root":
        return ["runuser", "-u", user, "--", *argv]
    return argv


def wait_until(
    check: Callable[[], bool],
    *,
    timeout: float,
    interval: float = 0.5,
    what: str,
    log: Path | None = None,
    alive: Callable[[], bool] | None = None,
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        if alive is not None and not alive():
            what = f"{what} exited before it was ready; it"
            break
        time.sleep(interval)
    tail = ""
    if log is not None and log.exists():
        tail = "\n".join(log.read_text(errors="replace").splitlines()[-30:])
    raise ServiceError(f"{what} did not become ready within {timeout:.0f} s.\n{tail}")
