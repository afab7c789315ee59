"""gunicorn on loopback for the benchmark scripts: started, ready, stopped with its workers."""

import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

from tests.services.common import free_port

ROOT = Path(__file__).resolve().parent.parent


class Gunicorn:
    """``cms.wsgi`` with the given environment on a free loopback port (ready on /healthz)."""

    def __init__(self, env: dict, *, workers: int, timeout: int = 60):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [
                str(ROOT / ".venv" / "bin" / "gunicorn"),
                "cms.wsgi:application",
                "--config",
                str(ROOT / "cms" / "deploy" / "gunicorn.conf.py"),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                "--timeout",
                str(timeout),
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=ROOT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                urllib.request.urlopen(f"{self.url}/healthz", timeout=2)
                return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"gunicorn did not start on {self.url}")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
