"""The third blind kind probe: pages written before the decision code was read, never tuned on.

Listings and collections a micro-drama news monitor meets (calendars, catalogues, 专题, paged
archives, a 政策解读 list, video and podcast lists, investor news, a newsletter archive, a topics
hub, a 榜单, empty searches) and short articles that must stay articles (a two-sentence 通知
with an attachment, corrections, one-paragraph statements, photo stories, a long related rail,
interviews, a 公示 table, comments). The figures are a floor.
"""

from __future__ import annotations

from bench.kind_probe import FIXTURES, THIRD_BLIND_SET
from tests.support.probes import check_blind_kind_set, check_kind_floor

# Per fold: listings and collections not stored as articles (at least), articles dropped (0).
CAUGHT = {0: 8, 1: 10}


def test_every_third_blind_page_is_labelled_blind_with_both_languages_and_kinds() -> None:
    check_blind_kind_set(FIXTURES / THIRD_BLIND_SET)


def test_no_third_blind_article_is_dropped_and_the_listings_caught_do_not_fall() -> None:
    check_kind_floor(CAUGHT, FIXTURES / THIRD_BLIND_SET)
