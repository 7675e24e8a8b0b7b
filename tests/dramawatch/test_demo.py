"""`dramawatch demo` as a user runs it: two crawls, results, alerts in the local sinks."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_demo_runs_the_whole_pipeline_from_any_directory(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200"}
    env.pop("DRAMAWATCH_CONFIG", None)
    done = subprocess.run(
        [sys.executable, "-m", "dramawatch", "demo", "--workdir", "demo-out"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    assert (tmp_path / "demo-out" / "dramawatch-demo.db").is_file()
    assert "国家广播电视总局关于开展网络微短剧专项整治的通知" in out  # crawl 2's new notice
    assert "market_value" in out and "Metrics: latest per series" in out
    sinks = re.search(r"Local sinks: (\d+) webhook posts, (\d+) emails", out)
    assert sinks and int(sinks.group(1)) >= 2 and int(sinks.group(2)) >= 2
    assert "regulation:" in out and "market-moves:" in out
