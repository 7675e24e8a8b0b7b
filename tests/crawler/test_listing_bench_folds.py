"""The listing bench scores each fold on weights tuned on the other, and reports both."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest

from bench import listing_links
from bench.listing_links import Case, chosen, counts, cross_validate, fold_of, scores, tune
from crawler.spiders.links.detect import DEFAULT_WEIGHTS, chosen_urls, measure_page
from crawler.spiders.links.groups import Weights
from crawler.spiders.listing_links import listing_selector

LIST = "<ul class='news'>{}</ul>"
ITEM = "<li><a href='/2025/03/{n}/story-about-item-{n}.html'>A headline long enough {n}</a></li>"


def _case(key: str, items: int, labelled: int) -> Case:
    html = LIST.format("".join(ITEM.format(n=n) for n in range(items)))
    url = "https://news.example/list/"
    truth = {f"https://news.example/2025/03/{n}/story-about-item-{n}.html" for n in range(labelled)}
    return Case(key, "test", url, measure_page(listing_selector(html).root, url), truth)


def _cases() -> list[Case]:
    keys = [f"page-{n}" for n in range(12)]
    zero = [k for k in keys if fold_of(k) == 0][:2]
    one = [k for k in keys if fold_of(k) == 1][:2]
    # Fold 0's labels name every link, fold 1's only half: the folds score differently.
    return [_case(k, 6, 6) for k in zero] + [_case(k, 6, 3) for k in one]


def test_each_fold_is_reported_and_the_pool_is_their_sum(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(listing_links, "GRID", {"threshold": (DEFAULT_WEIGHTS.threshold,)})
    cases = _cases()
    result = cross_validate(cases)
    zero, one = ([c for c in cases if fold_of(c.key) == f] for f in (0, 1))
    assert result["by_fold"] == [
        scores(*counts(zero, DEFAULT_WEIGHTS)),
        scores(*counts(one, DEFAULT_WEIGHTS)),
    ]
    assert result["by_fold"][0]["precision"] == 1.0
    assert result["by_fold"][1]["precision"] == 0.5
    assert result["held_out"] == scores(*counts(cases, DEFAULT_WEIGHTS))


PAGE = (
    "<div class='lead'><a href='/2025/03/1/featured-story-about-a-thing.html'>"
    "The featured headline of the day</a></div><ul class='news'>{}</ul>"
)
CARD = (
    "<li><a href='/2025/03/{n}/story-about-item-{n}.html'>A headline long enough {n}</a>"
    "<div class='variants'><a href='/2025/03/{n}/story-about-item-{n}-red.html'>Red one of the "
    "story {n}</a> <a href='/2025/03/{n}/story-about-item-{n}-blue.html'>Blue one of the story "
    "{n}</a></div></li>"
)


SETTINGS = {
    "threshold": (0.3, 0.35, 0.5),
    "urls": (0.2, 0.4),
    "margin": (0.2, 1.0),
    "lookalikes": (False, True),
    "nested": (False, True),
}


def test_remembered_choices_match_a_fresh_detection_at_every_setting() -> None:
    html, url = PAGE.format("".join(CARD.format(n=n) for n in range(5))), "https://news.example/"
    case = Case("page", "test", url, measure_page(listing_selector(html).root, url), set())
    found = set()
    for values in list(itertools.product(*SETTINGS.values())) * 2:
        weights = replace(DEFAULT_WEIGHTS, **dict(zip(SETTINGS, values, strict=True)))
        fresh = measure_page(listing_selector(html).root, url)
        urls = chosen(case, weights)  # the second pass reads what the first remembered
        assert urls == chosen_urls(fresh, weights, url)
        found.add(frozenset(urls))
    assert len(found) >= 3  # the switches and weights lead to different choices


def _scored(monkeypatch: pytest.MonkeyPatch, f1_by_setting: dict[tuple[float, ...], float]) -> None:
    """Make every grid point score the given F1 (by its GRID values) on any cases."""

    def fake_counts(cases: list[Case], weights: Weights) -> tuple[int, int, int]:
        f1 = f1_by_setting[tuple(getattr(weights, k) for k in listing_links.GRID)]
        wrong = round(100_000 * (1 - f1) / f1)
        return 100_000, wrong, wrong

    monkeypatch.setattr(listing_links, "counts", fake_counts)


DEFAULT, OTHER, FAR = DEFAULT_WEIGHTS.threshold, DEFAULT_WEIGHTS.threshold + 0.05, 0.6


def test_a_near_tie_keeps_the_default_weights(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(listing_links, "GRID", {"threshold": (OTHER, DEFAULT, FAR)})
    near = 0.927 + listing_links.TIE / 2  # 0.9275: ahead once rounded to three places
    _scored(monkeypatch, {(OTHER,): near, (DEFAULT,): 0.927, (FAR,): 0.90})
    assert tune([]).threshold == DEFAULT


def test_a_clear_gain_moves_the_weights(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(listing_links, "GRID", {"threshold": (OTHER, DEFAULT, FAR)})
    _scored(monkeypatch, {(OTHER,): 0.930, (DEFAULT,): 0.927, (FAR,): 0.95})
    assert tune([]).threshold == FAR


def test_among_near_ties_the_fewest_settings_change(monkeypatch: pytest.MonkeyPatch) -> None:
    urls, other_urls = DEFAULT_WEIGHTS.urls, DEFAULT_WEIGHTS.urls - 0.1
    monkeypatch.setattr(
        listing_links, "GRID", {"threshold": (OTHER, DEFAULT), "urls": (other_urls, urls)}
    )
    near = 0.95 - listing_links.TIE / 2
    table = {
        (OTHER, other_urls): 0.95,
        (OTHER, urls): near,
        (DEFAULT, other_urls): 0.92,
        (DEFAULT, urls): 0.90,
    }
    _scored(monkeypatch, table)
    assert (tune([]).threshold, tune([]).urls) == (OTHER, urls)
