"""A day shown beside the title without its year, its year taken from the page's address."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from crawler.extract.byline import TitleContext
from crawler.extract.yearless import url_year, yearless_day

CST = timezone(timedelta(hours=8))
_FOLDER_URL = "https://a.example/2026/n_8.html"


def _after(text: str) -> TitleContext:
    return TitleContext("A headline", "", text)


def test_a_chinese_day_and_time_take_the_year_of_the_address_folder() -> None:
    found = yearless_day(_after("12月5日 10:20 来源：东阳日报"), _FOLDER_URL, CST)
    assert found == datetime(2026, 12, 5, 10, 20, tzinfo=CST)


def test_a_day_inside_a_chinese_sentence_is_the_texts() -> None:
    context = _after("12月5日上午，产业园开园。")
    assert yearless_day(context, _FOLDER_URL, CST) is None


def test_a_wire_dateline_takes_the_year_of_an_identifier_opening_with_its_day() -> None:
    context = _after("print SEOUL, Dec. 3 (Yonhap) -- South Korea's regulator said")
    found = yearless_day(context, "https://en.yna.example/view/AEN20261203003600315", UTC)
    assert found == datetime(2026, 12, 3, tzinfo=UTC)


def test_no_year_without_the_address_stating_one() -> None:
    context = _after("LONDON, Dec 3 (Reuters) - Shares rose")
    assert yearless_day(context, "https://news.example/markets/shares-rise", UTC) is None


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/2026/news_8812.html", "2026"),
        ("/view/AEN20261203003600315", "2026"),
        ("/view/AEN20261204003600315", None),  # another day
        ("/article/2019384756", None),  # an identifier
        ("/p/3045678912345", None),
    ],
)
def test_the_year_an_address_states_for_a_day(path: str, expected: str | None) -> None:
    assert url_year(f"https://a.example{path}", 12, 3) == expected


def test_an_english_byline_day_takes_the_year_of_the_day_the_markup_states() -> None:
    context = TitleContext("A headline", "Posted on Nov 5", "#python #data A friend asked")
    known = {date(2026, 11, 5), date(2021, 3, 1)}
    found = yearless_day(context, "https://dev.example/lena/a-post-4k2p", UTC, known)
    assert found == datetime(2026, 11, 5, tzinfo=UTC)


def test_an_english_day_the_markup_does_not_state_has_no_year() -> None:
    context = TitleContext("A headline", "Posted on Nov 5", "A friend asked")
    found = yearless_day(context, "https://dev.example/a-post", UTC, {date(2026, 11, 6)})
    assert found is None


def test_an_english_byline_day_takes_the_year_of_the_address_folder() -> None:
    context = _after("By Grace Oduya · December 5 A vertical drama shot on a ship")
    found = yearless_day(context, "https://news.example/news/2026/love-on-deck-4471", UTC)
    assert found == datetime(2026, 12, 5, tzinfo=UTC)


def test_a_dashed_month_and_day_with_its_clock_take_the_year_of_the_address() -> None:
    context = _after("XX日报 12-04 10:32 阅读 1.2万 记者从市文旅部门获悉")
    found = yearless_day(context, "https://m.news.example/2026/news_1204_66120.html", CST)
    assert found == datetime(2026, 12, 4, 10, 32, tzinfo=CST)


def test_a_dashed_month_and_day_without_a_clock_are_no_byline() -> None:
    context = _after("第12-04号文件 记者从市文旅部门获悉")
    assert yearless_day(context, "https://m.news.example/2026/news_66120.html", CST) is None


def test_an_english_month_and_day_further_down_the_text_is_no_byline() -> None:
    lead = "The studio said on Monday that shooting would begin in the spring, with a cast of 12. "
    context = _after(f"By Grace Oduya {lead}The premiere is set for March 12 in Los Angeles.")
    assert yearless_day(context, "https://news.example/news/2026/premiere-4471", UTC) is None


def test_without_a_year_in_the_address_the_copyright_lines_year_is_taken() -> None:
    context = _after("12-03 09:15 快看娱乐")
    html = "<p>Copyright &copy; 2019-2026 快看娱乐 版权所有</p>"
    found = yearless_day(context, "https://m.a.example/news/7730215", CST, html=html)
    assert found == datetime(2026, 12, 3, 9, 15, tzinfo=CST)
