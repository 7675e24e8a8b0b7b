"""The fourth blind kind probe: pages written before the decision code was read, never tuned on.

Listings and collections of shapes the earlier probes lacked (a section hydrated from JSON as
it scrolls, a company's "in the news" links, a 政务公开 directory with 索引号 columns, a 频道
with one lead story above its river, a 专题 of long titles, a catalogue of short drama names, a
numbered 榜单, a podcast's show page, jobs, events, an FAQ, page 2 of a tag, a 7×24 快讯 stream)
and short articles that must stay articles (a three-sentence notice, a 现将…印发给你们
transmittal, a notice that is only its attachments, briefs beside long rails, comment threads
and author grids, a table, photo galleries). The figures are a floor.
"""

from __future__ import annotations

from bench.kind_probe import FIXTURES, FOURTH_BLIND_SET
from tests.support.probes import check_blind_kind_set, check_kind_floor

# Per fold: listings and collections not stored as articles (at least), articles dropped (0).
CAUGHT = {0: 9, 1: 7}


def test_every_fourth_blind_page_is_labelled_blind_with_both_languages_and_kinds() -> None:
    check_blind_kind_set(FIXTURES / FOURTH_BLIND_SET)


def test_no_fourth_blind_article_is_dropped_and_the_listings_caught_do_not_fall() -> None:
    check_kind_floor(CAUGHT, FIXTURES / FOURTH_BLIND_SET)
