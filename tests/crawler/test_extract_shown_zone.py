"""The day and zone a page shows its readers: a byline's day that a late UTC time in the markup
falls on in a nearby zone, the publish time a script alone states, and the zone of a byline's
time that states none (another time of the page states it, or the site's country does)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from crawler.extract import extract_article
from crawler.extract.date_parse import dates_in

PROSE = (
    "The regulator published new rules for short dramas on Monday. Platforms must review every "
    "series before it goes online. The rules take effect next month. Producers said the review "
    "would add weeks to every release and asked for a transition period."
)
TITLE = "Regulator tightens review of short dramas"
CHINA = timezone(timedelta(hours=8))


def _page(head: str, body: str, lang: str = "en") -> str:
    return (
        f'<html lang="{lang}"><head><title>{TITLE}</title>{head}</head><body>{body}</body></html>'
    )


def _published(html: str, url: str = "https://news.example.com/rules") -> datetime | None:
    return extract_article(html, url).published_at


@pytest.mark.parametrize(
    "head",
    ["", '<meta property="article:published_time" content="2025-03-06T23:30:00Z">'],
)
def test_the_day_the_byline_shows_is_kept_with_the_markup_s_instant(head: str) -> None:
    byline = '<p>By Jane Doe <time datetime="2025-03-06T23:30:00Z">7 March 2025</time></p>'
    found = _published(_page(head, f"<h1>{TITLE}</h1>{byline}<p>{PROSE}</p>"))
    assert found is not None
    assert found.date() == date(2025, 3, 7)
    assert found == datetime(2025, 3, 6, 23, 30, tzinfo=UTC)  # the same instant


def test_a_byline_day_no_zone_reaches_leaves_the_metadata_as_it_is() -> None:
    head = '<meta property="article:published_time" content="2025-03-06T10:00:00Z">'
    found = _published(_page(head, f"<h1>{TITLE}</h1><p>Jane Doe · 7 March 2025</p><p>{PROSE}</p>"))
    assert found == datetime(2025, 3, 6, 10, tzinfo=UTC)


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('var ct = "1700000000";', datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)),
        ("var createTime = '2023-11-15 06:13';", datetime(2023, 11, 15, 6, 13, tzinfo=CHINA)),
        ('var publish_time = "2023-11-15" || "";', datetime(2023, 11, 15, tzinfo=CHINA)),
    ],
)
def test_a_wechat_publish_time_stated_only_by_a_script_is_read(
    script: str, expected: datetime
) -> None:
    body = (
        '<h1 id="activity-name">短剧新规发布 平台须先审后播</h1>'
        '<div id="meta_content"><em id="publish_time"></em><a id="js_name">剧集观察</a></div>'
        '<div id="js_content"><p>国家广播电视总局近日发布通知，要求各网络视听平台对微短剧实行'
        "先审后播管理，未经审核的作品一律不得上线播出。通知自下月起施行，平台须建立专门的审核"
        f"团队并定期报送审核情况。</p></div><script>{script}</script>"
    )
    head = '<meta charset="utf-8"><title>短剧新规</title>'
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    found = _published(html, "https://mp.weixin.qq.com/s/AbCdEfGh123")
    assert found == expected
    assert found is not None and found.utcoffset() == timedelta(hours=8)


def test_a_script_variable_on_another_site_is_no_publication_date() -> None:
    body = f'<h1>{TITLE}</h1><p>{PROSE}</p><script>var ct = "1700000000";</script>'
    assert _published(_page("", body)) is None


def test_a_byline_time_takes_the_zone_another_time_of_the_page_states() -> None:
    head = '<meta property="article:modified_time" content="2025-03-04T09:00:00+01:00">'
    byline = "<p>Published 10:30, 3 March 2025</p>"
    found = _published(_page(head, f"<h1>{TITLE}</h1>{byline}<p>{PROSE}</p>"))
    assert found == datetime(2025, 3, 3, 10, 30, tzinfo=timezone(timedelta(hours=1)))


@pytest.mark.parametrize(
    ("lang", "url", "offset"),
    [
        ("zh-CN", "https://news.example.com/rules", 8),  # declared Chinese
        ("en", "https://www.chinadaily.com.cn/a/202503/03/rules.html", 8),  # a .cn host
        ("ja-JP", "https://news.example.com/rules", 9),  # declared Japanese
        ("en", "https://news.example.com/rules", 0),  # no evidence: UTC
    ],
)
def test_a_zoneless_byline_time_takes_the_site_s_country_zone(
    lang: str, url: str, offset: int
) -> None:
    byline = "<p>Published 10:30, 3 March 2025</p>"
    found = _published(_page("", f"<h1>{TITLE}</h1>{byline}<p>{PROSE}</p>", lang), url)
    assert found == datetime(2025, 3, 3, 10, 30, tzinfo=timezone(timedelta(hours=offset)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published 10:30, 3 March 2025", datetime(2025, 3, 3, 10, 30, tzinfo=UTC)),
        ("Published 11:11 PM EST Nov 19, 2019", datetime(2019, 11, 20, 4, 11, tzinfo=UTC)),
        ("Posted: Fri 6:45 PM, Feb 16, 2018", datetime(2018, 2, 16, 18, 45, tzinfo=UTC)),
        ("Race won in 1:45.32 on Feb 16, 2018", datetime(2018, 2, 16, tzinfo=UTC)),  # no clock
    ],
)
def test_a_clock_time_written_before_its_date_is_read(text: str, expected: datetime) -> None:
    assert [found for *_, found in dates_in(text, UTC)] == [expected]
