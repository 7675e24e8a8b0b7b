"""The ninth blind kind probe: pages written before the decision code was read, never tuned on.

Listings and collections (a tag page of cards, a topic page under a paragraph of introduction, an
author page under a five-sentence biography, search results, page 3 of a category archive, a
front page of one lead story with a long dek above a grid, a video hub, a photo gallery index, a
press-release table, an events calendar, a podcast's episodes, a newsletter archive, a river of
paragraph-long summaries, a 通知公告 list in GBK, a 专题 and a 频道 of 摘要) and list-like or
short articles that must stay articles (three-sentence notices in English and in Chinese, a story
made mostly of the links it discusses, five linked headings, a story above sixteen related cards,
a video page's written summary, a live blog, a release ending in six contacts, a two-sentence
快讯, a Q&A, a how-to of steps, a two-paragraph brief beside a teaser rail, a column with further
reading, a 答记者问 and a 图文直播). Each article's label names a sentence its text must hold.
The figures are a floor.
"""

from __future__ import annotations

import json

import pytest

from bench.kind_probe import FIXTURES, NINTH_BLIND_SET, load_probe
from crawler.extract import extract_article
from tests.support.probes import check_blind_kind_set, check_kind_floor, probe_params

FOLDER = FIXTURES / NINTH_BLIND_SET
# Per fold: listings and collections not stored as articles (at least), articles dropped (0).
# Blind: 6 of 8 and 8 of 8 caught, no article dropped; since, all caught by general mechanisms
# (a front's lead story under its linked picture is a teaser, ``teaser.py``; a 专题's boxes count
# together beside its 导语, ``kind.py``).
CAUGHT = {0: 8, 1: 8}
_LABELS = json.loads((FOLDER / "labels.json").read_text(encoding="utf8"))
_LISTINGS = [key for key, label in _LABELS.items() if label["page_type"] != "article"]
_ARTICLES = [key for key, label in _LABELS.items() if label["page_type"] == "article"]
# Pages that failed when written, and what went wrong, all passing since: the front page's lead
# story's three-sentence dek was taken for its own text beside nine headline tiles; the 专题's
# two-sentence 导语 beside four boxes of a few headlines each; the brief's text was the rail of
# ten teasers beside it (a fuller pass read the rail; the story the heading names is read now).
KNOWN: dict[str, str] = {}


def _page(key: str) -> tuple[str, str]:
    page = next(p for p in load_probe(FOLDER) if p.key == key)
    return page.html, page.url


def test_every_ninth_blind_page_is_labelled_blind_with_both_languages_and_kinds() -> None:
    check_blind_kind_set(FOLDER)


def test_no_ninth_blind_article_is_dropped_and_the_listings_caught_do_not_fall() -> None:
    check_kind_floor(CAUGHT, FOLDER)


@pytest.mark.parametrize("key", probe_params(_LISTINGS, KNOWN))
def test_a_ninth_blind_listing_is_not_stored(key: str) -> None:
    assert not extract_article(*_page(key)).is_article


@pytest.mark.parametrize("key", probe_params(_ARTICLES, KNOWN))
def test_a_ninth_blind_article_is_stored_with_its_own_text(key: str) -> None:
    found = extract_article(*_page(key))
    assert found.is_article
    missing = [s for s in _LABELS[key]["present"] if s not in found.text]
    assert not missing
