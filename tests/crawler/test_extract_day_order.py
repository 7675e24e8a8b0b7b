"""A numeric day and month read in the order the page's locale writes them."""

from __future__ import annotations

from datetime import UTC, date

import pytest

from crawler.extract import extract_article
from crawler.extract.date_parse import parse_loose
from crawler.extract.day_order import day_first


@pytest.mark.parametrize(
    ("tags", "url", "expected"),
    [
        (("en-GB",), "https://news.example/a", True),
        ((None, "en_AU"), "https://news.example/a", True),
        (("en-US",), "https://news.example.co.uk/a", False),
        (("en",), "https://news.example.co.uk/a", True),
        (("en",), "https://news.example/a", None),
        ((), "https://news.example/a", None),
        (("de",), "https://news.example/a", True),
        (("fr-CA",), "https://news.example/a", True),
        (("en-CA",), "https://news.example/a", None),
        (("zh-CN",), "https://news.example/a", None),
        (("en-PH",), "https://news.example/a", False),
    ],
)
def test_the_locale_tells_the_order(
    tags: tuple[str | None, ...], url: str, expected: bool | None
) -> None:
    assert day_first(tags, url) is expected


def test_a_day_first_page_reads_the_day_before_the_month() -> None:
    assert parse_loose("05/11/2026", UTC, day_first=True) == parse_loose("2026-11-05", UTC)
    assert parse_loose("05/11/2026", UTC) == parse_loose("2026-05-11", UTC)
    assert parse_loose("11/25/2026", UTC, day_first=True) == parse_loose("2026-11-25", UTC)
    assert parse_loose("02-12-2026", UTC) is None
    assert parse_loose("02-12-2026", UTC, day_first=True) == parse_loose("2026-12-02", UTC)


def test_dots_read_month_first_only_where_the_region_writes_the_month_first() -> None:
    assert parse_loose("12.05.2026", UTC, day_first=False) == parse_loose("2026-12-05", UTC)
    assert parse_loose("12.05.2026", UTC) == parse_loose("2026-05-12", UTC)
    assert parse_loose("05.12.2026", UTC, day_first=True) == parse_loose("2026-12-05", UTC)
    assert parse_loose("11.30.2026", UTC) == parse_loose("2026-11-30", UTC)


def test_a_us_byline_with_dots_is_read_month_first() -> None:
    found = extract_article(_page("en-US", "12.05.2026"), "https://news.example/studio-deal")
    assert found.published_at is not None
    assert found.published_at.date() == date(2026, 12, 5)
    found = extract_article(_page("de-DE", "05.12.2026"), "https://news.example/studio-deal")
    assert found.published_at is not None
    assert found.published_at.date() == date(2026, 12, 5)


def test_a_day_the_markup_states_still_settles_the_order() -> None:
    found = parse_loose("05/11/2026", UTC, {date(2026, 5, 11)}, day_first=True)
    assert found == parse_loose("2026-05-11", UTC)


def _page(lang: str, shown: str) -> str:
    return (
        f'<html lang="{lang}"><head><title>Studio signs a deal</title></head><body>'
        f'<article><h1>Studio signs a deal</h1><p class="date">{shown}</p>'
        + "<p>A studio in Salford signed a deal to make six series for an app next year.</p>" * 4
        + "</article></body></html>"
    )


def test_a_british_byline_date_is_read_day_first() -> None:
    found = extract_article(_page("en-GB", "05/11/2026"), "https://news.example/studio-deal")
    assert found.published_at is not None
    assert found.published_at.date() == date(2026, 11, 5)
    found = extract_article(_page("en-US", "05/11/2026"), "https://news.example/studio-deal")
    assert found.published_at is not None
    assert found.published_at.date() == date(2026, 5, 11)
