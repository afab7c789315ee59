"""The production compose file: valid Compose Specification, healthchecks, volumes, no leaks."""

import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.yml"


def _compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def test_compose_file_validates_against_the_compose_specification():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.compose-spec",
            str(COMPOSE),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_stack_has_every_role_with_a_healthcheck():
    services = _compose()["services"]
    assert {
        "db",
        "elasticsearch",
        "web",
        "worker",
        "scheduler",
        "frontend",
        "proxy",
        "init",
    } <= set(services)
    for name, service in services.items():
        if name != "init":
            assert "healthcheck" in service, f"{name} has no healthcheck"
    assert services["elasticsearch"]["image"].endswith(":8.19.21")
    assert services["elasticsearch"]["environment"]["xpack.security.enabled"] == "true"


def test_only_the_proxy_publishes_ports_and_data_lives_in_named_volumes():
    compose = _compose()
    published = [name for name, service in compose["services"].items() if service.get("ports")]
    assert published == ["proxy"]
    for volume in ("pgdata", "esdata", "media", "static"):
        assert volume in compose["volumes"]


def test_every_variable_the_stack_needs_is_documented_in_env_example():
    used = set(re.findall(r"\$\{([A-Z_]+)", COMPOSE.read_text()))
    documented = {
        line.split("=", 1)[0]
        for line in (ROOT / ".env.example").read_text().splitlines()
        if "=" in line
    }
    assert used - {"SITE_ADDRESS"} <= documented, used - documented
    assert "DJANGO_SECRET_KEY" in documented


def test_caddy_keeps_documents_behind_django():
    caddyfile = (ROOT / "cms" / "deploy" / "Caddyfile").read_text()
    assert "/documents/*" in caddyfile and "reverse_proxy web:8000" in caddyfile
    assert "handle /media/*" in caddyfile and "respond 404" in caddyfile
    # The admin's preview URL is {FRONTEND_URL}/api/preview: it must reach Next.js, not Django,
    # so its route has to come before the backend's /api/* rule.
    assert caddyfile.index("handle /api/preview*") < caddyfile.index("@backend path")


def _queues_served(commands: list[list[str]]) -> set[str]:
    """The task queues that db_worker commands work off (``--queue-name a,b``)."""
    served = set()
    for argv in commands:
        if "db_worker" in argv and "--queue-name" in argv:
            served.update(argv[argv.index("--queue-name") + 1].split(","))
    return served


def test_every_task_queue_has_a_worker_in_production_and_in_the_demo():
    # A queue without a worker fills silently (PDFs would never appear).
    from django.conf import settings

    from cms.management.commands.run_demo import Command

    queues = set(settings.TASKS["default"]["QUEUES"])
    assert queues == {"default", "print"}
    compose = [s.get("command") or [] for s in _compose()["services"].values()]
    assert _queues_served([c for c in compose if isinstance(c, list)]) == queues
    demo = Command()._processes({"host": "127.0.0.1", "port": "8000", "no_frontend": True})
    assert _queues_served(list(demo.values())) == queues
