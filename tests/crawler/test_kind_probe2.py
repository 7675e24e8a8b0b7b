"""The blind kind probe: pages written before the decision code was read, never tuned on.

The figures are a floor: a change that stores more of these listings as articles, or drops one
of these articles, fails here.
"""

from __future__ import annotations

import json

from bench.kind_cv import case_of, counts
from bench.kind_probe import BLIND_SET, FIXTURES, load_probe
from crawler.extract import ExtractionSettings

# Per fold: listings and collections not stored as articles (at least), articles dropped (0).
CAUGHT = {0: 13, 1: 5}


def test_every_blind_page_is_labelled_blind_and_both_languages_and_kinds_are_there() -> None:
    labels = json.loads((FIXTURES / BLIND_SET / "labels.json").read_text(encoding="utf8"))
    assert len(labels) >= 30
    assert all(label["blind"] for label in labels.values())
    pages = load_probe(FIXTURES / BLIND_SET)
    assert {page.fold for page in pages} == {0, 1}
    assert {page.language for page in pages} == {"en", "zh"}
    assert {page.page_type for page in pages} == {"article", "listing", "collection"}


def test_no_blind_article_is_dropped_and_the_listings_caught_do_not_fall() -> None:
    cases = [case_of(page) for page in load_probe(FIXTURES / BLIND_SET)]
    for fold, floor in CAUGHT.items():
        held = [case for case in cases if case.fold == fold]
        dropped, articles, caught, _ = counts(ExtractionSettings(), held)
        assert articles == sum(case.article for case in held), "an article lost its text"
        assert dropped == 0
        assert caught >= floor
