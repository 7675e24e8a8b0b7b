"""`kill -9` of `dramawatch crawl` at seeded random moments: a sound database, no orphans.

The crawl is killed ten times, at moments drawn from a seeded generator, then runs to its end
once. The database must pass SQLite's integrity check and hold what one clean crawl stores:
the same articles, each URL once, and the same stories; each alert exists once, for a stored
story, with one delivery per channel (which stories alert depends on the order their copies
arrived in, so that set is not compared); the killed runs are recorded as interrupted; and
no process of any killed crawl may outlive it.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dramawatch.demo.server import SiteServer, sites_root
from tests.support.alert_servers import free_port
from tests.support.e2e import demo_config_text
from tests.support.process_tree import kill_all, marked_env, wait_gone

ROOT = Path(__file__).resolve().parents[2]
SEED = 20251205
KILLS = 10
ORPHAN_GRACE_S = 5.0

pytestmark = pytest.mark.slow


def _start(workdir: Path, base_url: str, hook: str) -> tuple[subprocess.Popen[bytes], str]:
    marker, env = marked_env(DEMO_BASE=base_url, DEMO_HOOK_URL=hook, PYTHONPATH=str(ROOT))
    env.pop("DRAMAWATCH_CONFIG", None)
    crawl = subprocess.Popen(
        [sys.executable, "-m", "dramawatch", "crawl"], cwd=workdir, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    return crawl, marker


def _survivors(marker: str) -> list[int]:
    """Processes of a killed crawl still alive after a grace period."""
    left = wait_gone(marker, ORPHAN_GRACE_S)
    kill_all(marker)  # so a failure leaks nothing into the rest of the suite
    return left


def _workdir(root: Path, name: str) -> Path:
    workdir = root / name
    workdir.mkdir()
    config = demo_config_text("sqlite:///crash.db", download_timeout=3)
    (workdir / "dramawatch.yaml").write_text(config, encoding="utf-8")
    return workdir


def _full_crawl(workdir: Path, base_url: str, hook: str) -> None:
    crawl, marker = _start(workdir, base_url, hook)
    assert crawl.wait(timeout=240) == 0
    assert _survivors(marker) == []


def _rows(workdir: Path, query: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(workdir / "crash.db") as db:
        return db.execute(query).fetchall()


# Keyword alerts whose story is not stored, and alerts without a delivery per channel.
_DANGLING = (
    "SELECT id FROM alert WHERE kind = 'keyword' AND story_id NOT IN (SELECT story_id FROM article)"
)
_UNDELIVERED = (
    "SELECT a.id FROM alert a"
    " WHERE (SELECT count(*) FROM delivery d WHERE d.alert_id = a.id) != 2"  # hook and mail
)


def _contents(workdir: Path) -> dict[str, object]:
    return {
        "articles": sorted(_rows(workdir, "SELECT url FROM article")),
        "stories": sorted(_rows(workdir, "SELECT min(a.url) FROM article a GROUP BY a.story_id")),
    }


def test_kill_9_at_random_moments(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    hook = f"http://127.0.0.1:{free_port()}/hook"  # nobody listens: deliveries stay pending
    with SiteServer(sites_root()) as server:
        reference = _workdir(tmp_path, "reference")
        started = time.monotonic()
        _full_crawl(reference, server.base_url, hook)
        duration = time.monotonic() - started
        killed = _workdir(tmp_path, "killed")
        orphans = []
        for _ in range(KILLS):
            crawl, marker = _start(killed, server.base_url, hook)
            time.sleep(rng.uniform(0.5, duration))
            os.kill(crawl.pid, signal.SIGKILL)
            crawl.wait()
            orphans += _survivors(marker)
        _full_crawl(killed, server.base_url, hook)
    assert _rows(killed, "PRAGMA integrity_check") == [("ok",)]
    assert _rows(killed, "SELECT url FROM article GROUP BY url HAVING count(*) > 1") == []
    assert _rows(killed, "SELECT dedupe_key FROM alert GROUP BY 1 HAVING count(*) > 1") == []
    twice = "SELECT rule, story_id FROM alert GROUP BY 1, 2 HAVING count(*) > 1"
    assert _rows(killed, twice) == []
    assert _rows(killed, "SELECT count(*) FROM alert") != [(0,)]
    assert _rows(killed, _DANGLING) == [] and _rows(killed, _UNDELIVERED) == []
    assert _contents(killed) == _contents(reference)
    assert _rows(killed, "SELECT count(*) FROM crawl_run WHERE finished_at IS NULL") == [(0,)]
    interrupted = _rows(killed, "SELECT count(*) FROM crawl_run WHERE error LIKE 'interrupted%'")
    assert interrupted[0][0] > 0
    assert orphans == [], "processes outlived their killed crawl"
