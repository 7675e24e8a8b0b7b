"""A notice's signature date: the date line closing the text under the issuer's name, in Arabic
or Chinese numerals, read when the page states no other date; a date in a sentence is not it."""

from __future__ import annotations

from datetime import date, timedelta, timezone
from pathlib import Path

import pytest

from crawler.extract import extract_article
from crawler.extract.signature import signature_date

NOTICE = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "zh_notice_signature.html"
URL = "https://gbdsj.example.gov.cn/tzgg/t123456.html"
CHINA_TZ = timezone(timedelta(hours=8))


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


@pytest.mark.parametrize("heading", ["<p>一、业务进展情况</p>", ""])
def test_the_day_figures_stand_at_opening_the_text_is_no_byline(heading: str) -> None:
    html = (
        "<html><head><title>某公司关于短剧业务进展的自愿性信息披露公告</title></head><body>"
        "<h1>某公司关于短剧业务进展的自愿性信息披露公告</h1><div class='body'>"
        f"{heading}<p>截至2025年7月31日，公司海外短剧平台的月活跃用户数超过2000万，年化流水约2.4亿美元。</p>"
        "<p>本次披露的业务数据为阶段性数据，不构成业绩承诺，敬请广大投资者注意投资风险。</p>"
        "<p>特此公告。</p><p>某某科技股份有限公司董事会</p><p>二〇二五年八月二十日</p>"
        "</div></body></html>"
    )
    got = extract_article(html, "https://ir.example.com/notice/2025-045.html")
    assert got.published_at is not None
    assert got.published_at.date() == date(2025, 8, 20)
