"""``python -m bench [--quick] [--only SECTION ...]``: run the benchmarks, write results.json.

Every section runs in this machine's conditions and compares against baselines measured in the
same run. Results are merged into ``bench/results.json`` (a section run again replaces its
previous figures) and printed as one table with each target and whether it was met.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from bench.sections import SECTIONS, run_section

RESULTS = Path(__file__).resolve().parent / "results.json"
ROOT = Path(__file__).resolve().parents[1]


def _git(*args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return done.stdout.strip()


def machine() -> dict[str, Any]:
    """Where and on what the figures were measured."""
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "commit": _git("rev-parse", "--short", "HEAD"),
        "uncommitted_changes": bool(_git("status", "--porcelain")),
    }


def _load(path: Path) -> dict[str, Any]:
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


def write_results(path: Path, sections: dict[str, Any], meta: dict[str, Any]) -> None:
    """Merge this run's sections into ``path`` (other sections keep their last figures)."""
    saved = _load(path)
    merged = saved.get("sections", {})
    for name, result in sections.items():
        merged[name] = {**result, "meta": meta}
    ordered = {name: merged[name] for name in SECTIONS if name in merged}
    path.write_text(
        json.dumps({"meta": meta, "sections": ordered}, indent=1, default=str) + "\n",
        encoding="utf-8",
    )


def _status(ok: bool | None) -> str:
    if ok is None:
        return ""
    return "[green]met[/green]" if ok else "[bold red]MISSED[/bold red]"


def _value(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}".rstrip("0").rstrip(".") if abs(value) < 100 else f"{value:,.0f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def render(sections: dict[str, Any], console: Console) -> None:
    """Print one table: section, metric, value, target, status, note."""
    table = Table(title="dramawatch benchmarks", show_lines=False)
    for column in ("section", "metric", "value", "target", "status", "note"):
        table.add_column(column, justify="right" if column == "value" else "left")
    for name, result in sections.items():
        for index, line in enumerate(result.get("summary", [])):
            table.add_row(
                name if index == 0 else "",
                line["metric"],
                f"{_value(line['value'])} {line['unit']}".strip(),
                line["target"],
                _status(line["ok"]),
                line.get("note", ""),
            )
        table.add_section()
    console.print(table)


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, one run: ~2 minutes")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=list(SECTIONS),
        metavar="SECTION",
        help=f"run only these sections ({', '.join(SECTIONS)})",
    )
    parser.add_argument("--output", type=Path, default=RESULTS, help="results file to update")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Run the chosen sections, write the results file and print the table."""
    args = _parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    meta = {**machine(), "quick": args.quick}
    started = time.perf_counter()
    results = {}
    for name in args.only or list(SECTIONS):
        print(f"== {name}", flush=True)
        results[name] = run_section(SECTIONS[name], args.quick)
    meta["seconds"] = round(time.perf_counter() - started, 1)
    write_results(args.output, results, meta)
    console = Console()
    render(results, console if console.is_terminal else Console(width=160))
    print(f"{meta['seconds']:.0f} s; results in {args.output}")
    return results


if __name__ == "__main__":
    main(sys.argv[1:])
