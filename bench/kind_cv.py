"""Article or listing: two-fold cross-validation of the thresholds of ``crawler/extract/kind.py``.

Every page of the development sets is extracted once with the shipped settings; its
:class:`~crawler.extract.kind.PageShape` (declaration, link share, sentences, own sentences,
largest group of repeated items) is kept, and every candidate threshold set decides on it. For
each half of the split the candidate chosen on the *other* half is the one that stores the
fewest listings and collections as articles while dropping at most ``--budget`` of that half's
articles (a lost article costs far more than a stored listing). Reported per held-out half:
listings and collections caught, and articles wrongly dropped (pages whose main text was found
but that were judged not articles), with the rule before this mechanism on the same pages.

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

from bench.extraction_sets import DATA_ROOT, load_set
from crawler.extract import ExtractionSettings, extract_article
from crawler.extract.kind import PageShape, is_article

DATA_ENV = "DRAMAWATCH_BENCH_DATA"
SETS = ("wcxb-dev", "article-extraction", "zh-news-dev")
GRID = {
    "listing_sentences": (4, 8, 12, 16),
    "listing_items": (3, 5, 8),
    "listing_chars": (300, 600, 1000),
    "max_link_share": (0.6, 0.7, 0.8),
}


@dataclass(frozen=True)
class Case:
    """One page: its half, whether it is an article, and its measured shape."""

    key: str
    fold: int
    article: bool
    shape: PageShape | None  # None when no main text was found: the page is not stored


def cases(data: Path) -> list[Case]:
    """Extract every page once and keep what the kind decision needs."""
    found = []
    for page in (p for name in SETS for p in load_set(name, data)):
        extracted = extract_article(page.html, page.url)
        shape = extracted.shape if extracted.text else None
        found.append(Case(f"{page.set}/{page.key}", page.fold, page.page_type == "article", shape))
    return found


def before(shape: PageShape) -> bool:
    """The rule this mechanism replaced: the declaration, else a sentence and few links."""
    if shape.declared is not None:
        return shape.declared
    return shape.sentences >= 1 and shape.links < 0.7


def counts(
    rule: ExtractionSettings | Callable[[PageShape], bool], pages: Sequence[Case]
) -> tuple[int, int, int, int]:
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


def _line(label: str, figures: tuple[int, int, int, int]) -> str:
    dropped, articles, caught, listings = figures
    return (
        f"{label}: listings caught {caught}/{listings} ({caught / max(listings, 1):.0%}), "
        f"articles dropped {dropped}/{articles} ({dropped / max(articles, 1):.2%})"
    )


def main(argv: Sequence[str] | None = None) -> None:
    """Print held-out figures per half, before and after, and the thresholds chosen."""
    parser = argparse.ArgumentParser(prog="python -m bench.kind_cv")
    default_data = Path(os.environ.get(DATA_ENV) or DATA_ROOT)
    parser.add_argument("--data", type=Path, default=default_data)
    parser.add_argument("--budget", type=float, default=0.0025, help="share of articles")
    args = parser.parse_args(argv)
    pages = cases(args.data)
    for fold in (0, 1):
        held = [c for c in pages if c.fold == fold]
        chosen = choose([c for c in pages if c.fold != fold], args.budget)
        picked = {name: getattr(chosen, name) for name in GRID}
        print(f"half {fold} held out, thresholds chosen on the other half: {picked}")
        print("  " + _line("after ", counts(chosen, held)))
        print("  " + _line("before", counts(before, held)))
        print("  " + _line("shipped defaults", counts(ExtractionSettings(), held)))


if __name__ == "__main__":
    main(sys.argv[1:])
