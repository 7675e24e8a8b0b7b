"""The hostile sites crawled by two distributed workers: the same defences as ``crawl``.

One pass is scheduled through Redis and two ``dramawatch worker`` processes (SQLite, like
the one-process suite) run it to the end. Nothing foreign is fetched or stored, the process
tree stays small, and each source's run is written to ``crawl_run`` once, failures with
their reason, with the per-source caps counted across both workers.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from redis import Redis

from tests.support import hostile_sites as hostile
from tests.support.process_tree import PeakRss, kill_all, marked_env, wait_gone
from tests.support.redis_server import RedisServer

ROOT = Path(__file__).resolve().parents[2]
WORKERS = ("hostile-a", "hostile-b")
MAX_ARTICLES = 2  # per source and pass, shared by both workers

pytestmark = pytest.mark.slow


def _dramawatch(*args: str) -> list[str]:
    return [sys.executable, "-m", "dramawatch", *args]


@pytest.fixture(scope="module")
def distributed(
    tmp_path_factory: pytest.TempPathFactory, redis_server: RedisServer
) -> Iterator[dict[str, Any]]:
    """One scheduled pass of every hostile source, run by two workers to the end."""
    workdir = tmp_path_factory.mktemp("hostile-distributed")
    redis_url = redis_server.url.rsplit("/", 1)[0] + "/7"  # a database of its own
    with hostile.HostileSites() as sites:
        config = hostile.hostile_config(
            "sqlite:///hostile.db", sites.base, max_articles_per_source=MAX_ARTICLES
        )
        (workdir / "dramawatch.yaml").write_text(config, encoding="utf-8")
        marker, env = marked_env(PYTHONPATH=str(ROOT))
        Redis.from_url(redis_url).flushdb()
        schedule = subprocess.run(
            _dramawatch("schedule", "--redis", redis_url),
            cwd=workdir,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert schedule.returncode == 0, schedule.stderr[-3000:]
        with PeakRss(marker) as rss:
            workers = [_worker(workdir, env, redis_url, name) for name in WORKERS]
            codes = [_wait(worker) for worker in workers]
        left = wait_gone(marker)
        logs = "\n".join(
            (workdir / f"{name}.log").read_text(errors="replace")[-3000:] for name in WORKERS
        )
        yield {
            "codes": codes,
            "sites": sites,
            "workdir": workdir,
            "peak_rss": rss.peak,
            "largest_rss": rss.largest,
            "left": left,
            "logs": logs,
        }
        kill_all(marker)


def _worker(workdir: Path, env: dict[str, str], redis_url: str, name: str) -> Any:
    args = ["worker", "--redis", redis_url, "--id", name, "--idle-exit", "3", "--no-dispatch"]
    with (workdir / f"{name}.log").open("ab") as log:
        return subprocess.Popen(
            _dramawatch("-v", *args), cwd=workdir, env=env, stdout=log, stderr=log
        )


def _wait(worker: Any) -> int | None:
    try:
        return int(worker.wait(timeout=150))
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()
        return None


def _runs(workdir: Path) -> dict[str, list[tuple[Any, ...]]]:
    query = (
        "SELECT s.name, r.ok, r.error, r.finished_at, r.kept FROM crawl_run r"
        " JOIN source s ON s.id = r.source_id"
    )
    runs: dict[str, list[tuple[Any, ...]]] = {}
    with sqlite3.connect(workdir / "hostile.db") as db:
        for name, *rest in db.execute(query):
            runs.setdefault(name, []).append(tuple(rest))
    return runs


def test_the_workers_finish(distributed: dict[str, Any]) -> None:
    assert distributed["codes"] == [0, 0], distributed["logs"]


def test_no_worker_request_crosses_the_fence(distributed: dict[str, Any]) -> None:
    assert distributed["sites"].foreign_hits() == []


def test_nothing_foreign_is_stored(distributed: dict[str, Any]) -> None:
    done = hostile.run(distributed["workdir"], "export", "--format", "jsonl")
    urls = [json.loads(line)["url"] for line in done.stdout.splitlines() if line.strip()]
    assert urls and all(url.startswith(distributed["sites"].base + "/") for url in urls), urls


def test_every_source_has_one_finished_run(distributed: dict[str, Any]) -> None:
    runs = _runs(distributed["workdir"])
    assert set(runs) == set(hostile.SOURCES)
    assert all(len(rows) == 1 and rows[0][2] is not None for rows in runs.values()), runs


@pytest.mark.parametrize("source", sorted(hostile.FAILING))
def test_start_failures_are_recorded(distributed: dict[str, Any], source: str) -> None:
    ((ok, error, _finished, _kept),) = _runs(distributed["workdir"])[source]
    assert not ok and hostile.FAILING[source] in error


def test_caps_are_counted_per_source_across_workers(distributed: dict[str, Any]) -> None:
    hits = distributed["sites"].hits
    maps = {hit.path for hit in hits if hit.path.startswith("/wide/map")}
    articles = {hit.path for hit in hits if hit.path.startswith("/wide/article")}
    assert len(maps) == hostile.WIDE and len(articles) == MAX_ARTICLES, (maps, articles)


def test_endless_sitemap_index_is_bounded(distributed: dict[str, Any]) -> None:
    endless = [hit for hit in distributed["sites"].hits if hit.path.startswith("/loops/endless")]
    assert 1 < len(endless) <= 60


def test_memory_stays_bounded_and_nothing_is_left(distributed: dict[str, Any]) -> None:
    assert 0 < distributed["peak_rss"] < hostile.PEAK_RSS_LIMIT
    assert distributed["largest_rss"] < hostile.LARGEST_RSS_LIMIT
    assert distributed["left"] == []
