"""Two-fold cross-validation of dramawatch's extraction settings.

Every candidate setting runs on every page once. For each half of the split, the candidate with
the best :func:`bench.extraction_score.objective` on the *other* half is chosen, and this half's
pages are reported with that candidate's output. No figure in the report comes from a setting
chosen on the page it describes. A candidate that leaves any page without text (fewer than
``MIN_TEXT`` characters) where the defaults store an article is never chosen: on a small set one
emptied page weighs little in the objective, and a monitor that stores nothing has lost the page.
The rule reads no label, so it looks at every page, the reported half too. Pages marked
``tune_only`` are in the tuning half of both folds.

The defaults (the first candidate, what ships) stand unless the best candidate is reliably
better: it must beat them on the tuning half and be no worse on at least ``SURE`` of
``RESAMPLES`` bootstrap resamples of it (pages drawn with replacement within each set). A lead
of a ten-thousandth from pages won and lost in equal measure is noise, and a setting chosen on
noise describes no release: the figures would then time and score a configuration nobody runs.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import Any

from bench.extraction_score import Prediction, objective
from bench.extraction_sets import DevPage

Method = Callable[[DevPage], Prediction]
MIN_TEXT = 50  # characters (whitespace aside): less is a page without text
RESAMPLES = 200  # bootstrap resamples of a tuning half
SURE = 0.95  # share of resamples on which a chosen candidate is no worse than the defaults


def _day(value: Any) -> str | None:
    return value.date().isoformat() if value is not None else None


def _dramawatch(settings: Any) -> Method:
    """``crawler.extract.extract_article`` with the given settings."""
    from crawler.extract import extract_article

    def method(page: DevPage) -> Prediction:
        found = extract_article(page.html, page.url, settings=settings)
        is_article = found.is_article and bool(found.text)
        return Prediction(found.text, found.title, _day(found.published_at), is_article)

    return method


def candidates() -> dict[str, Method]:
    """The settings to choose from, the shipped defaults first."""
    from crawler.extract import ExtractionSettings

    grid = {
        "default": ExtractionSettings(),
        "precise-first": ExtractionSettings(precise_first=True),
        "keep-named": ExtractionSettings(named_chrome=False),
        "retry-0.35": ExtractionSettings(retry_share=0.35),
        "compare-first": ExtractionSettings(compare_first=True),
        "cut-zone-0.6": ExtractionSettings(cut_zone=0.6),
        "lenient-listing": ExtractionSettings(max_link_share=1.01),
        "no-recover": ExtractionSettings(recover=False),
    }
    return {name: _dramawatch(settings) for name, settings in grid.items()}


def tuning_scores(
    pages: Sequence[DevPage], by_candidate: dict[str, list[dict[str, Any]]], fold: int
) -> dict[str, float]:
    """Each candidate's objective on the pages *outside* ``fold`` (the tuning half)."""
    tune = _tuning_half(pages, fold)
    return {
        name: round(objective([results[i] for i in tune], [pages[i] for i in tune]), 4)
        for name, results in by_candidate.items()
    }


def _tuning_half(pages: Sequence[DevPage], fold: int) -> list[int]:
    """Indexes of the pages outside ``fold`` and of the pages that only tune."""
    return [i for i, p in enumerate(pages) if p.fold != fold or p.tune_only]


def no_worse_share(
    pages: Sequence[DevPage],
    tune: Sequence[int],
    candidate: Sequence[dict[str, Any]],
    default: Sequence[dict[str, Any]],
) -> float:
    """Share of bootstrap resamples of the tuning pages ``tune`` (drawn with replacement within
    each set, so every set keeps its size and weight) on which ``candidate`` scores at least
    the ``default``'s objective."""
    by_set: dict[str, list[int]] = {}
    for i in tune:
        by_set.setdefault(pages[i].set, []).append(i)
    draw = random.Random(0)
    no_worse = 0
    for _ in range(RESAMPLES):
        sample = [i for members in by_set.values() for i in draw.choices(members, k=len(members))]
        chosen_pages = [pages[i] for i in sample]
        ours = objective([candidate[i] for i in sample], chosen_pages)
        no_worse += ours >= objective([default[i] for i in sample], chosen_pages)
    return no_worse / RESAMPLES


def emptying(by_candidate: dict[str, list[dict[str, Any]]]) -> set[str]:
    """Candidates leaving a page without text where the defaults (the first candidate) store an
    article with text."""
    default = next(iter(by_candidate.values()))
    stored = [i for i, r in enumerate(default) if r["is_article"] and r["chars"] >= MIN_TEXT]
    return {
        name
        for name, results in by_candidate.items()
        if any(results[i]["chars"] < MIN_TEXT for i in stored)
    }


def cross_validate(
    pages: Sequence[DevPage], by_candidate: dict[str, list[dict[str, Any]]]
) -> tuple[list[dict[str, Any]], dict[int, str]]:
    """Held-out results for every page and the candidate chosen for each half."""
    chosen: dict[int, str] = {}
    rejected = emptying(by_candidate)
    default = next(iter(by_candidate))
    for fold in (0, 1):
        score = tuning_scores(pages, by_candidate, fold)
        best = max((n for n in score if n not in rejected), key=lambda name: score[name])
        tune = _tuning_half(pages, fold)
        sure = score[best] > score[default] and (
            no_worse_share(pages, tune, by_candidate[best], by_candidate[default]) >= SURE
        )
        chosen[fold] = best if sure else default
    held_out = [by_candidate[chosen[p.fold]][i] for i, p in enumerate(pages)]
    return held_out, chosen
