"""A byline showing only a relative stamp, with the day stated in the article's closing line."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from crawler.extract import extract_article
from crawler.extract.relative_date import has_relative, relative_dates

PROSE = (
    "<p>Kalos TV, a vertical drama app backed by a venture fund, has shut down this week.</p>"
    "<p>The app stopped taking payments and said unused coins would be refunded to users.</p>"
) * 3


def _page(byline: str) -> str:
    return (
        "<html><head><title>Kalos TV shuts down after failing to raise funds</title></head>"
        '<body><article class="post"><h1>Kalos TV shuts down after failing to raise funds</h1>'
        f'<div class="post-top">{byline}</div><div class="post-content">{PROSE}</div>'
        '<div class="post-footer"><p>Filed under <a href="/tag/shutdowns">shutdowns</a> on '
        "December 3, 2026 by Priya Nair.</p></div></article>"
        '<aside class="related"><ul><li><a href="/p/loops">Loops shuts down</a> '
        "November 28, 2026</li></ul></aside></body></html>"
    )


def test_the_closing_line_dates_an_article_whose_byline_is_relative() -> None:
    found = extract_article(_page("3 min read · 2 days ago"), "https://a.example/posts/kalos")
    assert found.published_at is not None
    assert found.published_at.date() == date(2026, 12, 3)
    assert "2 days ago" not in found.text


def test_a_relative_stamp_takes_the_time_its_markup_states() -> None:
    stamp = '<span class="timeago" data-published="2026-12-05T06:20:00Z">Posted 3 hours ago</span>'
    found = extract_article(_page(stamp), "https://a.example/posts/kalos")
    assert found.published_at == datetime(2026, 12, 5, 6, 20, tzinfo=UTC)
    unix = '<abbr class="timeago" title="1796444400">3 hours ago</abbr>'
    found = extract_article(_page(unix), "https://a.example/posts/kalos")
    assert found.published_at == datetime.fromtimestamp(1796444400, UTC)
    words = '<span title="Saturday, December 5, 2026 at 6:20 AM UTC">Published 3 hours ago</span>'
    found = extract_article(_page(words), "https://a.example/posts/kalos")
    assert found.published_at == datetime(2026, 12, 5, 6, 20, tzinfo=UTC)


def test_an_update_stamp_dates_no_post_whatever_its_markup_states() -> None:
    stamp = '<span data-time="2026-12-05T06:20:00Z">Updated 3 hours ago</span>'
    found = extract_article(_page(stamp), "https://a.example/posts/kalos")
    assert found.published_at is not None
    assert found.published_at.date() == date(2026, 12, 3)


def test_a_byline_counted_in_weeks_is_relative_too() -> None:
    found = extract_article(_page("3 min read · 2 weeks ago"), "https://a.example/posts/kalos")
    assert found.published_at is not None
    assert found.published_at.date() == date(2026, 12, 3)
    assert "2 weeks ago" not in found.text


def test_a_stamp_coarser_than_a_day_is_shown_but_never_resolved() -> None:
    fetched = datetime(2026, 12, 20, 12, tzinfo=UTC)
    assert has_relative("Posted 2 weeks ago") and has_relative("3天前")
    assert list(relative_dates("Posted 2 weeks ago · 1 month ago", fetched, UTC)) == []
    assert [d for _, d in relative_dates("3天前", fetched, UTC)] == [fetched - timedelta(days=3)]
