"""Extraction scoreboard: dramawatch vs. trafilatura defaults on the development sets.

Sets (see :mod:`bench.extraction_sets`): ``article-extraction`` (181 news pages), ``wcxb-dev``
(900 WCXB development pages: articles, listings, collections) and ``zh-news-dev`` (16 Chinese
pages labelled by this repository's fixtures). Figures per set, page type and language: WCXB word
precision/recall/F1, required snippets present, boilerplate leaked, title exact, date exact, the
share of pages stored as articles, all checks passed, and the median time per page.

Settings are chosen by two-fold cross-validation (:mod:`bench.extraction_cv`): every page is
in one half by a hash of its id, the candidate settings are ranked on one half and the winner is
scored on the other, both ways; the table reports those held-out scores only. The shipped
defaults stand unless the winner beats them reliably on the ranking half (bootstrap resamples),
so the figures, time included, describe what ships unless the evidence says otherwise.
Trafilatura runs with its defaults (``bare_extraction(html, url=url)``) in the same process.

Run: ``python -m bench.extraction [--quick] [--sets NAME ...] [--data DIR]``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench.common import Row, median, row
from bench.extraction_cv import Method, candidates, cross_validate, emptying, tuning_scores
from bench.extraction_score import Prediction, group_by, score_page
from bench.extraction_sets import DATA_ROOT, SETS, DevPage, load_set, tuning_pages

DATA_ENV = "DRAMAWATCH_BENCH_DATA"
QUICK_PER_FOLD = 20
TARGET_F1 = 0.965
TARGET_PRESENT, TARGET_LEAKED, TARGET_TITLE, TARGET_DATE = 0.95, 0.04, 0.90, 0.92
TARGET_ZH_CHECKS = 0.97
TARGET_MS = 20.0


# Trafilatura's result per page (set, id, address, digest of the HTML) in this process: a bench
# run computes it once and the kind bench reads what the extraction bench found.
_DEFAULTS_SEEN: dict[tuple[str, str, str, bytes], Prediction] = {}


def _identity(page: DevPage) -> tuple[str, str, str, bytes]:
    """The page's key in ``_DEFAULTS_SEEN``: its set, id and address, and a digest of its HTML
    (a page rewritten under the same name is another page)."""
    digest = hashlib.blake2b(page.html.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    return page.set, page.key, page.url, digest


def trafilatura_default(page: DevPage) -> Prediction:
    """``trafilatura.bare_extraction`` with the library defaults, metadata on (title, date).

    Always computed (the scoreboard times it); the result is kept for :func:`trafilatura_seen`.
    """
    from trafilatura import bare_extraction

    doc = bare_extraction(page.html, url=page.url, with_metadata=True)
    if doc is None or isinstance(doc, dict):
        pred = Prediction("", None, None, False)
    else:
        pred = Prediction(doc.text or "", doc.title, doc.date, bool(doc.text))
    _DEFAULTS_SEEN[_identity(page)] = pred
    return pred


def trafilatura_seen(page: DevPage) -> Prediction:
    """:func:`trafilatura_default`, read from this run's earlier call on the page if any."""
    seen = _DEFAULTS_SEEN.get(_identity(page))
    return seen if seen is not None else trafilatura_default(page)


def run(method: Callable[[DevPage], Prediction], pages: Sequence[DevPage]) -> list[dict[str, Any]]:
    """Score one method on every page, timing each call (a warm-up call is not counted)."""
    if pages:
        method(pages[0])
    results = []
    for page in pages:
        start = time.perf_counter()
        pred = method(page)
        elapsed = (time.perf_counter() - start) * 1000
        results.append(
            score_page(page, Prediction(pred.text, pred.title, pred.date, pred.is_article, elapsed))
        )
    return results


def _group_key(page: DevPage) -> str:
    language = page.language if page.language in ("en", "zh") else "other"
    return f"{page.set}/{page.page_type}/{language}"


def report(pages: Sequence[DevPage], by_method: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Per-group summaries of every method's page results."""
    return {name: group_by(pages, results, _group_key) for name, results in by_method.items()}


def _fmt_pair(pair: tuple[int, int]) -> str:
    return f"{pair[0]}/{pair[1]}" if pair[1] else "-"


def _fmt(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def print_table(groups: dict[str, dict[str, Any]]) -> None:
    """One line per method and group."""
    head = (
        "group",
        "method",
        "n",
        "P",
        "R",
        "F1",
        "present",
        "leaked",
        "title",
        "date",
        "stored",
        "checks",
        "ms",
    )
    print("".join(f"{h:<32}" if i == 0 else f"{h:>10}" for i, h in enumerate(head)))
    keys = sorted({key for per_group in groups.values() for key in per_group})
    for key in keys:
        for method, per_group in groups.items():
            if (g := per_group.get(key)) is None:
                continue
            cells = (
                g["pages"],
                _fmt(g["precision"]),
                _fmt(g["recall"]),
                _fmt(g["f1"]),
                *(
                    _fmt_pair(g[k])
                    for k in ("present", "leaked", "title", "date", "stored", "checks")
                ),
                _fmt(g["median_ms"], 1),
            )
            print(f"{key:<32}{method:>10}" + "".join(f"{c!s:>10}" for c in cells))


def _ratio(pair: tuple[int, int]) -> float | None:
    return pair[0] / pair[1] if pair[1] else None


def _rate_row(
    key: str,
    field: str,
    g: dict[str, Any],
    b: dict[str, Any],
    *,
    at_least: float | None = None,
    at_most: float | None = None,
) -> Row:
    ours, theirs = _ratio(g[field]), _ratio(b[field]) if field in b else None
    return row(
        f"{key}: {field}",
        round(ours or 0.0, 3),
        at_least=at_least,
        at_most=at_most,
        note=f"trafilatura {_fmt(theirs)}",
    )


def summary_rows(groups: dict[str, dict[str, Any]]) -> list[Row]:
    """Bench summary: held-out dramawatch figures against the targets, trafilatura beside them."""
    rows = []
    ours, base = groups.get("dramawatch", {}), groups.get("trafilatura", {})
    for key, g in ours.items():
        b = base.get(key, {})
        if key.endswith("/article/en") and g["f1"] is not None:
            rows.append(
                row(
                    f"{key}: word F1",
                    round(g["f1"], 3),
                    at_least=TARGET_F1,
                    note=f"trafilatura {_fmt(b.get('f1'))}",
                )
            )
        if key.endswith("/article/en") and g["present"][1]:
            rows.append(_rate_row(key, "present", g, b, at_least=TARGET_PRESENT))
            rows.append(_rate_row(key, "present_folded", g, b))
            rows.append(_rate_row(key, "leaked", g, b, at_most=TARGET_LEAKED))
            rows.append(_rate_row(key, "title", g, b, at_least=TARGET_TITLE))
            rows.append(_rate_row(key, "date", g, b, at_least=TARGET_DATE))
        if key.startswith("zh-news-dev"):
            rows.append(_rate_row(key, "checks", g, b, at_least=TARGET_ZH_CHECKS))
        if "/listing/" in key or "/collection/" in key:
            rows.append(_rate_row(key, "stored", g, b, at_most=0.0))
    return rows


def timing_rows(by_method: dict[str, list[dict[str, Any]]]) -> list[Row]:
    """Median time per page over every page of every set."""
    ms = {name: median([r["ms"] for r in results]) for name, results in by_method.items()}
    note = f"trafilatura {ms.get('trafilatura', 0.0):.1f} ms"
    return [
        row(
            "median extraction time",
            round(ms.get("dramawatch", 0.0), 1),
            "ms/page",
            at_most=TARGET_MS,
            note=note,
        )
    ]


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.extraction", description=(__doc__ or "").splitlines()[0]
    )
    quick = f"the first {QUICK_PER_FOLD} pages of each half and page type of each set"
    parser.add_argument("--quick", action="store_true", help=quick)
    parser.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS))
    parser.add_argument(
        "--data",
        type=Path,
        default=Path(os.environ.get(DATA_ENV) or DATA_ROOT),
        help=f"folder holding the sets (env {DATA_ENV})",
    )
    parser.add_argument("--no-cv", action="store_true", help="score the default settings only")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    """Run the scoreboard; print the table and return the figures with summary rows."""
    args = _parse_args(argv)
    limit = QUICK_PER_FOLD if args.quick else None
    pages = [p for name in args.sets for p in load_set(name, args.data, limit)]
    if not pages:
        reason = f"no development set found in {args.data}; pass --data DIR or set {DATA_ENV}"
        print(f"skipped: {reason}")
        return {"skipped": reason, "summary": [row("skipped", reason)]}
    methods: dict[str, Method] = candidates()
    if args.no_cv:
        methods = dict(list(methods.items())[:1])
    tuned = [*pages, *tuning_pages(args.sets)]
    by_candidate = {name: run(fn, tuned) for name, fn in methods.items()}
    held_out, chosen = cross_validate(tuned, by_candidate)
    by_method = {
        "dramawatch": held_out[: len(pages)],
        "trafilatura": run(trafilatura_default, pages),
    }
    groups = report(pages, by_method)
    print_table(groups)
    tuning = {fold: tuning_scores(tuned, by_candidate, fold) for fold in (0, 1)}
    rejected = sorted(emptying(by_candidate))
    print(f"settings chosen per half: {chosen}; objective on the tuning half: {tuning}")
    print(f"candidates never chosen (they empty a page the defaults store): {rejected}")
    return {
        "pages": len(pages),
        "chosen": chosen,
        "tuning": tuning,
        "rejected": rejected,
        "groups": groups,
        "summary": [*summary_rows(groups), *timing_rows(by_method)],
    }


QUICK_ARGV = ("--quick",)

if __name__ == "__main__":
    main(sys.argv[1:])
