"""The kind probe: written pages, article or not, read in their own charset, never tuned on.

The figures are a floor: a change that stores more of these listings as articles, or drops one
of these articles, fails here.
"""

from __future__ import annotations

from bench.kind_probe import load_probe
from tests.support.probes import check_kind_floor

# Per fold: listings and collections not stored as articles (at least), articles dropped (0).
CAUGHT = {0: 16, 1: 10}


def test_the_probe_is_half_articles_in_both_folds_and_gbk_pages_decode() -> None:
    pages = load_probe()
    assert len(pages) >= 50
    assert {page.fold for page in pages} == {0, 1}
    articles = sum(page.page_type == "article" for page in pages)
    assert abs(2 * articles - len(pages)) <= 4
    notice = next(page for page in pages if page.key == "zh-gov-notice-list")
    assert "通知公告" in notice.html


def test_no_probe_article_is_dropped_and_the_listings_caught_do_not_fall() -> None:
    check_kind_floor(CAUGHT)
