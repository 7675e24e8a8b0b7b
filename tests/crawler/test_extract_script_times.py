"""A WeChat article's publish time read from its scripts, on its host and on mirrors of it."""

from __future__ import annotations

from datetime import date, timedelta, timezone

from crawler.extract.script_times import script_time

_CST = timezone(timedelta(hours=8))
_ARTICLE = (
    '<h1 class="rich_media_title" id="activity-name">标题</h1>'
    '<div class="rich_media_content" id="js_content"><p>正文</p></div>'
)
_SCRIPT = '<script>var ct = "1796387400";var publish_time = "" || "";</script>'


def _day(html: str, url: str) -> date | None:
    found = script_time(html, url, _CST)
    return found.date() if found is not None else None


def test_a_wechat_article_is_dated_by_its_script() -> None:
    assert _day(_ARTICLE + _SCRIPT, "https://mp.weixin.qq.com/s/abc") == date(2026, 12, 4)


def test_a_mirror_of_its_markup_is_dated_by_its_script() -> None:
    assert _day(_ARTICLE + _SCRIPT, "https://www.mirror.example/a/1.html") == date(2026, 12, 4)
    stamp = '<script>var publish_time = "2026-12-02" || "";</script>'
    assert _day(_ARTICLE + stamp, "https://www.mirror.example/a/2.html") == date(2026, 12, 2)


def test_other_pages_scripts_date_nothing() -> None:
    assert _day("<div id='content'><p>正文</p></div>" + _SCRIPT, "https://www.a.example/1") is None
