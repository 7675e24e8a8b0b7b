"""Publication dates as the page states them, and titles as the page shows them: the byline
under the title, published before updated, the URL's day, htmldate only for a stated day."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from lxml.html import fromstring

from crawler.extract import extract_article
from crawler.extract.byline import TitleContext
from crawler.extract.chrome_lines import clean_paragraphs
from crawler.extract.date_parse import MONTH_START, MONTH_WORD, build_day, parse_loose
from crawler.extract.dates import labelled_dates
from crawler.extract.prompts import is_prompt
from crawler.extract.yearless import yearless_day

PROSE = (
    "The regulator published new rules for short dramas on Monday. Platforms must review every "
    "series before it goes online. The rules take effect next month."
)
TITLE = "Regulator tightens review of short dramas"


def _page(head: str, body: str) -> str:
    return f'<html lang="en"><head><title>{TITLE}</title>{head}</head><body>{body}</body></html>'


def _day(html: str, url: str = "https://news.example.com/rules") -> date | None:
    found = extract_article(html, url).published_at
    return found.date() if found else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dec 28 Sat 2013 00:28", datetime(2013, 12, 28, 0, 28, tzinfo=UTC)),
        ("Updated: 10/31/2024", datetime(2024, 10, 31, tzinfo=UTC)),
        ("31/10/2024", datetime(2024, 10, 31, tzinfo=UTC)),
        ("17.05.2021", datetime(2021, 5, 17, tzinfo=UTC)),
        ("Friday, DECEMBER 19, 2025", datetime(2025, 12, 19, tzinfo=UTC)),
        ("28th of September 2025", datetime(2025, 9, 28, tzinfo=UTC)),
        # text joined from separate elements: <span>May</span> <span>19</span>, <span>2025</span>
        ("May 19 , 2025", datetime(2025, 5, 19, tzinfo=UTC)),
        ("19 May , 2025", datetime(2025, 5, 19, tzinfo=UTC)),
        # with dashes, day and month come in either order: read only when it is certain
        ("25-12-2025", datetime(2025, 12, 25, tzinfo=UTC)),
        ("12-25-2025 10:30", datetime(2025, 12, 25, 10, 30, tzinfo=UTC)),
        ("03-03-2026", datetime(2026, 3, 3, tzinfo=UTC)),
        ("02-12-2025", None),
        # two digits after an apostrophe: the year of an English month and day
        ("5th Dec '26", datetime(2026, 12, 5, tzinfo=UTC)),
        ("Dec 5, ’26 at 10:30", datetime(2026, 12, 5, 10, 30, tzinfo=UTC)),
        ("5th Dec '99", datetime(1999, 12, 5, tzinfo=UTC)),  # never years ahead of today
    ],
)
def test_dates_in_running_text_are_parsed(text: str, expected: datetime | None) -> None:
    assert parse_loose(text, UTC) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09.10.2024", date(2024, 9, 10)),
        ("10/09/2024", date(2024, 9, 10)),
        ("02-12-2025", date(2025, 12, 2)),
        ("10.09.2024", date(2024, 9, 10)),  # the first reading is known: kept
        ("13.09.2024", date(2024, 9, 13)),  # only one reading exists
        ("Oct 9, 2024", date(2024, 10, 9)),  # a month's name is never swapped
    ],
)
def test_a_known_day_settles_a_day_and_month_that_read_both_ways(text: str, expected: date) -> None:
    known = {date(2024, 9, 10), date(2024, 9, 13), date(2025, 12, 2)}
    found = parse_loose(text, UTC, known)
    assert found is not None and found.date() == expected


def test_json_ld_settles_the_order_of_a_numeric_byline_date() -> None:
    head = '<script type="application/ld+json">{"datePublished": "2024-09-10T16:07:00Z"}</script>'
    body = f"<h1>{TITLE}</h1><p>By Jane Doe 09.10.2024</p><p>{PROSE}</p>"
    assert _day(_page(head, body)) == date(2024, 9, 10)
    assert _day(_page("", body)) == date(2024, 10, 9)


def test_the_date_shown_under_the_title_is_read_without_a_label() -> None:
    body = f"<h1>{TITLE}</h1><p>By Jane Doe · March 3, 2025</p><p>{PROSE}</p>"
    assert _day(_page("", body)) == date(2025, 3, 3)


def test_a_date_split_across_elements_is_read_under_the_title() -> None:
    byline = "<p>By Jane Doe <span>May</span> <span>19</span>, <span>2025</span></p>"
    assert _day(_page("", f"<h1>{TITLE}</h1>{byline}<p>{PROSE}</p>")) == date(2025, 5, 19)
    by_parts = (
        '<p><span class="d">8</span><span class="m">Oct</span><span class="y">2022</span></p>'
    )
    assert _day(_page("", f"<h1>{TITLE}</h1>{by_parts}<p>{PROSE}</p>")) == date(2022, 10, 8)


def test_a_date_above_the_title_in_indented_html_is_read() -> None:
    indent = "\n" + " " * 24
    hero = (
        f'<div class="meta">{indent}<div class="post-date">November 21, 2025</div>{indent}'
        f"<button>{indent}<span>Listen</span>{indent}</button>{indent}</div>{indent}"
        f"<div>{indent}<h1>{indent}{TITLE}{indent}</h1>{indent}</div>{indent}"
    )
    assert _day(_page("", f"{hero}<p>{PROSE}</p>")) == date(2025, 11, 21)


def test_the_byline_under_the_page_heading_dates_a_title_set_further_down() -> None:
    # the title is an <h2> below an introduction; the date sits under the page's <h1>, and an
    # image path in the head names another day
    image = '<meta property="og:image" content="https://img.example.com/up/2023/10/11/a.jpg">'
    intro = "".join(f"<p>Point {i}: {PROSE}</p>" for i in range(6))
    hero = "<h1>How short dramas are reviewed</h1><h5><span>2024-11-06</span></h5>"
    html = _page(image, f"{hero}{intro}<h2>{TITLE}</h2><p>{PROSE}</p>")
    assert _day(html) == date(2024, 11, 6)
    # a linked <h1> is the site's logo: the date after it is the top bar's, not a byline
    logo = '<h1><a href="/">Example News</a></h1><div class="top">Sunday, December 6, 2026</div>'
    html = _page(image, f"{logo}{intro}<h2>{TITLE}</h2><p>{PROSE}</p>")
    assert _day(html) == date(2023, 10, 11)


def test_a_rail_of_dated_links_before_the_title_is_no_byline() -> None:
    rail = (
        '<aside><ul><li><a href="/a">Another story</a><br><span>Monday, November 30, 2026</span>'
        "</li></ul></aside>"
    )
    body = f"{rail}<section><h1>{TITLE}</h1><p>Ellen Park | Tuesday, December 1, 2026</p>"
    assert _day(_page("", f"{body}<p>{PROSE}</p></section>")) == date(2026, 12, 1)


def test_a_date_opening_a_chinese_sentence_is_the_texts_not_the_bylines() -> None:
    notice = (
        "<h1>关于开展2026年度全市优秀网络微短剧推优活动的通知</h1><p>各有关单位：</p>"
        "<p>现将有关事项通知如下。2025年12月1日至2026年11月30日期间上线播出的作品均可报送。</p>"
        "<p>请各单位于2027年1月15日前将推荐作品及相关材料报送市文化广电旅游局。</p>"
        "<p>XX市文化广电旅游局</p><p>二〇二六年十二月五日</p>"
    )
    html = f'<html lang="zh-CN"><head><title>通知</title></head><body>{notice}</body></html>'
    assert _day(html, "http://wlj.example.gov.cn/tzgg/content_77531.html") == date(2026, 12, 5)


def test_a_labelled_day_month_year_is_read_in_the_article() -> None:
    region = fromstring(f"<div><p>{PROSE}</p><p><b>Published:</b> 8 October 2022</p></div>")
    assert list(labelled_dates(region, UTC)) == [datetime(2022, 10, 8, tzinfo=UTC)]


def test_a_time_in_an_aside_is_stated_but_not_one_in_a_list_of_links() -> None:
    prose = f"<p>{PROSE}</p>" * 4
    aside = '<aside><h3>Published</h3><time datetime="2024-08-30T12:00:00Z">Aug 30</time></aside>'
    assert _day(_page("", f"<h1>{TITLE}</h1>{prose}{aside}")) == date(2024, 8, 30)
    teaser = '<li><a href="/other">Other story</a> <time datetime="2024-08-30">Aug 30</time></li>'
    related = f"<aside><h3>Related</h3><ul>{teaser}</ul></aside>"
    assert _day(_page("", f"<h1>{TITLE}</h1>{prose}{related}")) is None


def test_a_shown_publication_date_wins_over_a_shown_update() -> None:
    byline = "<p>Updated: April 2, 2025</p><p>Published: March 3, 2025</p>"
    assert _day(_page("", f"<h1>{TITLE}</h1>{byline}<p>{PROSE}</p>")) == date(2025, 3, 3)
    only_update = f"<h1>{TITLE}</h1><p>Last updated April 2, 2025</p><p>{PROSE}</p>"
    assert _day(_page("", only_update)) == date(2025, 4, 2)
    zh_prose = "<p>" + "监管部门发布了微短剧审核新规，平台须在上线前审核每一部作品。" * 3 + "</p>"
    zh_byline = "<p>林默 更新于 2025-04-02 16:03 发布于 2025-03-03 10:20</p>"
    assert _day(_page("", f"<h1>微短剧审核新规发布</h1>{zh_byline}{zh_prose}")) == date(2025, 3, 3)


def test_a_labelled_byline_below_a_long_standfirst_is_read_and_a_bare_date_there_is_not() -> None:
    head = '<script type="application/ld+json">{"datePublished": "2024-01-01"}</script>'
    standfirst = f"<p>{PROSE} {PROSE} {PROSE}</p>"  # over 400 characters
    byline = "<p>By Jane Doe, published on March 3, 2025</p>"
    body = f"<h1>{TITLE}</h1>{standfirst}{byline}<p>{PROSE}</p>"
    assert _day(_page(head, body)) == date(2025, 3, 3)
    prose = "<p>The first platform complied on March 3, 2025.</p>"
    body = f"<h1>{TITLE}</h1>{standfirst}{prose}<p>{PROSE}</p>"
    assert _day(_page(head, body)) == date(2024, 1, 1)


def test_published_metadata_wins_over_the_byline_and_json_ld() -> None:
    head = (
        '<meta property="article:published_time" content="2025-03-01T08:00:00+00:00">'
        '<script type="application/ld+json">{"datePublished": "2024-01-01"}</script>'
    )
    body = f"<h1>{TITLE}</h1><p>Updated April 2, 2025</p><p>{PROSE}</p>"
    assert _day(_page(head, body)) == date(2025, 3, 1)


def test_a_date_beside_a_pointer_to_the_next_story_is_no_byline() -> None:
    pointer = '<div>Up next: <a href="/essays/b">The editors</a> · April 6, 2025</div>'
    body = f"{pointer}<h1>{TITLE}</h1><p>{PROSE}</p><p>Posted on March 2, 2025.</p>"
    assert _day(_page("", body)) == date(2025, 3, 2)


def test_a_review_takes_its_own_day_not_the_reviewed_works() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "Review", "itemReviewed": {"@type": '
        '"TVSeries", "datePublished": "2025-01-14"}, "datePublished": "2025-03-02"}</script>'
    )
    card = "<p>The Heiress Returns · 84 episodes · Released January 14, 2025</p>"
    assert _day(_page(head, f"<h1>{TITLE}</h1>{card}<p>{PROSE}</p>")) == date(2025, 3, 2)


def test_a_media_release_is_dated_by_its_own_date_line() -> None:
    meta = "<div><span>Media release</span></div><div><span>Date:</span> 1 March 2025</div>"
    body = f"<h1>{TITLE}</h1>{meta}<p>{PROSE}</p><div>Updated: 2 March 2025</div>"
    assert _day(_page("", body)) == date(2025, 3, 1)


def test_a_daily_report_is_dated_by_the_day_its_title_closes_on() -> None:
    assert _day(_page("", f"<h1>Daily brief: March 2, 2025</h1><p>{PROSE}</p>")) == date(2025, 3, 2)
    news = "某平台宣布向创作者开放广告分成。" * 4
    assert _day(_page("", f"<h1>微短剧日报｜2025年3月2日</h1><p>{news}</p>")) == date(2025, 3, 2)


def test_a_byline_days_before_the_metadata_is_the_original_publication() -> None:
    head = '<meta property="article:published_time" content="2024-08-07T12:01:51Z">'
    reposted = f"<h1>{TITLE}</h1><p>Jane Doe · 7 min read · Dec 30, 2013</p><p>{PROSE}</p>"
    assert _day(_page(head, reposted)) == date(2013, 12, 30)
    # a day apart is a time zone, and a later byline date is an update: the metadata stands
    for shown in ("Aug 6, 2024", "Jan 3, 2025"):
        byline = f"<h1>{TITLE}</h1><p>Jane Doe · {shown}</p><p>{PROSE}</p>"
        assert _day(_page(head, byline)) == date(2024, 8, 7)


def test_the_url_day_wins_over_metadata_naming_another_day() -> None:
    head = '<meta property="article:published_time" content="2025-03-01T08:00:00+00:00">'
    html = _page(head, f"<h1>{TITLE}</h1><p>{PROSE}</p>")
    assert _day(html, "https://news.example.com/2025/02/27/rules/") == date(2025, 2, 27)
    # on the same day, the metadata's time is kept
    found = extract_article(html, "https://news.example.com/2025/03/01/rules/").published_at
    assert found == datetime(2025, 3, 1, 8, tzinfo=UTC)


def test_a_url_day_written_in_utc_takes_the_local_day_of_the_stated_time() -> None:
    head = '<meta property="article:published_time" content="2026-11-27T04:00:00+11:00">'
    html = _page(head, f"<h1>{TITLE}</h1><p>{PROSE}</p>")
    # 4 am in Sydney is the day before in UTC, the day the address was written
    assert _day(html, "https://news.example.com.au/rules-20261126-p5xk2q.html") == date(
        2026, 11, 27
    )
    # a URL naming another day still wins
    assert _day(html, "https://news.example.com.au/rules-20261120-p5xk2q.html") == date(
        2026, 11, 20
    )


def test_a_copyright_year_or_a_menu_date_is_no_publication_date() -> None:
    menu = '<div class="menu"><a href="/archive/2025-11-27/">Archive 2025-11-27</a></div>'
    footer = "<p>© 2024 Example News. All rights reserved.</p>"
    html = _page("", f"{menu}<h1>{TITLE}</h1><p>{PROSE}</p>{footer}")
    assert _day(html) is None


def test_a_heading_that_names_only_a_section_is_not_the_title() -> None:
    head = (
        '<meta property="og:title" content="Solar installation in 4 steps: a guide for homeowners">'
    )
    body = f"<h2>For homeowners</h2><p>{PROSE}</p>"
    title = extract_article(_page(head, body), "https://news.example.com/solar").title
    assert title == "Solar installation in 4 steps: a guide for homeowners"


def test_a_heading_loses_a_glued_date_and_the_site_name() -> None:
    html = _page("", f"<h1>Dec 18 2025 {TITLE}</h1><p>{PROSE}</p>")
    assert extract_article(html, "https://news.example.com/a").title == TITLE
    html = _page("", f"<h1>{TITLE} – Example News</h1><p>{PROSE}</p>")
    assert extract_article(html, "https://www.examplenews.com/a").title == TITLE


def test_a_title_in_utf8_read_as_latin1_is_repaired() -> None:
    mangled = "A DIY Investor’s Guide to Short Dramas".encode().decode("latin-1")
    html = _page("", f"<h1>{mangled}</h1><p>{PROSE}</p>")
    assert extract_article(html, "https://news.example.com/a").title == (
        "A DIY Investor’s Guide to Short Dramas"
    )


FETCHED = datetime(2025, 6, 10, 1, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("By Jane Doe · 3 hours ago", date(2025, 6, 9)),
        ("By Jane Doe · 45 mins ago", date(2025, 6, 10)),
        ("By Jane Doe · Yesterday at 4:15 PM", date(2025, 6, 9)),
        ("By Jane Doe · 2 days ago", date(2025, 6, 8)),
    ],
)
def test_a_relative_byline_stamp_is_resolved_against_the_fetch_time(
    stamp: str, expected: date
) -> None:
    html = _page("", f"<h1>{TITLE}</h1><p>{stamp}</p><p>{PROSE}</p>")
    found = extract_article(html, "https://news.example.com/a", fetched_at=FETCHED).published_at
    assert found is not None and found.date() == expected
    assert _day(html) is None  # no fetch time, no date


def test_a_chinese_relative_stamp_is_read_in_china_time() -> None:
    body = "<p>城市出台新规，短剧上线前须经审核。" * 6 + "</p>"
    html = (
        '<html lang="zh-CN"><head><title>短剧审核新规</title></head>'
        f"<body><h1>短剧审核新规</h1><p>来源：新华网 昨天 08:15</p>{body}</body></html>"
    )
    found = extract_article(html, "https://news.example.cn/a", fetched_at=FETCHED).published_at
    assert found is not None and (found.date(), found.hour) == (date(2025, 6, 9), 8)


def test_a_relative_update_or_a_word_of_prose_is_no_publication_date() -> None:
    updated = _page("", f"<h1>{TITLE}</h1><p>Updated 3 hours ago</p><p>{PROSE}</p>")
    assert (
        extract_article(updated, "https://news.example.com/a", fetched_at=FETCHED).published_at
        is None
    )
    prose = _page(
        "", f"<h1>{TITLE}</h1><p>The ministry said yesterday it would act.</p><p>{PROSE}</p>"
    )
    assert (
        extract_article(prose, "https://news.example.com/a", fetched_at=FETCHED).published_at
        is None
    )


def test_a_month_matched_through_unicode_case_folding_is_read() -> None:
    # The case-blind month pattern matches a long s ("ſep"); the month table must know it.
    assert parse_loose("ſep 9, 2019", UTC) == datetime(2019, 9, 9, tzinfo=UTC)
    assert parse_loose("9 ſeptember 2019", UTC) == datetime(2019, 9, 9, tzinfo=UTC)


_SHORT_STORY = """<html lang="en"><head><title>{title} | Example News</title></head><body>
<main><h1>{title}</h1>
<p>ReelShort charges viewers coins to unlock episodes after the first few free ones, and sells
weekly subscriptions.</p>
<p>Most revenue comes from a small share of heavy viewers, analysts say.</p>
{after}</main></body></html>"""


@pytest.mark.parametrize(
    "after",
    [
        # a sidebar of latest headlines right after a short, undated story
        """<aside><h2>Latest news</h2><ul><li><a href="/a">DramaBox raises funds</a>
        <span>March 18, 2025</span></li><li><a href="/b">FlexTV expands</a>
        <span>March 17, 2025</span></li><li><a href="/c">ReelShort lawsuit</a>
        <span>March 16, 2025</span></li></ul></aside>""",
        # a box of dated cards under it
        """<h2>More news</h2><div class="cards"><div><a href="/x1">ReelShort tops charts</a>
        <p>March 18, 2025</p></div><div><a href="/x2">DramaBox raises $50 million</a>
        <p>March 17, 2025</p></div><div><a href="/x3">GoodShort launches in Brazil</a>
        <p>March 15, 2025</p></div></div>""",
    ],
)
def test_an_undated_short_story_takes_no_date_from_the_teasers_after_it(after: str) -> None:
    html = _SHORT_STORY.format(title="How ReelShort Makes Money", after=after)
    got = extract_article(html, "https://www.example-news.com/features/how-reelshort-works")
    assert got.text.endswith("analysts say.")
    assert got.published_at is None


MONTH_NAMES = (
    "January February March April May June July August September October November December"
)


@pytest.mark.parametrize("number", range(1, 13))
def test_one_list_of_month_names_serves_the_dates_and_the_chrome_lines(number: int) -> None:
    """Every month, written out, cut short or in capitals, is read by the date parser, starts an
    "Updated" stamp that is a chrome line, and is not the outlet an "originally published in"
    line names."""
    name = MONTH_NAMES.split()[number - 1]
    assert re.fullmatch(MONTH_START, name[:3], re.IGNORECASE)
    for written in (name, name[:3] + ".", name.upper()):
        found = parse_loose(f"{written} 3, 2025", UTC)
        assert found == datetime(2025, number, 3, tzinfo=UTC), written
        assert clean_paragraphs([PROSE, f"Updated: {written} 3, 2025"], None) == [PROSE]
        assert not is_prompt(f"This story originally appeared in {written} 2025.")
    assert is_prompt("This story originally appeared in Variety.")


@pytest.mark.parametrize("number", range(1, 13))
def test_the_same_month_names_serve_a_byline_day_without_its_year(number: int) -> None:
    """A month written out or cut short (and "Sept") is read from the shared list; a word that
    merely starts like one ("Mayor 3") is not a month."""
    name = MONTH_NAMES.split()[number - 1]
    known = {date(2026, number, 3)}
    for written in {name, name[:3], name[:3] + ".", "Sept" if number == 9 else name}:
        assert re.fullmatch(MONTH_WORD, written.rstrip("."))
        context = TitleContext("A headline", f"Posted on {written} 3", "")
        found = yearless_day(context, "https://a.example/p/1", UTC, known)
        assert found == datetime(2026, number, 3, tzinfo=UTC), written
    for word in ("Mayor", "Marching", "Junebug", name.lower()):
        context = TitleContext("A headline", f"Posted on {word} 3", "")
        assert yearless_day(context, "https://a.example/p/1", UTC, known) is None


def test_a_day_without_a_clock_time_is_its_midnight() -> None:
    assert build_day("2025", 3, "10", UTC) == datetime(2025, 3, 10, tzinfo=UTC)
    assert build_day("2025", 2, "30", UTC) is None


_ZH_PROSE = "".join(
    f"<p>第{n}段：本地制作公司推出的首部微短剧本周在新马两地的短剧平台同步上线，播放量突破五百万次。</p>"
    for n in range(1, 5)
)


def _zh_page(head: str, byline: str) -> str:
    return (
        f"<html><head><title>本地制作公司进军微短剧</title>{head}</head><body><article>"
        f"<h1>本地制作公司进军微短剧</h1><div>{byline}</div>{_ZH_PROSE}</article></body></html>"
    )


def test_a_byline_clock_time_after_the_title_keeps_its_pm() -> None:
    html = _zh_page("", "颜家敏 发布 / 2025年7月5日 6:45 PM")
    found = extract_article(html, "https://news.example.sg/local-drama").published_at
    assert found is not None
    assert (found.hour, found.minute) == (18, 45)


def test_a_byline_day_takes_the_time_the_markup_states_on_that_day() -> None:
    head = (
        '<script type="application/ld+json">{"@type":"NewsArticle",'
        '"datePublished":"2025-06-17T20:00:00+08:00"}</script>'
    )
    found = extract_article(
        _zh_page(head, "作者：闫伟 · 2025年6月17日"), "https://x.example.cn/p/1"
    )
    assert found.published_at is not None
    assert found.published_at.isoformat() == "2025-06-17T20:00:00+08:00"
    other_day = head.replace("2025-06-17", "2025-06-16")
    found = extract_article(
        _zh_page(other_day, "作者：闫伟 · 2025年6月17日"), "https://x.example.cn/p/1"
    )
    assert found.published_at is not None
    assert found.published_at.isoformat() == "2025-06-17T00:00:00+08:00"


def test_a_time_rendered_by_script_is_read_from_its_data_attribute() -> None:
    byline = '<span>财联社</span><time data-time="2025-06-02 18:20:11">昨天 18:20</time>'
    found = extract_article(_zh_page("", byline), "https://m.example.cn/2025-06-02/detail-1.html")
    assert found.published_at is not None
    assert found.published_at.isoformat() == "2025-06-02T18:20:11+08:00"


def test_a_post_footer_date_in_the_addresss_month_is_read() -> None:
    footer = (
        '<div class="entry-footer">Posted by Walter on October 08, 2026 at 09:31 PM in '
        '<a href="/money/">Money</a> | <a href="/2026/10/coin.html">Permalink</a></div>'
    )
    html = _page("", f"<h3>{TITLE}</h3><div class='entry-body'><p>{PROSE}</p></div>{footer}")
    assert _day(html, "https://a.typepad.example/notes/2026/10/coin.html") == date(2026, 10, 8)


_QUOTE = (
    "<blockquote><p>The best explanation I have read.</p>"
    '<footer>— a reader, <time datetime="2026-12-05">December 5, 2026</time></footer>'
    "</blockquote>"
)


def test_a_dated_quotation_above_the_title_is_no_byline() -> None:
    stated = (
        '<script type="application/ld+json">{"@type": "BlogPosting", '
        '"datePublished": "2026-12-02T07:30:00-08:00"}</script>'
    )
    html = _page(stated, f"{_QUOTE}<article><h1>{TITLE}</h1><p>{PROSE}</p></article>")
    assert _day(html) == date(2026, 12, 2)


def test_a_time_marked_published_dates_the_post_from_its_footer() -> None:
    footer = (
        '<footer class="entry-footer">Posted on <time class="entry-date published" '
        'datetime="2026-12-02T07:30:00-08:00">December 2, 2026</time></footer>'
    )
    body = f'<div class="entry-content"><p>{PROSE}</p></div>{footer}'
    html = _page("", f"{_QUOTE}<article><h1>{TITLE}</h1>{body}</article>")
    assert _day(html) == date(2026, 12, 2)
