"""Memory of `dramawatch run` over many short crawl cycles, and the in-process alternative.

``python -m bench.daemon_memory [--cycles N | --quick]`` starts the daemon as a real process
with 1-second intervals over five of the recorded demo sources, lets it run N crawl cycles
(one child process each) and samples the daemon's own RSS every 10 cycles, and the largest
process of its tree (a crawl child). ``--in-process N`` instead runs N crawls one after
another in ONE process on one Twisted reactor (Scrapy's CrawlerRunner: the TwistedScheduler
design) and samples that process's RSS, for the README's comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from bench.proc import ROOT, TreeSampler, rss_mb
from config import DEMO_CONFIG

SOURCES = ("nrta-notices", "cnsa-news", "shanghai-portal-zh", "variety-microdramas", "globaltimes")
SAMPLE_EVERY = 10
QUICK_ARGV = ("--quick",)  # for `make bench-quick` (bench/sections.py)


def _config(workdir: Path) -> Path:
    tree = yaml.safe_load(DEMO_CONFIG.read_text(encoding="utf-8"))
    tree["database"] = f"sqlite:///{workdir / 'bench.db'}"
    tree["crawl"].update(autothrottle=False, retries=0)
    tree["sources"] = [dict(s, interval="1s") for s in tree["sources"] if s["name"] in SOURCES]
    tree["rules"], tree["channels"] = [], []
    path = workdir / "dramawatch.yaml"
    path.write_text(yaml.safe_dump(tree, allow_unicode=True), encoding="utf-8")
    return path


def _runs(log: Path) -> int:
    count = 0
    for line in log.read_text(encoding="utf-8").splitlines():
        count += '"event": "run"' in line
    return count


def daemon_cycles(cycles: int, workdir: Path, base_url: str) -> dict[str, Any]:
    """Run the daemon until ``cycles`` crawls finished; its RSS every SAMPLE_EVERY cycles."""
    config, log = _config(workdir), workdir / "daemon.log"
    env = {**os.environ, "DEMO_BASE": base_url, "PYTHONPATH": str(ROOT)}
    command = [
        sys.executable,
        "-m",
        "dramawatch",
        "--config",
        str(config),
        "run",
        "--log-format",
        "json",
        "--workers",
        "4",
    ]
    samples: dict[int, float] = {}
    started = time.perf_counter()
    with (
        log.open("w") as out,
        subprocess.Popen(
            command, cwd=workdir, env=env, stdout=out, stderr=subprocess.STDOUT
        ) as daemon,
        TreeSampler(daemon.pid) as tree,
    ):
        done = 0
        while done < cycles and daemon.poll() is None:
            time.sleep(0.2)
            done = _runs(log)
            mark = done // SAMPLE_EVERY * SAMPLE_EVERY
            if mark and mark not in samples:
                samples[mark] = round(rss_mb(daemon.pid), 1)
        stop = time.perf_counter()
        daemon.send_signal(signal.SIGTERM)
        status = daemon.wait(120)
    return _summary(samples, done, status, started, stop, tree)


def _summary(
    samples: dict[int, float],
    done: int,
    status: int,
    started: float,
    stop: float,
    tree: TreeSampler,
) -> dict[str, Any]:
    values = list(samples.values()) or [0.0]
    drift = (values[-1] - values[0]) / values[0] * 100 if values[0] else 0.0
    return {
        "cycles": done,
        "daemon_rss_mb_first": values[0],  # after the first SAMPLE_EVERY cycles
        "daemon_rss_mb_last": values[-1],
        "daemon_rss_drift_pct": round(drift, 2),
        "crawl_child_peak_rss_mb": round(tree.peak_single_mb, 1),
        "cycles_per_s": round(done / (stop - started), 2),
        "sigterm_exit_status": status,
        "daemon_rss_mb_by_cycle": samples,
    }


def in_process_cycles(cycles: int, config_path: Path) -> dict[str, Any]:
    """N crawls in this process on one reactor (CrawlerRunner); RSS every SAMPLE_EVERY."""
    from scrapy.utils.reactor import install_reactor

    install_reactor("twisted.internet.asyncioreactor.AsyncioSelectorReactor")
    from twisted.internet import reactor

    samples: dict[int, float] = {}
    reactor.callWhenRunning(_crawl_loop, config_path, cycles, samples)  # type: ignore[attr-defined]
    reactor.run()  # type: ignore[attr-defined,misc]
    values = list(samples.values())
    return {
        "cycles": cycles,
        "rss_mb_by_cycle": samples,
        "rss_growth_mb": round(values[-1] - values[0], 1) if values else None,
    }


def _crawl_loop(config_path: Path, cycles: int, samples: dict[int, float]) -> Any:
    """Crawl the sources in turn, ``cycles`` times, then stop the reactor."""
    from scrapy.crawler import CrawlerRunner
    from twisted.internet import defer, reactor

    from config import load_config
    from crawler.settings import settings_for
    from crawler.spiders import SPIDERS
    from storage import open_store

    config = load_config(config_path)
    open_store(config.database).migrate()
    runner = CrawlerRunner(settings_for(config, LOG_LEVEL="ERROR"))

    @defer.inlineCallbacks
    def loop() -> Any:
        for cycle in range(1, cycles + 1):
            source = config.sources[cycle % len(config.sources)]
            yield runner.crawl(SPIDERS[source.kind], source=source, crawl=config.crawl)
            if cycle % SAMPLE_EVERY == 0:
                samples[cycle] = round(rss_mb(os.getpid()), 1)
        reactor.stop()  # type: ignore[attr-defined,misc]

    return loop()


def reactor_restart() -> str:
    """What a second ``run_pass`` in the same process does (checked on the installed Scrapy)."""
    script = (
        "import scrapy\nfrom scrapy.crawler import CrawlerProcess\n"
        "class Idle(scrapy.Spider):\n    name = 'idle'\n    start_urls = []\n"
        "for _ in range(2):\n"
        "    p = CrawlerProcess({'LOG_ENABLED': False}); p.crawl(Idle); p.start()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    lines = done.stderr.strip().splitlines()
    return lines[-1] if done.returncode else "no error: the reactor restarted"


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    """Measure the daemon (and the in-process alternative); print and return the figures."""
    parser = argparse.ArgumentParser(prog="python -m bench.daemon_memory", description=__doc__)
    parser.add_argument("--cycles", type=int, default=200, help="crawl cycles to run")
    parser.add_argument("--quick", action="store_true", help="30 cycles")
    parser.add_argument("--compare", action="store_true", help="also the in-process design")
    parser.add_argument("--in-process", type=int, metavar="N", help=argparse.SUPPRESS)
    parser.add_argument("--config", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.in_process:
        return in_process_cycles(args.in_process, args.config)
    return _measure(30 if args.quick else args.cycles, args.compare)


def _measure(cycles: int, compare: bool) -> dict[str, Any]:
    from dramawatch.demo.server import SiteServer, sites_root

    with tempfile.TemporaryDirectory() as tmp, SiteServer(sites_root()) as server:
        result = daemon_cycles(cycles, Path(tmp), server.base_url)
        result["second_run_pass_in_one_process"] = reactor_restart()
        if compare:
            result["in_process"] = _in_process_child(cycles, Path(tmp), server.base_url)
    return result


def _in_process_child(cycles: int, workdir: Path, base_url: str) -> dict[str, Any]:
    other = workdir / "in-process"
    other.mkdir()
    command = [
        sys.executable,
        "-m",
        "bench.daemon_memory",
        "--in-process",
        str(cycles),
        "--config",
        str(_config(other)),
    ]
    env = {**os.environ, "DEMO_BASE": base_url, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=3600, check=False
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    return json.loads(lines[-1]) if lines else {"error": done.stderr[-2000:]}


if __name__ == "__main__":
    print(json.dumps(main(), indent=None if "--in-process" in sys.argv else 2))
