"""Wire times: a release's "Mar 20, 2025, 08:00 ET" or "9:00 AM Eastern Daylight Time" is read
with its time and zone, and a byline's clock time without a zone takes the zone the markup
states for the same time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from crawler.extract import extract_article
from crawler.extract.date_parse import parse_loose

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extract"
EDT = timezone(timedelta(hours=-4))


@pytest.mark.parametrize(
    ("fixture", "url", "hour"),
    [
        (
            "wire_prnewswire.html",
            "https://www.prnewswire.com/news-releases/reelshort-surpasses-50-million-302405123.html",
            8,
        ),
        (
            "wire_globenewswire.html",
            "https://www.globenewswire.com/news-release/2025/03/20/3046612/0/en/storymatrix.html",
            8,
        ),
        (
            "wire_businesswire.html",
            "https://www.businesswire.com/news/home/20250320005123/en/",
            9,
        ),
    ],
)
def test_a_wire_time_is_stored_with_its_zone(fixture: str, url: str, hour: int) -> None:
    html = (FIXTURES / fixture).read_text(encoding="utf8")
    published = extract_article(html, url).published_at
    assert published == datetime(2025, 3, 20, hour, tzinfo=EDT)
    assert published is not None and published.utcoffset() == timedelta(hours=-4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mar 20, 2025, 08:00 ET", datetime(2025, 3, 20, 8, tzinfo=EDT)),
        ("January 10, 2025 9:00 AM Eastern Time", datetime(2025, 1, 10, 14, tzinfo=UTC)),
        ("March 20, 2025 08:00 EST", datetime(2025, 3, 20, 13, tzinfo=UTC)),
        ("May 19, 2025 6:30am PT", datetime(2025, 5, 19, 13, 30, tzinfo=UTC)),
        ("Dec 1, 2025 3:00 PM Pacific Time", datetime(2025, 12, 1, 23, tzinfo=UTC)),
        ("20 March 2025, 14:00 CET", datetime(2025, 3, 20, 13, tzinfo=UTC)),
        ("March 20, 2025 ET", datetime(2025, 3, 20, tzinfo=UTC)),  # no time: no zone
        ("March 20, 2025 10:00 et al.", datetime(2025, 3, 20, 10, tzinfo=UTC)),
    ],
)
def test_zone_names_after_a_time_are_read(text: str, expected: datetime) -> None:
    assert parse_loose(text, UTC) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-12-05 HKT 14:32", datetime(2025, 12, 5, 6, 32, tzinfo=UTC)),
        ("2025年12月5日 JST 14:32", datetime(2025, 12, 5, 5, 32, tzinfo=UTC)),
        ("2025-12-05 HKT", datetime(2025, 12, 5, tzinfo=UTC)),  # no time: no zone
    ],
)
def test_a_zone_name_between_a_day_and_its_time_is_read(text: str, expected: datetime) -> None:
    assert parse_loose(text, UTC) == expected


def test_a_places_clock_named_between_a_day_and_its_time_is_passed_over() -> None:
    cst = timezone(timedelta(hours=8))
    release = parse_loose("2025年12月5日（星期五）香港時間16時30分", cst)
    assert release == datetime(2025, 12, 5, 16, 30, tzinfo=cst)
    beijing = parse_loose("2025年12月5日 北京时间 09:05", cst)
    assert beijing == datetime(2025, 12, 5, 9, 5, tzinfo=cst)


def test_a_bylines_time_without_a_zone_takes_the_markups() -> None:
    html = (FIXTURES / "site_name_title_deadline.html").read_text(encoding="utf8")
    url = "https://deadline.com/2025/03/reelshort-burbank-production-hub-1236321234/"
    published = extract_article(html, url).published_at
    assert published is not None and published.utcoffset() == timedelta(hours=-7)
    assert published == datetime(2025, 3, 20, 15, tzinfo=UTC)
