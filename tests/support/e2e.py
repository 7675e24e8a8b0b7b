"""Helpers for end-to-end tests: run the real CLI in a subprocess against the site server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from config import DEMO_CONFIG

ROOT = Path(__file__).resolve().parents[2]
# The contract's Article JSON keys.
ARTICLE_KEYS = {
    "id",
    "url",
    "source",
    "category",
    "title",
    "published_at",
    "language",
    "text",
    "story_id",
    "fetched_at",
}


def demo_config_text(
    database: str, *, extra_sources: list[dict[str, Any]] = (), **crawl: Any
) -> str:  # type: ignore[assignment]
    """The bundled demo config with another database, crawl settings and extra sources."""
    tree = yaml.safe_load(DEMO_CONFIG.read_text(encoding="utf-8"))
    tree["database"] = database
    tree["crawl"].update(crawl)
    tree["sources"].extend(extra_sources)
    return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)


def run_cli(
    *args: str, cwd: Path, base_url: str, timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    """``python -m dramawatch ARGS`` with DEMO_BASE pointing at the site server."""
    env = {**os.environ, "DEMO_BASE": base_url, "PYTHONPATH": str(ROOT)}
    env.pop("DRAMAWATCH_CONFIG", None)
    return subprocess.run(
        [sys.executable, "-m", "dramawatch", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def export(cwd: Path, base_url: str) -> list[dict[str, Any]]:
    """Every stored article as contract JSON."""
    done = run_cli("export", "--format", "jsonl", cwd=cwd, base_url=base_url)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
