"""The third blind kind probe: pages written before the decision code was read, never tuned on.

Listings and collections a micro-drama news monitor meets (calendars, catalogues, 专题, paged
archives, a 政策解读 list, video and podcast lists, investor news, a newsletter archive, a topics
hub, a 榜单, empty searches) and short articles that must stay articles (a two-sentence 通知
with an attachment, corrections, one-paragraph statements, photo stories, a long related rail,
interviews, a 公示 table, comments). The figures are a floor.
"""

from __future__ import annotations

import json

from bench.kind_cv import case_of, counts
from bench.kind_probe import FIXTURES, THIRD_BLIND_SET, load_probe
from crawler.extract import ExtractionSettings

# Per fold: listings and collections not stored as articles (at least), articles dropped (0).
CAUGHT = {0: 8, 1: 10}


def test_every_third_blind_page_is_labelled_blind_with_both_languages_and_kinds() -> None:
    labels = json.loads((FIXTURES / THIRD_BLIND_SET / "labels.json").read_text(encoding="utf8"))
    assert len(labels) >= 30
    assert all(label["blind"] for label in labels.values())
    pages = load_probe(FIXTURES / THIRD_BLIND_SET)
    assert {page.fold for page in pages} == {0, 1}
    assert {page.language for page in pages} == {"en", "zh"}
    assert {page.page_type for page in pages} == {"article", "listing", "collection"}


def test_no_third_blind_article_is_dropped_and_the_listings_caught_do_not_fall() -> None:
    cases = [case_of(page) for page in load_probe(FIXTURES / THIRD_BLIND_SET)]
    for fold, floor in CAUGHT.items():
        held = [case for case in cases if case.fold == fold]
        dropped, articles, caught, _ = counts(ExtractionSettings(), held)
        assert articles == sum(case.article for case in held), "an article lost its text"
        assert dropped == 0
        assert caught >= floor
