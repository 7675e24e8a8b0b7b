"""``dramawatch serve``: the bind check, and a real server process over a crawled archive."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from dramawatch.cli import cli
from tests.support.web import free_port, wait_for

ROOT = Path(__file__).resolve().parents[2]


def test_an_exposed_bind_without_a_token_exits_2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DRAMAWATCH_WEB_TOKEN", raising=False)
    done = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--database", "sqlite://"])
    assert done.exit_code == 2
    assert "DRAMAWATCH_WEB_TOKEN" in done.output and "bind 127.0.0.1" in done.output


@pytest.mark.slow
def test_serve_runs_the_app_on_a_database(crawled_archive: str, tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("DRAMAWATCH_WEB_TOKEN", None)
    command = [sys.executable, "-m", "dramawatch", "serve", "--port", str(port),
               "--database", crawled_archive]  # fmt: skip
    server = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        page = wait_for(f"http://127.0.0.1:{port}/")
        assert page.status_code == 200 and "微短剧" in page.text
        api = httpx.get(f"http://127.0.0.1:{port}/api/v1/sources", timeout=10)
        assert api.status_code == 200 and api.json()["items"]
    finally:
        server.terminate()
        out, err = server.communicate(timeout=20)
    # uvicorn shuts down gracefully, then re-raises SIGTERM as the process's own end.
    assert server.returncode in (0, -15), err
    assert "Traceback" not in err
    assert f"http://127.0.0.1:{port}/" in out
