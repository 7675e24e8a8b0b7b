"""`dramawatch demo` as a user runs it: two crawls, results, alerts in the local sinks."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.web import free_port, wait_for

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_demo_runs_the_whole_pipeline_from_any_directory(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200"}
    env.pop("DRAMAWATCH_CONFIG", None)
    done = subprocess.run(
        [sys.executable, "-m", "dramawatch", "demo", "--workdir", "demo-out"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    assert (tmp_path / "demo-out" / "dramawatch-demo.db").is_file()
    assert "国家广播电视总局关于开展网络微短剧专项整治的通知" in out  # crawl 2's new notice
    assert "market_value" in out and "Metrics: latest per series" in out
    _every_alert_reached_both_sinks(out)

    assert "Expected below: broken-listing and broken-feed" in out
    story_rows = out.split("one story (copies 2)", 1)[1].split("Metrics: latest", 1)[0]
    assert re.search(r"│ 2 +│", story_rows), story_rows  # a story with two copies is shown
    _run_the_hints(out, tmp_path)
    _the_printed_serve_command_opens_the_archive(out, env)


def _every_alert_reached_both_sinks(out: str) -> None:
    """Five regulation stories and one market move, whichever copy of a story came first
    (the Global Times copy of NRTA's 2025-02-05 notice is skipped by the rule's category)."""
    assert "Local sinks: 6 webhook posts, 6 emails" in out
    posted = re.findall(r"^  webhook \S+  (.+)$", out, re.MULTILINE)
    mailed = re.findall(r"^  email   \[dramawatch\] (.+)$", out, re.MULTILINE)
    assert posted == mailed
    assert [line.split(":", 1)[0] for line in posted] == ["market-moves", *["regulation"] * 5]
    assert (
        "regulation: 国家广播电视总局关于进一步统筹发展和安全促进网络微短剧行业健康繁荣发展的通知"
        in posted
    )


def _run_the_hints(out: str, cwd: Path) -> None:
    """Each command the demo suggests works as printed, without the venv on PATH."""
    block = out.split("Try:", 1)[1].split("\n\n", 1)[0]  # the serve command follows
    hints = [line.strip() for line in block.splitlines() if line.strip()]
    assert any(" show " in hint and "--diff" in hint for hint in hints), hints
    env = {"PATH": "/usr/bin:/bin", "HOME": str(cwd), "COLUMNS": "200", "LANG": "C.UTF-8"}
    for hint in hints:
        done = subprocess.run(
            shlex.split(hint), cwd=cwd, env=env, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, (hint, done.stderr[-2000:])
        assert "0 articles" not in done.stdout and "Traceback" not in done.stderr
        if " show " in hint:
            assert "Revisions" in done.stdout and "@@" in done.stdout, done.stdout[-2000:]
        if " search " in hint:
            assert '"nrta-notices"' in done.stdout


def _the_printed_serve_command_opens_the_archive(out: str, env: dict[str, str]) -> None:
    """The demo's last line is a command that serves its archive, from any directory."""
    command = shlex.split(out.strip().splitlines()[-1])
    assert command[-3:-1] == ["serve", "--database"]
    port = free_port()  # 8080 may be taken on this machine: the one change made to it
    server = subprocess.Popen(
        [*command, "--port", str(port)],
        cwd="/",
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        page = wait_for(f"http://127.0.0.1:{port}/?q=监管")
        assert page.status_code == 200 and "国家广播电视总局" in page.text
    finally:
        server.terminate()
        server.communicate(timeout=20)
