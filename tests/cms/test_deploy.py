"""Every start of gunicorn uses the project's settings: long queries reach Django's own 400."""

import json
import os
import re
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

from tests.services.common import free_port, wait_until

ROOT = Path(__file__).resolve().parents[2]
CONFIG = "cms/deploy/gunicorn.conf.py"


def test_every_gunicorn_start_uses_the_config_file():
    dockerfile_cmd = json.loads(
        re.search(r"^CMD (\[.*\])$", (ROOT / "Dockerfile").read_text(), re.M).group(1)
    )
    web = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["web"]
    starts = {
        "Dockerfile": dockerfile_cmd,
        "docker-compose.yml": web["command"],
    }
    for name, argv in starts.items():
        assert argv[0] == "gunicorn" and argv[argv.index("--config") + 1] == CONFIG, name
    for path in ("bench/gunicorn.py", "tests/ops/test_faults.py"):
        assert '"--config"' in (ROOT / path).read_text(), path
    readme = (ROOT / "README.md").read_text()
    assert all(f"-c {CONFIG}" in line for line in readme.splitlines() if "bin/gunicorn " in line)


def test_the_image_installs_the_system_packages_the_site_needs():
    """What `make demo` installs on a bare machine (PDF layout, compound splitting) the image has."""
    makefile = (ROOT / "Makefile").read_text()
    wanted = re.search(r"^DEMO_APT_PACKAGES := (.*)$", makefile, re.M).group(1).split()
    dockerfile = (ROOT / "Dockerfile").read_text()
    install = re.search(r"apt-get install ([^&]*)&&", dockerfile, re.S).group(1).split()
    assert {"libpango-1.0-0", "hunspell-de-de"} <= set(wanted)
    assert [package for package in wanted if package not in install] == []


def test_caddy_allows_the_request_head_gunicorn_allows():
    caddyfile = (ROOT / "cms" / "deploy" / "Caddyfile").read_text()
    assert re.search(r"^\s*max_header_size 1MiB$", caddyfile, re.M)
    # gunicorn's own limit is off; its optional C parser stops at 1 MiB, as Caddy does.
    assert re.search(r"^limit_request_line = 0$", (ROOT / CONFIG).read_text(), re.M)


def test_compose_trusts_exactly_the_one_proxy_it_runs():
    backend = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["x-backend"]
    assert backend["environment"]["TRUSTED_PROXY_COUNT"] == "${TRUSTED_PROXY_COUNT:-1}"


@pytest.fixture
def gunicorn(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "SPRACHROHR_VAR_DIR": str(tmp_path),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi", "--config", CONFIG]
        + ["--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"

    def up() -> bool:
        try:
            urllib.request.urlopen(f"{url}/healthz", timeout=2)
        except OSError:
            return False
        return True

    try:
        wait_until(up, timeout=60, what="gunicorn", alive=lambda: process.poll() is None)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def test_a_query_longer_than_gunicorns_default_gets_the_apis_own_400(gunicorn):
    long_value = "x" * 20_000
    try:
        urllib.request.urlopen(f"{gunicorn}/api/v1/papers/?unbekannt={long_value}", timeout=30)
    except urllib.error.HTTPError as error:
        status, content_type, body = error.code, error.headers["Content-Type"], error.read()
    assert status == 400
    assert content_type == "application/problem+json"
    assert json.loads(body)["errors"][0]["parameter"] == "unbekannt"
