"""The URL's day against the days a page states: a clock time shown after it."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from crawler.extract.url_day import clocked

CST = timezone(timedelta(hours=8))
DAY = datetime(2025, 5, 19, tzinfo=CST)


def test_a_date_split_over_elements_gives_the_url_day_its_time() -> None:
    text = "首页 2025 05 / 19 14:22:36 来源：新华网 标题"
    assert clocked(DAY, text) == datetime(2025, 5, 19, 14, 22, 36, tzinfo=CST)


def test_a_time_after_another_day_is_not_the_url_days() -> None:
    assert clocked(DAY, "2025-05-18 09:00 2015-05-19") == DAY
    assert clocked(DAY, "12025 05 19 10:00") == DAY
