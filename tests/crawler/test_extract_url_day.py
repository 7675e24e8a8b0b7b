"""The URL's day against the days a page states: a clock time shown after it."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from crawler.extract.url_day import clocked, crumb_day, url_date, url_month

CST = timezone(timedelta(hours=8))
DAY = datetime(2025, 5, 19, tzinfo=CST)


def test_a_date_split_over_elements_gives_the_url_day_its_time() -> None:
    text = "首页 2025 05 / 19 14:22:36 来源：新华网 标题"
    assert clocked(DAY, text) == datetime(2025, 5, 19, 14, 22, 36, tzinfo=CST)


def test_a_zone_name_before_the_time_is_read_with_it() -> None:
    hkt = "消委會提醒市民訂閱前細閱條款。 2025-05-19 HKT 14:32 分享"
    assert clocked(DAY, hkt) == datetime(2025, 5, 19, 14, 32, tzinfo=CST)
    jst = clocked(DAY, "2025/05/19 JST 14:32")
    assert jst == datetime(2025, 5, 19, 14, 32, tzinfo=timezone(timedelta(hours=9)))


def test_a_weekday_and_a_places_clock_before_the_time_are_read_past() -> None:
    release = "完\n2025年5月19日（星期一）\n香港時間16時30分"
    assert clocked(DAY, release) == datetime(2025, 5, 19, 16, 30, tzinfo=CST)
    assert clocked(DAY, "2025年5月19日 北京时间 9:05") == datetime(2025, 5, 19, 9, 5, tzinfo=CST)


def test_a_time_after_another_day_is_not_the_url_days() -> None:
    assert clocked(DAY, "2025-05-18 09:00 2015-05-19") == DAY
    assert clocked(DAY, "12025 05 19 10:00") == DAY


def test_a_breadcrumb_trail_of_day_archives_gives_the_day() -> None:
    html = (
        '<nav class="breadcrumb"><a href="/">Home</a> › <a href="/2026/">2026</a> › '
        '<a href="/2026/12/">December</a> › <a href="/2026/12/02/">2</a></nav>'
        '<aside><a href="/2026/12/05/other-post/">Another post</a></aside>'
    )
    url = "https://blog.example/review-of-a-series/"
    assert crumb_day(html, url, CST) == datetime(2026, 12, 2, tzinfo=CST)


def test_no_day_from_links_outside_a_breadcrumb_or_to_another_site() -> None:
    url = "https://blog.example/review-of-a-series/"
    assert crumb_day('<ul class="archive"><a href="/2026/12/02/">2</a></ul>', url, CST) is None
    other = '<ol class="breadcrumbs"><a href="https://news.example/2026/12/02/">2</a></ol>'
    assert crumb_day(other, url, CST) is None


def test_a_month_archive_address_states_its_year_and_month() -> None:
    assert url_month("https://a.typepad.example/notes/2026/10/coin-economy.html") == (2026, 10)
    assert url_month("https://a.example/2026/10/08/coin-economy/") is None
    assert url_month("https://a.example/news/coin-economy") is None


def test_a_year_folder_then_month_and_day_in_one_folder_is_the_urls_day() -> None:
    url = "https://www1.exchange.example/listedco/listconews/sehk/2026/1130/2026113000412.htm"
    assert url_date(url, CST) == datetime(2026, 11, 30, tzinfo=CST)
    assert url_date("https://www1.exchange.example/sehk/2026/1340/a.htm", CST) is None
