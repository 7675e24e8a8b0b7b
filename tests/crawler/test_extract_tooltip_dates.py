"""A stamp showing the last edit, its tooltip the publication: the tooltip's date is taken."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from crawler.extract import extract_article

CST = timezone(timedelta(hours=8))
URL = "https://qa.example.cn/question/681234567/answer/3456789012"
ANSWER = (
    "<p>我在杭州一家短剧公司做了两年编剧，说说真实情况。刚入行的助理编剧一般按集计价，"
    "一集80到150元。</p><p>写出过爆款的成熟编剧，单部剧本报价可以到3万到8万，"
    "有的公司还给流水分成。</p>"
)


def _page(stamp: str) -> str:
    return (
        '<html><head><meta charset="utf-8"><title>做微短剧编剧真的能月入过万吗？ - 问答</title>'
        "</head><body><h1>做微短剧编剧真的能月入过万吗？</h1>"
        f'<div class="answer"><a href="/people/lin">林小满</a>{ANSWER}'
        f'<div class="time"><a href="/answer/3456789012">{stamp}</a></div></div>'
        "</body></html>"
    )


def test_the_tooltip_publication_date_beats_the_shown_edit_date() -> None:
    stamp = '<span data-tooltip="发布于 2026-11-29 23:06">编辑于 2026-12-01 10:12</span>'
    found = extract_article(_page(stamp), URL)
    assert found.published_at == datetime(2026, 11, 29, 23, 6, tzinfo=CST)


def test_a_link_title_naming_no_publication_is_no_date() -> None:
    stamp = '<span title="林小满的回答">编辑于 2026-12-01 10:12</span>'
    found = extract_article(_page(stamp), URL)
    assert found.published_at is not None
    assert found.published_at.date().isoformat() == "2026-12-01"
