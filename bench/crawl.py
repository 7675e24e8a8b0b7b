"""Crawl throughput: bare Scrapy, the naive design and dramawatch, side by side in one run.

N generated ~150 KB article pages (``bench.pages``) are served on 127.0.0.1 by a threaded
server with a sitemap listing them all. Each run crawls them four times, each crawl in its own
process (a Twisted reactor starts once per process): (a) bare Scrapy, no pipelines; (b) the
naive design, ``trafilatura.extract`` in the callback and one SQLite commit per page;
(c) dramawatch's ``run_pass`` into a fresh database (extract, topic, dedupe, metrics, store,
alert rules and delivery); (d) a second ``run_pass`` over the same, unchanged pages.
Figures are medians over the runs; ratios compare variants of the same run.

Run: ``python -m bench.crawl [--pages N] [--runs R] [--analysis-processes N]``.
"""

from __future__ import annotations

import argparse
import logging
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import Row, median, row
from bench.pages import build_site
from bench.pageserver import PageServer
from bench.proc import run_json

logger = logging.getLogger(__name__)

VARIANTS = ("bare", "naive", "first", "again")
LABELS = {
    "bare": "(a) bare Scrapy",
    "naive": "(b) naive: trafilatura in callback, commit per page",
    "first": "(c) dramawatch pass 1 (new pages)",
    "again": "(d) dramawatch pass 2 (unchanged pages)",
    "first-no-rules": "(c') dramawatch pass 1 without alert rules (diagnostic)",
}
TARGET_FIRST_VS_NAIVE = 1.6
TARGET_AGAIN_VS_BARE = 0.7
TARGET_RSS_MB = 400.0
CHILD_TIMEOUT_S = 1800


def _child_args(variant: str, base_url: str, workdir: Path, args: argparse.Namespace) -> list[str]:
    kind = {"bare": "bare", "naive": "naive"}.get(variant, "dramawatch")
    argv = [kind, "--sitemap", f"{base_url}/sitemap.xml", "--workdir", str(workdir)]
    argv += ["--count", str(args.pages), "--concurrency", str(args.concurrency)]
    if args.analysis_processes is not None:
        argv += ["--analysis-processes", str(args.analysis_processes)]
    if variant == "first-no-rules":
        argv.append("--no-rules")
    return argv


def run_variant(
    variant: str, server: PageServer, workdir: Path, args: argparse.Namespace
) -> dict[str, Any]:
    """Crawl once in a child process; pages/s counts article requests the server answered."""
    before = server.article_requests
    result = run_json(
        "bench.crawl_child", _child_args(variant, server.base_url, workdir, args), CHILD_TIMEOUT_S
    )
    result["article_requests"] = server.article_requests - before
    if "elapsed_s" in result:
        result["pages_per_s"] = result["article_requests"] / result["elapsed_s"]
    logger.info("%s: %s", variant, result)
    print(
        f"  {LABELS[variant]}: {result.get('pages_per_s', float('nan')):.1f} pages/s, "
        f"peak RSS {result.get('peak_rss_mb_tree', 0):.0f} MB",
        flush=True,
    )
    return result


def one_run(server: PageServer, args: argparse.Namespace, variants: tuple[str, ...]) -> dict:
    """Every variant once, (c) and (d) sharing a fresh database."""
    with tempfile.TemporaryDirectory(prefix="dramawatch-bench-") as tmp:
        results = {}
        for variant in variants:
            workdir = Path(tmp) / ("dramawatch" if variant in ("first", "again") else variant)
            workdir.mkdir(exist_ok=True)
            results[variant] = run_variant(variant, server, workdir, args)
        return results


def _ratio(run: dict[str, dict[str, Any]], top: str, bottom: str) -> float:
    num, den = run[top].get("pages_per_s"), run[bottom].get("pages_per_s")
    return num / den if num and den else float("nan")


def summarize(runs: list[dict[str, dict[str, Any]]], args: argparse.Namespace) -> dict:
    """Medians per variant, same-run ratios and the summary rows."""
    variants = list(runs[0])
    speeds = {v: median([r[v].get("pages_per_s", float("nan")) for r in runs]) for v in variants}
    peaks = {v: max(r[v].get("peak_rss_mb_tree", 0.0) for r in runs) for v in variants}
    first_vs_naive = median([_ratio(r, "first", "naive") for r in runs])
    again_vs_bare = median([_ratio(r, "again", "bare") for r in runs])
    rows: list[Row] = [row(LABELS[v], round(speeds[v], 1), "pages/s") for v in variants]
    rows += [
        row(
            "(c)/(b) first pass vs naive",
            round(first_vs_naive, 2),
            "×",
            at_least=TARGET_FIRST_VS_NAIVE,
        ),
        row(
            "(d)/(a) unchanged pass vs bare",
            round(again_vs_bare, 2),
            "×",
            at_least=TARGET_AGAIN_VS_BARE,
        ),
    ]
    rows += [
        row(f"peak RSS {LABELS[v][:3]}", round(peaks[v]), "MB", at_most=TARGET_RSS_MB)
        for v in variants
    ]
    return {
        "pages": args.pages,
        "runs": len(runs),
        "pages_per_s": speeds,
        "peak_rss_mb": peaks,
        "first_vs_naive": first_vs_naive,
        "again_vs_bare": again_vs_bare,
        "stages": runs[-1]["first"].get("stages"),
        "raw": runs,
        "summary": rows,
    }


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.crawl", description=__doc__)
    parser.add_argument("--pages", type=int, default=2000, help="article pages (default 2000)")
    parser.add_argument("--runs", type=int, default=3, help="runs of every variant (median)")
    parser.add_argument("--concurrency", type=int, default=16, help="requests per domain")
    parser.add_argument(
        "--analysis-processes",
        type=int,
        default=None,
        help="DRAMAWATCH_ANALYSIS_PROCESSES (default: the settings' default)",
    )
    parser.add_argument(
        "--diagnose", action="store_true", help="also run (c) without alert rules, once"
    )
    parser.add_argument("--quick", action="store_true", help="300 pages, one run")
    args = parser.parse_args(argv)
    if args.quick:
        args.pages, args.runs = min(args.pages, 300), 1
    return args


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Serve the site, crawl it with every variant ``--runs`` times, print and return figures."""
    args = _parse_args(argv)
    with PageServer() as server:
        started = time.perf_counter()
        site = build_site(args.pages, server.base_url)
        server.set_site(site)
        print(
            f"crawl: {args.pages} pages of {site.article_bytes / args.pages / 1000:.0f} KB "
            f"built in {time.perf_counter() - started:.1f} s",
            flush=True,
        )
        runs = []
        for number in range(1, args.runs + 1):
            print(f"crawl: run {number}/{args.runs}", flush=True)
            runs.append(one_run(server, args, VARIANTS))
        result = summarize(runs, args)
        if args.diagnose:
            result["diagnostic"] = one_run(server, args, ("first-no-rules",))["first-no-rules"]
            speed = result["diagnostic"].get("pages_per_s", float("nan"))
            result["summary"].append(row(LABELS["first-no-rules"], round(speed, 1), "pages/s"))
    result["page_kb"] = round(site.article_bytes / args.pages / 1000, 1)
    return result


if __name__ == "__main__":
    import json

    print(json.dumps(main(), default=str, indent=1))
