"""Scale-out throughput: pages/s with 1, 2 and 4 ``dramawatch worker`` processes.

The bench site (``bench.pages``: ~150 KB article pages and a sitemap) is served on 127.0.0.1;
a throwaway PostgreSQL and Redis run on 127.0.0.1 as in the tests. For each worker count the
workers are started and registered first, then one pass is scheduled; the clock runs from
scheduling until no request is queued or leased (every page fetched, extracted and stored,
alerts raised). pages/s = article pages answered / that time.

Run: ``python -m bench.scaleout [--pages N] [--workers 1,2,4] [--concurrency C]``.
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bench.common import Row, row, skipped
from bench.pages import build_site
from bench.pageserver import PageServer
from config import load_config
from crawler.distributed import queue as distributed
from dramawatch.cli.distributed import schedule_sources
from storage import Store
from tests.support.pg import PostgresServer, postgres_bindir
from tests.support.redis_server import RedisServer, redis_binary

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]
CONFIG = """\
database: {database}
crawl:
  autothrottle: false
  concurrency_per_domain: {concurrency}
  max_articles_per_source: {pages}
  download_timeout: 60
  retries: 0
sources:
  - {{name: bench, kind: sitemap, url: "{base}/sitemap.xml", category: media}}
rules:
  - {{name: big-money, kind: keyword, any: [billion, 亿元], channels: [hook]}}
channels:
  - {{name: hook, kind: webhook, url: "{base}/hook"}}
"""


def _worker(config: Path, redis_url: str, name: str, concurrency: int) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "dramawatch",
        "--config",
        str(config),
        "worker",
        "--redis",
        redis_url,
        "--id",
        name,
        "--concurrency",
        str(concurrency),
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _wait(condition: Any, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def run_workers(
    count: int,
    server: PageServer,
    postgres: PostgresServer,
    redis: RedisServer,
    workdir: Path,
    args: argparse.Namespace,
) -> dict[str, Any]:
    """One pass over the bench site with ``count`` workers; its pages/s."""
    name = postgres.create_database()
    database = postgres.url(name)
    path = workdir / f"scaleout-{count}.yaml"
    path.write_text(
        CONFIG.format(
            database=database, base=server.base_url, pages=args.pages, concurrency=args.concurrency
        ),
        encoding="utf-8",
    )
    config = load_config(path)
    client = distributed.connect(redis.url)
    client.flushall()
    workers = [_worker(path, redis.url, f"w{i}", args.concurrency) for i in range(count)]
    try:
        ready = _wait(lambda: client.scard(distributed.WORKERS_KEY) >= count, 60)
        before, started = server.article_requests, time.perf_counter()
        cpu_before, own_before = _cpu_seconds(workers), time.process_time()
        pg_before, redis_before = _postgres_cpu(postgres), _pids_cpu([redis.pid])
        schedule_sources(config, config.sources, redis.url)
        done = ready and _wait(lambda: distributed.pending(client) == 0, args.timeout)
        elapsed = time.perf_counter() - started
        cpu = _cpu_seconds(workers) - cpu_before
        server_cpu = time.process_time() - own_before  # mostly the page server's threads
        pg_cpu = _postgres_cpu(postgres) - pg_before
        redis_cpu = _pids_cpu([redis.pid]) - redis_before
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=60)
    fetched = server.article_requests - before
    stored = _stored(database)
    postgres.drop_database(name)
    result = {
        "workers": count,
        "finished": done,
        "elapsed_s": round(elapsed, 2),
        "article_requests": fetched,
        "stored": stored,
        "pages_per_s": round(fetched / elapsed, 1),
        "worker_cpu_ms_per_page": round(1000 * cpu / max(fetched, 1), 1),
        "busy_cores": round(cpu / elapsed, 2),
        "page_server_cores": round(server_cpu / elapsed, 2),
        "postgres_cores": round(pg_cpu / elapsed, 2),
        "redis_cores": round(redis_cpu / elapsed, 2),
        "load_average": round(os.getloadavg()[0], 1),
    }
    logger.info("scaleout %d workers: %s", count, result)
    return result


def _cpu_seconds(processes: list[subprocess.Popen[bytes]]) -> float:
    """User + system CPU time of ``processes`` so far (Linux /proc; 0 elsewhere)."""
    return _pids_cpu(process.pid for process in processes)


def _pids_cpu(pids: Iterable[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
    return total / os.sysconf("SC_CLK_TCK")


def _postgres_cpu(postgres: PostgresServer) -> float:
    """CPU time of the PostgreSQL server and its backends so far."""
    try:
        postmaster = int((postgres.data / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 0.0
    return _pids_cpu([postmaster, *_children(postmaster)])


def _children(parent: int) -> list[int]:
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == parent:
                children.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return children


def _stored(database: str) -> int:
    store = Store(database)
    try:
        with store.transaction() as tx:
            return sum(1 for _ in tx.archive.iter_all())
    finally:
        store.dispose()


def summarize(results: list[dict[str, Any]]) -> list[Row]:
    """One row per worker count, with its speed-up over one worker."""
    base = results[0]["pages_per_s"] or float("nan")
    return [
        row(
            f"{r['workers']} worker(s)",
            r["pages_per_s"],
            "pages/s",
            note=f"×{r['pages_per_s'] / base:.2f}; workers busy {r['busy_cores']} cores, "
            f"{r['worker_cpu_ms_per_page']} ms CPU/page; {r['article_requests']} fetched, "
            f"{r['stored']} stored{'' if r['finished'] else ', UNFINISHED'}",
        )
        for r in results
    ]


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.scaleout", description=__doc__)
    parser.add_argument("--pages", type=int, default=600, help="article pages (default 600)")
    parser.add_argument("--workers", default="1,2,4", help="worker counts (default 1,2,4)")
    parser.add_argument("--concurrency", type=int, default=8, help="requests per worker")
    parser.add_argument("--timeout", type=float, default=900, help="seconds per pass")
    parser.add_argument("--quick", action="store_true", help="200 pages, 1 and 2 workers")
    args = parser.parse_args(argv)
    if args.quick:
        args.pages, args.workers = min(args.pages, 200), "1,2"
    args.counts = [int(n) for n in args.workers.split(",")]
    return args


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Measure one pass per worker count; return the figures and summary rows."""
    args = _parse_args(argv)
    bindir, redis_path = postgres_bindir(), redis_binary()
    if bindir is None or redis_path is None:
        return skipped("needs PostgreSQL and redis-server: apt-get install postgresql redis-server")
    postgres, redis = PostgresServer(bindir).start(), RedisServer(redis_path).start()
    try:
        with PageServer() as server, tempfile.TemporaryDirectory() as tmp:
            server.set_site(build_site(args.pages, server.base_url))
            results = [
                run_workers(n, server, postgres, redis, Path(tmp), args) for n in args.counts
            ]
    finally:
        redis.close()
        postgres.stop()
    return {
        "pages": args.pages,
        "cpus": os.cpu_count(),
        "concurrency": args.concurrency,
        "results": results,
        "summary": summarize(results),
    }


if __name__ == "__main__":
    import json

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    sys.stdout.write(json.dumps(main(), default=str, indent=1) + "\n")
