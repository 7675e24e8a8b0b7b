"""Offsets from UTC: only those a zone can have are read as zones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from crawler.extract.date_parse import parse_loose
from crawler.extract.zones import offset_of, page_zone


def test_offsets_of_real_zones() -> None:
    assert offset_of("+", "08", "00") == timedelta(hours=8)
    assert offset_of("-", "09", "30") == -timedelta(hours=9, minutes=30)
    assert offset_of("+", "14", "00") == timedelta(hours=14)
    assert offset_of("+", "05", "") == timedelta(hours=5)


def test_offsets_no_zone_has() -> None:
    assert offset_of("+", "99", "99") is None
    assert offset_of("-", "15", "00") is None
    assert offset_of("+", "08", "60") is None


def test_a_stated_offset_past_any_zone_is_no_evidence() -> None:
    zone = page_zone(["2025-01-01T10:00:00+99:99"], None, "en", "http://news.example.com/a")
    assert zone == UTC


def test_a_date_with_an_impossible_offset_keeps_its_day() -> None:
    found = parse_loose("Published 2025-01-01 10:00 +9999", UTC)
    assert found == datetime(2025, 1, 1, 10, 0, tzinfo=UTC)
