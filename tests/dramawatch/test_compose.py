"""docker-compose.yml and the Dockerfile, checked without Docker (CI has no engine).

The file parses; every service of the dramawatch image runs a command that the image's entry
point (the ``dramawatch`` console script) has, with options it accepts; the environment
holds every variable the config interpolates, and the URLs point at the services.
"""

from __future__ import annotations

import importlib
import re
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import click
import pytest
import yaml

from config import load_config

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
SERVICES: dict[str, dict[str, Any]] = COMPOSE["services"]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
APP = sorted(name for name, s in SERVICES.items() if s.get("build") and "entrypoint" not in s)
_VARIABLE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(:-[^}]*)?\}")


def _entry_point() -> click.Group:
    """The click group behind the image's ENTRYPOINT console script."""
    (entry,) = re.findall(r'^ENTRYPOINT \["([^"]+)"\]', DOCKERFILE, re.MULTILINE)
    target = PYPROJECT["project"]["scripts"][entry]  # e.g. dramawatch.cli:main
    module = importlib.import_module(target.split(":")[0])
    group = module.cli
    assert isinstance(group, click.Group)
    return group


def _config_text() -> str:
    """The config the services mount, with Compose's ``$$`` escapes undone."""
    content: str = COMPOSE["configs"]["dramawatch"]["content"]
    assert not re.search(r"(?<!\$)\$\{", content), "unescaped ${...}: Compose would expand it"
    return content.replace("$$", "$")


def test_the_topology_is_there_and_workers_can_be_scaled() -> None:
    assert {"postgres", "redis", "scheduler", "worker", "mailpit"} <= set(SERVICES)
    worker = SERVICES["worker"]
    # --scale worker=N needs no fixed name and no host port.
    assert "container_name" not in worker and "ports" not in worker
    assert any(str(port).endswith(":8025") for port in SERVICES["mailpit"]["ports"])  # web UI
    assert set(APP) >= {"scheduler", "worker"}


def test_the_image_installs_the_package_with_its_scale_out_extras() -> None:
    extras = PYPROJECT["project"]["optional-dependencies"]
    (installed,) = re.findall(r'pip install "\.\[([a-z,]+)\]"', DOCKERFILE)
    assert set(installed.split(",")) == {"postgres", "distributed"} <= set(extras)
    for package in PYPROJECT["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"]:
        assert f"COPY {package} {package}" in DOCKERFILE


@pytest.mark.parametrize("service", APP)
def test_each_service_runs_a_command_of_the_entry_point(service: str) -> None:
    group = _entry_point()
    name, *args = SERVICES[service]["command"]
    assert name in group.commands, (
        f"service {service}: `dramawatch {name}` is not a command of the image's entry point;"
        " register it on the CLI (dramawatch/cli/__init__.py)"
    )
    group.commands[name].make_context(name, list(args))  # raises on an unknown option


def test_the_sites_service_runs_the_demo_server() -> None:
    entrypoint = SERVICES["sites"]["entrypoint"]
    assert entrypoint[:2] == ["python", "-m"]
    assert callable(importlib.import_module(entrypoint[2]).main)


def test_the_environment_holds_what_the_config_interpolates(tmp_path: Path) -> None:
    text = _config_text()
    required = {name for name, default in _VARIABLE.findall(text) if not default}
    path = tmp_path / "dramawatch.yaml"
    path.write_text(text, encoding="utf-8")
    for service in APP:
        env = {key: str(value) for key, value in SERVICES[service]["environment"].items()}
        assert required <= set(env), f"{service} lacks {sorted(required - set(env))}"
        assert env["DRAMAWATCH_CONFIG"] in {c["target"] for c in SERVICES[service]["configs"]}
        config = load_config(path, environ=env)
        _assert_points_at_services(config.database, env)
        assert {c.smtp.host for c in config.channels if c.kind == "email"} == {"mailpit"}


def _assert_points_at_services(database: str, env: dict[str, str]) -> None:
    url = urlsplit(database)
    postgres = SERVICES["postgres"]["environment"]
    assert url.scheme == "postgresql+psycopg" and url.hostname == "postgres"
    assert (url.username, url.password) == (
        postgres["POSTGRES_USER"],
        postgres["POSTGRES_PASSWORD"],
    )
    assert url.path == f"/{postgres['POSTGRES_DB']}"
    assert urlsplit(env["DEMO_BASE"]).hostname in SERVICES


@pytest.mark.parametrize("service", [s for s in APP if "--redis" in SERVICES[s]["command"]])
def test_redis_urls_point_at_the_redis_service(service: str) -> None:
    command = SERVICES[service]["command"]
    redis_url = command[command.index("--redis") + 1]
    assert urlsplit(redis_url).hostname == "redis"


def test_the_web_service_serves_the_archive_behind_a_token() -> None:
    web = SERVICES["web"]
    name, *args = web["command"]
    assert name == "serve" and args[args.index("--host") + 1] == "0.0.0.0"
    port = args[args.index("--port") + 1]
    assert f"{port}:{port}" in web["ports"]
    # Bound beyond loopback, the app refuses to start without its token: Compose must pass it.
    assert "DRAMAWATCH_WEB_TOKEN" in web["environment"]
