"""`dramawatch run --distributed REDIS_URL` queues due sources for workers instead of crawling."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import redis

from crawler.distributed.queue import QUEUE_KEY
from tests.support.redis_server import RedisServer

ROOT = Path(__file__).resolve().parents[2]


def test_run_distributed_queues_the_sources(tmp_path: Path, redis_server: RedisServer) -> None:
    client = redis.Redis.from_url(redis_server.url)
    client.flushdb()
    config = tmp_path / "dramawatch.yaml"
    config.write_text(
        f"database: sqlite:///{tmp_path / 'd.db'}\nmetrics: []\nsources:\n"
        "  - {name: feed-a, kind: rss, url: 'http://127.0.0.1:9/a.xml'}\n"
        "  - {name: feed-b, kind: rss, url: 'http://127.0.0.1:9/b.xml'}\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [
        sys.executable,
        "-m",
        "dramawatch",
        "--config",
        str(config),
        "run",
        "--distributed",
        redis_server.url,
    ]
    daemon = subprocess.Popen(args, cwd=tmp_path, env=env, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while client.llen(QUEUE_KEY) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        queued = [item for item in client.lrange(QUEUE_KEY, 0, -1)]
    finally:
        daemon.send_signal(signal.SIGTERM)
        _, errors = daemon.communicate(timeout=30)
        client.close()
    assert len(queued) == 2, errors
    assert b"a.xml" in b"".join(queued) and b"b.xml" in b"".join(queued)
