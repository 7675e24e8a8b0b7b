"""A notice's signature date: the date line closing the text under the issuer's name, in Arabic
or Chinese numerals, read when the page states no other date; a date in a sentence is not it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from crawler.extract import extract_article
from crawler.extract.dates import CHINA_TZ
from crawler.extract.signature import signature_date

NOTICE = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "zh_notice_signature.html"
URL = "https://gbdsj.example.gov.cn/tzgg/t123456.html"


@pytest.mark.parametrize(
    "written", ["二〇二五年三月十日", "二○二五年三月十日", "二零二五年三月十日"]
)
def test_a_signature_date_in_chinese_numerals_dates_the_notice(written: str) -> None:
    html = NOTICE.read_text(encoding="utf8").replace("SIGNATURE_DATE", written)
    got = extract_article(html, URL)
    assert got.published_at is not None
    assert got.published_at.date() == date(2025, 3, 10)
    assert got.text.endswith(f"某省广播电视局\n\n{written}")


def test_a_date_in_a_sentence_is_no_signature() -> None:
    html = NOTICE.read_text(encoding="utf8").replace("SIGNATURE_DATE", "")
    html = html.replace("确保真实有效。", "确保真实有效。申报截止时间为二〇二五年四月三十日。")
    assert extract_article(html, URL).published_at is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("通知如下。\n\n某局\n\n二〇二五年十二月三十一日", date(2025, 12, 31)),
        ("通知如下。\n\n某局\n\n（二〇二五年二月二十日）\n\n（此件公开发布）", date(2025, 2, 20)),
        ("通知如下。\n\n某局\n\n２０２５年３月１０日", date(2025, 3, 10)),
        ("通知如下。\n\n二〇二五年三月十日\n\n一\n\n二\n\n三", None),
        ("通知如下。\n\n某局\n\n二〇二五年十三月十日", None),
        ("申报截止时间为二〇二五年四月三十日。", None),
    ],
)
def test_only_a_line_that_is_a_date_near_the_end_is_the_signature(
    text: str, day: date | None
) -> None:
    found = signature_date(text, CHINA_TZ)
    assert (found.date() if found else None) == day
