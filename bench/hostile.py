"""``python -m bench.hostile``: time and memory of extraction on each hostile page.

Each page is read as the crawl reads it (``page_html`` then ``extract_article``) in a forked
child, so its peak resident memory is its own: the figure is the child's peak less what it
inherited (one page is read first, so that what loads on first use loads in the parent).
Pages come from ``tests.support.hostile_pages``; a page that raises is reported.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import UTC, datetime
from typing import Any

from scrapy.http import HtmlResponse

from crawler.extract import extract_article
from crawler.spiders.base import page_html
from tests.support.hostile_pages import HostilePage, hostile_pages

_KB = 1024


def _extract(page: HostilePage) -> tuple[float, str]:
    """Seconds to extract ``page`` and how it came out."""
    url = f"http://news.example.com{page.path}"
    response = HtmlResponse(url, body=page.body, headers={"Content-Type": page.content_type})
    started = time.perf_counter()
    try:
        result = extract_article(page_html(response), url, fetched_at=datetime.now(UTC))
    except Exception as exc:  # a raise is what this bench reports
        return time.perf_counter() - started, f"raised {type(exc).__name__}"
    seconds = time.perf_counter() - started
    return seconds, "article" if result.is_article else "not an article"


def _rss_kb() -> int:
    with open("/proc/self/statm", encoding="ascii") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // _KB


def measure(page: HostilePage) -> dict[str, Any]:
    """One page's time, peak memory above the parent's and outcome, in a forked child."""
    reader, writer = os.pipe()
    inherited = _rss_kb()
    pid = os.fork()
    if pid == 0:  # the child: extract, write the figures, leave at once
        os.close(reader)
        seconds, outcome = _extract(page)
        os.write(writer, json.dumps([seconds, outcome]).encode())
        os._exit(0)
    os.close(writer)
    with os.fdopen(reader, "rb") as fh:
        data = fh.read()
    _, status, usage = os.wait4(pid, 0)
    seconds, outcome = json.loads(data) if data else (None, f"died ({status})")
    peak_mb = max(usage.ru_maxrss - inherited, 0) / _KB
    return {
        "page": page.name,
        "bytes": len(page.body),
        "ms": None if seconds is None else round(seconds * 1000, 1),
        "peak_mb": round(peak_mb, 1),
        "outcome": outcome,
    }


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Measure every hostile page (or those named) and print one line each."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", help="only these pages")
    args = parser.parse_args(argv)
    for page in hostile_pages()[:1]:  # the lazy imports and models load here, not in a child
        _extract(page)
    rows = [measure(p) for p in hostile_pages() if not args.names or p.name in args.names]
    for r in rows:
        shown = f"{r['page']:28} {r['bytes']:>10} B {r['ms']:>9} ms {r['peak_mb']:>7} MB"
        print(f"{shown}  {r['outcome']}")
    timed = [r["ms"] for r in rows if r["ms"] is not None]
    return {
        "pages": len(rows),
        "raised": sum(r["outcome"].startswith(("raised", "died")) for r in rows),
        "slowest_ms": max(timed, default=0.0),
        "largest_peak_mb": max((r["peak_mb"] for r in rows), default=0.0),
        "rows": rows,
    }


if __name__ == "__main__":
    main(sys.argv[1:])
