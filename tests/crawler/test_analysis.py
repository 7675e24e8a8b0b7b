"""The date an analysed page is stored with."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from crawler.analysis import analyse_page, publication_date

PAGE = (
    "<html><body><article><h1>Micro-drama market grows</h1><p>The micro-drama market grew by a "
    "third last year as studios raced to film short vertical series.</p></article></body></html>"
)


def test_a_feed_date_in_the_future_is_not_stored() -> None:
    future = datetime.now(UTC) + timedelta(days=400)
    analysed = analyse_page(
        PAGE, "http://news.example.com/a.html", metrics=(), fallback_date=future
    )
    assert analysed.published_at is None


def test_a_feed_date_before_1990_is_not_stored() -> None:
    old = datetime(1970, 1, 1, tzinfo=UTC)
    analysed = analyse_page(PAGE, "http://news.example.com/a.html", metrics=(), fallback_date=old)
    assert analysed.published_at is None


def test_a_plausible_feed_date_dates_a_page_that_states_none() -> None:
    day = datetime(2025, 11, 3, 8, tzinfo=UTC)
    analysed = analyse_page(PAGE, "http://news.example.com/a.html", metrics=(), fallback_date=day)
    assert analysed.published_at == day


def test_the_feed_states_the_zone_of_the_same_moment() -> None:
    page = datetime(2025, 11, 3, 8, tzinfo=UTC)
    feed = datetime(2025, 11, 3, 16, tzinfo=UTC) - timedelta(hours=8)
    assert publication_date(page, feed) == feed
    assert publication_date(None, feed) is None
