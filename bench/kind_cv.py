"""Article or listing: two-fold cross-validation of the thresholds of ``crawler/extract/kind.py``.

Every page of the development sets is extracted once with the shipped settings; its
:class:`~crawler.extract.kind.PageShape` (declaration, link share, sentences, own sentences,
largest group of repeated items) is kept, and every candidate threshold set decides on it. For
each half of the split the candidate chosen on the *other* half is the one that stores the
fewest listings and collections as articles while dropping at most ``--budget`` of that half's
articles (a lost article costs far more than a stored listing). Reported per held-out half:
listings and collections caught, and articles wrongly dropped (pages whose main text was found
but that were judged not articles), with the rule before this mechanism and a plain library
(trafilatura's defaults: a page is stored when they return text) on the same pages.

Run: ``python -m bench.kind_cv [--data DIR] [--budget 0.0025]``.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from bench.common import Row, row, skipped
from bench.extraction import trafilatura_seen
from bench.extraction_sets import DATA_ROOT, DevPage, load_set
from bench.kind_probe import (
    BLIND_SET,
    EIGHTH_BLIND_SET,
    FIFTH_BLIND_SET,
    FIXTURES,
    FOURTH_BLIND_SET,
    NINTH_BLIND_SET,
    PROBE,
    SEVENTH_BLIND_SET,
    SIXTH_BLIND_SET,
    TENTH_BLIND_SET,
    THIRD_BLIND_SET,
    load_probe,
)
from crawler.extract import ExtractionSettings, extract_article
from crawler.extract.kind import PageShape, is_article

DATA_ENV = "DRAMAWATCH_BENCH_DATA"
TARGET = 0.8  # share of listings and collections not stored as articles
BUDGET = 0.005  # share of real articles that may be lost
QUICK_PER_FOLD = 40
SETS = ("wcxb-dev", "article-extraction", "zh-news-dev")
# Articles with main text judged not articles, such articles, listings not stored, listings.
Figures = tuple[int, int, int, int]
_BLIND = "written before the decision code was read"
# The written probe sets, none tuned on: the result's key, the report's label, the folder.
PROBE_SETS = (
    ("probe", "kind probe (written pages, never tuned on)", PROBE),
    ("blind probe", f"blind kind probe ({_BLIND})", FIXTURES / BLIND_SET),
    ("third blind probe", f"third blind kind probe ({_BLIND})", FIXTURES / THIRD_BLIND_SET),
    ("fourth blind probe", f"fourth blind kind probe ({_BLIND})", FIXTURES / FOURTH_BLIND_SET),
    ("fifth blind probe", f"fifth blind kind probe ({_BLIND})", FIXTURES / FIFTH_BLIND_SET),
    ("sixth blind probe", f"sixth blind kind probe ({_BLIND})", FIXTURES / SIXTH_BLIND_SET),
    ("seventh blind probe", f"seventh blind kind probe ({_BLIND})", FIXTURES / SEVENTH_BLIND_SET),
    ("eighth blind probe", f"eighth blind kind probe ({_BLIND})", FIXTURES / EIGHTH_BLIND_SET),
    ("ninth blind probe", f"ninth blind kind probe ({_BLIND})", FIXTURES / NINTH_BLIND_SET),
    ("tenth blind probe", f"tenth blind kind probe ({_BLIND})", FIXTURES / TENTH_BLIND_SET),
)
GRID = {
    "listing_sentences": (4, 8, 12, 16),
    "listing_items": (3, 5, 8),
    "listing_chars": (300, 600, 1000),
    "max_link_share": (0.6, 0.7, 0.8),
    "section_items": (8, 14, 20, 10**6),
    "priced_items": (4, 6, 8, 12, 10**6),
}


@dataclass(frozen=True)
class Case:
    """One page: its half, whether it is an article, and its measured shape."""

    key: str
    fold: int
    article: bool
    shape: PageShape | None  # None when no main text was found: the page is not stored
    plain: bool = False  # trafilatura's defaults return text: a plain library stores the page


def cases(data: Path, limit: int | None = None) -> list[Case]:
    """Extract every page once (and with the plain library) and keep what the decision needs."""
    pages = (page for name in SETS for page in load_set(name, data, limit))
    return [case_of(page, plain=True) for page in pages]


def case_of(page: DevPage, plain: bool = False) -> Case:
    """One page extracted once, with its label (``plain``: also with trafilatura's defaults)."""
    extracted = extract_article(page.html, page.url)
    shape = extracted.shape if extracted.text else None
    stored = plain and trafilatura_seen(page).is_article
    return Case(f"{page.set}/{page.key}", page.fold, page.page_type == "article", shape, stored)


def plain_counts(pages: Sequence[Case]) -> Figures:
    """:func:`counts` for the plain library: a page is stored when trafilatura returns text."""
    articles = [c for c in pages if c.article and c.shape is not None]
    listings = [c for c in pages if not c.article]
    dropped = sum(not c.plain for c in articles)
    return dropped, len(articles), sum(not c.plain for c in listings), len(listings)


def probe_report(
    settings: ExtractionSettings | None = None, folder: Path = PROBE, label: str | None = None
) -> list[Figures]:
    """The held-out probe pages per fold with the shipped settings, and the plain library's
    figures; prints the failures (under ``label``, when given)."""
    if label is not None:
        print(f"{label}, shipped defaults:")
    probe = [case_of(page, plain=True) for page in load_probe(folder)]
    decide = partial(_decide, settings or ExtractionSettings())
    figures = []
    for fold in (0, 1):
        held = [c for c in probe if c.fold == fold]
        figures.append(counts(settings or ExtractionSettings(), held))
        failed = [c.key for c in held if (c.shape is not None and decide(c.shape)) != c.article]
        print("  " + _line(f"probe fold {fold}", figures[-1]))
        print(f"    wrong: {', '.join(failed) or 'none'}")
        print("  " + _line(f"trafilatura defaults, probe fold {fold}", plain_counts(held)))
    return figures


def before(shape: PageShape) -> bool:
    """The rule this mechanism replaced: the declaration, else a sentence and few links."""
    if shape.declared is not None:
        return shape.declared
    return shape.sentences >= 1 and shape.links < 0.7


def counts(
    rule: ExtractionSettings | Callable[[PageShape], bool], pages: Sequence[Case]
) -> Figures:
    """Articles with main text judged not articles, such articles, listings not stored, listings."""
    decide = rule if callable(rule) else partial(_decide, rule)
    articles = [c.shape for c in pages if c.article and c.shape is not None]
    listings = [c.shape for c in pages if not c.article]
    dropped = sum(not decide(shape) for shape in articles)
    caught = sum(shape is None or not decide(shape) for shape in listings)
    return dropped, len(articles), caught, len(listings)


def _decide(settings: ExtractionSettings, shape: PageShape) -> bool:
    return is_article(shape, settings)


def candidates() -> list[ExtractionSettings]:
    """Every threshold set of the grid."""
    names = list(GRID)
    base = ExtractionSettings()
    grid = itertools.product(*GRID.values())
    choices: list[dict[str, Any]] = [dict(zip(names, values, strict=True)) for values in grid]
    return [replace(base, **choice) for choice in choices]


def choose(pages: Sequence[Case], budget: float) -> ExtractionSettings:
    """The candidate catching most listings with at most ``budget`` of articles dropped."""
    best: tuple[tuple[int, int], ExtractionSettings] | None = None
    for settings in candidates():
        dropped, articles, caught, _ = counts(settings, pages)
        if dropped <= budget * articles and (best is None or (caught, -dropped) > best[0]):
            best = ((caught, -dropped), settings)
    return best[1] if best else ExtractionSettings()


def _line(label: str, figures: Figures) -> str:
    dropped, articles, caught, listings = figures
    return (
        f"{label}: listings caught {caught}/{listings} ({caught / max(listings, 1):.0%}), "
        f"articles dropped {dropped}/{articles} ({dropped / max(articles, 1):.2%})"
    )


def _pooled(per_half: list[Figures]) -> Figures:
    dropped, articles, caught, listings = (sum(column) for column in zip(*per_half, strict=True))
    return dropped, articles, caught, listings


def _summary(after: Figures, before_: Figures, plain: Figures) -> list[Row]:
    dropped, articles, caught, listings = after
    note = f"before: {before_[2]}/{before_[3]} caught, {before_[0]}/{before_[1]} dropped"
    baseline = f"{plain[2]}/{plain[3]} caught, {plain[0]}/{plain[1]} dropped"
    return [
        row("listings caught (held out)", round(caught / max(listings, 1), 3), at_least=TARGET),
        row("articles dropped (held out)", round(dropped / max(articles, 1), 4), at_most=BUDGET),
        row("before this rule", note),
        row("trafilatura defaults (stored when text)", baseline),
    ]


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    """Print held-out figures per half, before and after, and the thresholds chosen."""
    parser = argparse.ArgumentParser(prog="python -m bench.kind_cv")
    default_data = Path(os.environ.get(DATA_ENV) or DATA_ROOT)
    parser.add_argument("--data", type=Path, default=default_data)
    parser.add_argument("--budget", type=float, default=BUDGET / 2, help="share of articles")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_PER_FOLD} pages per half")
    args = parser.parse_args(argv)
    pages = cases(args.data, QUICK_PER_FOLD if args.quick else None)
    if not pages:
        return skipped(f"no development set found in {args.data}")
    after, old, plain, chosen = [], [], [], {}
    for fold in (0, 1):
        held = [c for c in pages if c.fold == fold]
        settings = choose([c for c in pages if c.fold != fold], args.budget)
        chosen[fold] = {name: getattr(settings, name) for name in GRID}
        after.append(counts(settings, held))
        old.append(counts(before, held))
        plain.append(plain_counts(held))
        print(f"half {fold} held out, thresholds chosen on the other half: {chosen[fold]}")
        print("  " + _line("after ", after[-1]))
        print("  " + _line("before", old[-1]))
        print("  " + _line("shipped defaults", counts(ExtractionSettings(), held)))
        print("  " + _line("trafilatura defaults", plain[-1]))
    probes = {key: probe_report(folder=folder, label=label) for key, label, folder in PROBE_SETS}
    return {
        "chosen": chosen,
        "summary": _summary(_pooled(after), _pooled(old), _pooled(plain)),
        **probes,
    }


QUICK_ARGV = ("--quick",)

if __name__ == "__main__":
    main(sys.argv[1:])
