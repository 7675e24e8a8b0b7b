"""The bench sections in run order, each a module with ``main(argv) -> dict``.

Sections written elsewhere (extraction, metrics, daemon memory) are called through their own
``main`` when the module exists; their figures are turned into summary rows here.
"""

from __future__ import annotations

import importlib
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bench.common import Row, row, skipped

TARGET_METRICS_MS = 2.0
TARGET_DAEMON_DRIFT_PCT = 10.0


@dataclass(frozen=True)
class Section:
    """A bench section: its module, arguments for full and quick runs, and its summary."""

    name: str
    module: str
    full_argv: tuple[str, ...] = ()
    quick_argv: tuple[str, ...] | None = ("--quick",)
    summarize: Callable[[dict[str, Any]], list[Row]] | None = None


def _metrics_rows(result: dict[str, Any]) -> list[Row]:
    return [
        row(
            "median per article",
            round(result["median_ms"], 3),
            "ms",
            at_most=TARGET_METRICS_MS,
            note=f"p95 {result['p95_ms']:.3f} ms, {result['articles']} articles",
        ),
    ]


def generic_rows(result: dict[str, Any]) -> list[Row]:
    """Rows for a result without a summary: its top-level numbers, drift judged against ±10 %."""
    rows = []
    for key, value in result.items():
        if isinstance(value, bool) or not isinstance(value, int | float):
            continue
        if "drift" in key or "change_pct" in key:
            rows.append(row(key, round(abs(value), 2), "%", at_most=TARGET_DAEMON_DRIFT_PCT))
        else:
            rows.append(row(key, round(value, 3)))
    return rows


SECTIONS: dict[str, Section] = {
    section.name: section
    for section in (
        Section("crawl", "bench.crawl", ("--diagnose",)),
        Section("extraction", "bench.extraction"),
        Section("kind", "bench.kind_cv"),
        Section("listing_links", "bench.listing_links"),
        Section("dedupe", "bench.dedupe"),
        Section("search", "bench.search"),
        Section("web", "bench.web"),
        Section("metrics", "bench.metrics", (), ("--repeat", "3"), _metrics_rows),
        Section("daemon_memory", "bench.daemon_memory", (), None),
        Section("hostile", "bench.hostile", (), None),
    )
}


def _argv(section: Section, module: Any, quick: bool) -> list[str] | None:
    if not quick:
        return list(section.full_argv)
    declared = getattr(module, "QUICK_ARGV", None)
    if declared is not None:
        return list(declared)
    return None if section.quick_argv is None else list(section.quick_argv)


def run_section(section: Section, quick: bool) -> dict[str, Any]:
    """Run one section; a missing module or a crash becomes a recorded result."""
    try:
        module = importlib.import_module(section.module)
    except ModuleNotFoundError as exc:
        if exc.name != section.module:
            raise
        return skipped(f"{section.module} is not there yet")
    argv = _argv(section, module, quick)
    if argv is None:
        return skipped("full run only (the module declares no QUICK_ARGV)")
    started = time.perf_counter()
    try:
        result = module.main(argv)
    except (Exception, SystemExit) as exc:  # one broken section must not lose the others
        result = {"error": f"{type(exc).__name__}: {exc}", "traceback": traceback.format_exc()}
        result["summary"] = [row("error", result["error"])]
    if not isinstance(result, dict):
        result = {"returned": repr(result)}
    if "summary" not in result:
        result["summary"] = (section.summarize or generic_rows)(result)
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result
