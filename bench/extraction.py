"""Main-text extraction benchmark: trafilatura defaults vs. ``crawler.extract``.

Data: the scrapinghub article-extraction-benchmark pages and ground truth (see the README in
the data folder). The metric follows that README: ``\\w+`` tokens, multisets of 4-token
shingles, per-page tp/fp/fn normalised by tp+fp+fn, precision and recall averaged over pages,
F1 = harmonic mean of the two averages. "acc" is the share of pages whose token sequence equals
the truth exactly, "±" the std of F1 over 1,000 bootstrap resamples of pages.

Methods: ``trafilatura-default`` is ``trafilatura.extract`` with the library defaults (comments
included); ``trafilatura-precision`` is ``favor_precision=True, include_comments=False``, the
README's reference setting; ``dramawatch`` is :func:`crawler.extract.extract_article`. Times are
wall-clock per page on already-decoded HTML, parsing included.

Run: ``python -m bench.extraction [--data DIR] [--limit N] [--method NAME]...``; the data folder
defaults to ``shared/benchmarks/article-extraction`` next to the repository, or the
``DRAMAWATCH_BENCH_DATA`` environment variable.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import random
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

logger = logging.getLogger(__name__)

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "article-extraction"
DATA_ENV = "DRAMAWATCH_BENCH_DATA"
SHINGLE = 4
_TOKEN_RE = re.compile(r"\w+")

Scores = tuple[float, float, float]


@dataclass(frozen=True)
class Page:
    """One benchmark page: its id, URL, HTML and ground-truth body."""

    key: str
    url: str
    html: str
    truth: str


def tokenize(text: str) -> list[str]:
    """Split text into ``\\w+`` tokens, case kept."""
    return _TOKEN_RE.findall(text or "")


def shingles(text: str, n: int = SHINGLE) -> Counter[str]:
    """Multiset of n-token shingles (one short shingle if the text has fewer than n tokens)."""
    tokens = tokenize(text)
    grams = (" ".join(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(g for g in grams if g)


def page_scores(truth: str, pred: str) -> Scores:
    """Return (tp, fp, fn) for one page, normalised so that they sum to 1."""
    t, p = shingles(truth), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def _f1(scores: Sequence[Scores]) -> tuple[float, float, float]:
    p = statistics.fmean(_precision(*s) for s in scores)
    r = statistics.fmean(_recall(*s) for s in scores)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _spread(scores: Sequence[Scores], rounds: int = 1000) -> float:
    """Std of F1 over bootstrap resamples of pages (fixed seed, reproducible)."""
    rng = random.Random(0)
    f1s = [_f1(rng.choices(scores, k=len(scores)))[2] for _ in range(rounds)]
    return statistics.pstdev(f1s)


def evaluate(pages: Sequence[Page], preds: Sequence[str]) -> dict[str, float]:
    """Precision, recall, F1, accuracy and bootstrap spread of predictions against truth."""
    scores = [page_scores(pg.truth, pred) for pg, pred in zip(pages, preds, strict=True)]
    p, r, f1 = _f1(scores)
    exact = sum(tokenize(pg.truth) == tokenize(pred) for pg, pred in zip(pages, preds, strict=True))
    return {
        "precision": p,
        "recall": r,
        "f1": f1,
        "accuracy": exact / len(pages),
        "spread": _spread(scores),
    }


def load_pages(data: Path, limit: int | None = None) -> list[Page]:
    """Read ground truth and gzipped pages from the benchmark folder."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf8"))
    pages = []
    for key in sorted(truth)[:limit]:
        with gzip.open(data / "html" / f"{key}.html.gz", "rt", encoding="utf8") as fh:
            html = fh.read()
        pages.append(Page(key, truth[key]["url"], html, truth[key]["articleBody"]))
    return pages


def _trafilatura_default(page: Page) -> str:
    import trafilatura

    return trafilatura.extract(page.html, url=page.url) or ""


def _trafilatura_precision(page: Page) -> str:
    import trafilatura

    # the data README's "favor_precision" reference figure (comments off, as in its table)
    return (
        trafilatura.extract(page.html, url=page.url, favor_precision=True, include_comments=False)
        or ""
    )


def _dramawatch(page: Page) -> str:
    from crawler.extract import extract_article

    return extract_article(page.html, page.url).text


METHODS: dict[str, Callable[[Page], str]] = {
    "trafilatura-default": _trafilatura_default,
    "trafilatura-precision": _trafilatura_precision,
    "dramawatch": _dramawatch,
}


def run_method(fn: Callable[[Page], str], pages: Sequence[Page]) -> dict[str, Any]:
    """Run one extractor over all pages; return its predictions and timing figures."""
    fn(pages[0])  # warm-up: imports and lazy caches should not count as page time
    preds, times = [], []
    for page in pages:
        start = time.perf_counter()
        preds.append(fn(page))
        times.append((time.perf_counter() - start) * 1000)
    ranked = sorted(times)
    return {
        "preds": preds,
        "median_ms": statistics.median(times),
        "p95_ms": ranked[min(len(ranked) - 1, int(0.95 * len(ranked)))],
    }


def _print_table(results: dict[str, dict[str, float]], n: int) -> None:
    print(f"article-extraction benchmark, {n} pages")
    print(f"{'method':<22}{'P':>7}{'R':>7}{'F1':>7}{'acc':>7}{'±':>7}{'med ms':>9}{'p95 ms':>9}")
    for name, r in results.items():
        row = (
            f"{name:<22}{r['precision']:7.3f}{r['recall']:7.3f}{r['f1']:7.3f}{r['accuracy']:7.3f}"
            f"{r['spread']:7.3f}{r['median_ms']:9.1f}{r['p95_ms']:9.1f}"
        )
        print(row)


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.extraction", description=__doc__.splitlines()[0]
    )
    default = os.environ.get(DATA_ENV) or str(DEFAULT_DATA)
    parser.add_argument(
        "--data", type=Path, default=Path(default), help=f"benchmark folder (env {DATA_ENV})"
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument(
        "--method", action="append", choices=sorted(METHODS), help="run only these methods"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    """Run the benchmark, print a table and return {method: metrics} (or a skip reason)."""
    args = _parse_args(argv)
    if not (args.data / "ground-truth.json").is_file():
        reason = f"benchmark data not found in {args.data}; pass --data DIR or set {DATA_ENV}"
        print(f"skipped: {reason}")
        return {"skipped": reason}
    pages = load_pages(args.data, args.limit)
    results: dict[str, dict[str, float]] = {}
    for name in args.method or list(METHODS):
        run = run_method(METHODS[name], pages)
        results[name] = evaluate(pages, run["preds"]) | {k: run[k] for k in ("median_ms", "p95_ms")}
    _print_table(results, len(pages))
    return {"pages": len(pages), "results": results}


if __name__ == "__main__":
    logging.basicConfig(level=logging.ERROR)
    main(sys.argv[1:])
