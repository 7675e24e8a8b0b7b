"""Tests for crawler.extract: main text without chrome, titles, dates, languages, encodings."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse

from crawler.extract import Extracted, extract_article
from crawler.extract.dates import parse_date

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extract"
SEED_PAGE = ROOT / "dramawatch/demo/sites/shio/jsp/zfxw_detail_en-20251207165434657.html"
SEED_URL = "https://touch.shio.gov.cn/jsp/zfxw_detail_en.jsp?id=20251207165434657"
CST = timezone(timedelta(hours=8))

SEED_TITLE = (
    "Shanghai launches China's first hub for micro-drama overseas outreach as sector surges "
    "with 1.33M jobs, AI innovation"
)
SEED_FIRST = (
    "China rolled out its first dedicated industrial hub for the overseas expansion of "
    "micro-dramas last Friday, following a cooperation agreement between the China Netcasting "
    "Services Association (CNSA) and Shanghai's Pudong New Area."
)
SEED_LAST = (
    "CNSA and Shanghai's Pudong New Area launched the nation's first industrial hub dedicated "
    "to global micro-drama expansion."
)
SEED_CHROME = (
    "Sign in",
    "Forgot password",
    "Free sign-up",
    "Application Status",
    "Inquiry Status",
    "FAQ",
    "21315227",
    "02131558",
    "view more",
    "Q: ",
    "Copyright",
    "ICP",
)


def _fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def _assert_no_chrome(text: str) -> None:
    for chrome in SEED_CHROME:
        assert chrome not in text, chrome


# --- the seed page (SHIO touch site) --------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> Extracted:
    return extract_article(SEED_PAGE.read_text(encoding="utf-8"), SEED_URL)


def test_seed_title_has_no_trailing_date(seed: Extracted) -> None:
    assert seed.title == SEED_TITLE


def test_seed_date_from_title_line_in_shanghai_time(seed: Extracted) -> None:
    assert seed.published_at == datetime(2025, 12, 7, tzinfo=CST)
    assert seed.published_at is not None
    assert seed.published_at.utcoffset() == timedelta(hours=8)


def test_seed_language(seed: Extracted) -> None:
    assert seed.language == "en"


def test_seed_body_keeps_first_last_and_captions(seed: Extracted) -> None:
    paragraphs = seed.text.split("\n\n")
    assert paragraphs[0] == SEED_FIRST
    assert SEED_LAST in paragraphs
    assert paragraphs[-1] == "Source: City News Service"
    assert (
        "Micro-drama screenwriters and key industry players exchanging ideas on site." in paragraphs
    )
    assert "from 3.68 billion yuan in 2021 to 50.44 billion yuan in 2024" in seed.text


def test_seed_body_has_no_chrome(seed: Extracted) -> None:
    _assert_no_chrome(seed.text)
    assert "Government News" not in seed.text
    assert "2025-12-07" not in seed.text


def test_seed_chrome_without_telltale_classes_is_still_dropped() -> None:
    """The post-clean alone catches the widgets when their markup carries no id/class hint."""
    html = SEED_PAGE.read_text(encoding="utf-8")
    side = html.index('<div class="side">')
    html = html[:side] + re.sub(r'\s(?:id|class)="[^"]*"', "", html[side:])
    _assert_no_chrome(extract_article(html, SEED_URL).text)


def test_short_article_with_long_bare_chrome_tail() -> None:
    """A widget tail longer than the article, with no markup hints, is still cut."""
    html = SEED_PAGE.read_text(encoding="utf-8")
    body_start = html.index('<div class="detail_con"')
    body_end = html.index("</div>", body_start)
    html = html[:body_start] + f'<div class="detail_con"><p>{SEED_FIRST}</p>' + html[body_end:]
    side = html.index('<div class="side">')
    html = html[:side] + re.sub(r'\s(?:id|class)="[^"]*"', "", html[side:])
    result = extract_article(html, SEED_URL)
    assert result.text == SEED_FIRST


# --- encodings ------------------------------------------------------------------------------

RARE = "𠮷"  # outside GBK/GB2312: only GB18030 (what Scrapy uses for both labels) encodes it
GBK_PAGE = f"""<html><head><meta charset="gb2312">
<title>浦东微短剧出海基地首批入驻企业名单公布_浦东新区人民政府</title></head>
<body><div class="nav"><a href="/">首页</a> <a href="/news/">新闻</a></div>
<h1>浦东微短剧出海基地首批入驻企业名单公布</h1>
<div class="info">发布时间：2025年12月09日 10:30 来源：浦东发布</div>
<div id="ivs_content">
<p>12月9日，浦东新区公布微短剧出海产业基地首批入驻企业名单，共有二十家企业入选。</p>
<p>入驻企业将在工作许可、人才落户、版权保护和海外发行对接等方面获得一站式服务。</p>
<p>其中一家企业名为“{RARE}星影视”，主要面向东南亚市场制作本地化微短剧。</p>
</div>
<div class="footer">版权所有 上海市浦东新区人民政府</div>
</body></html>"""


@pytest.mark.parametrize(
    "headers",
    [{"Content-Type": "text/html; charset=GBK"}, {"Content-Type": "text/html"}],
    ids=["charset-in-header", "charset-in-meta-only"],
)
def test_gbk_page_decoded_by_scrapy_then_extracted(headers: dict[str, str]) -> None:
    url = "https://www.pudong.gov.cn/0060011/20251209/801999.html"
    response = HtmlResponse(url, body=GBK_PAGE.encode("gb18030"), headers=headers)
    assert RARE in response.text
    result = extract_article(response.text, url)
    assert result.title == "浦东微短剧出海基地首批入驻企业名单公布"
    assert f"“{RARE}星影视”" in result.text
    assert result.text.startswith("12月9日，浦东新区公布微短剧出海产业基地首批入驻企业名单")
    assert "版权所有" not in result.text
    assert result.language == "zh"
    assert result.published_at == datetime(2025, 12, 9, 10, 30, tzinfo=CST)


# --- Hanweb (NRTA) --------------------------------------------------------------------------

NRTA_URL = "https://www.nrta.gov.cn/art/2025/2/5/art_113_70148.html"
NRTA_TITLE = "国家广播电视总局关于进一步统筹发展和安全促进网络微短剧行业健康繁荣发展的通知"
NRTA_META = '<meta name="pubdate" content="2025-02-05 16:43" />'
NRTA_LABEL = "发布时间：2025年02月05日16:43"
NRTA_SIGNED = '<p style="text-align: right;">2025年1月24日</p>'


def test_nrta_title_body_and_language() -> None:
    result = extract_article(_fixture("nrta_notice.html"), NRTA_URL)
    assert result.title == NRTA_TITLE
    assert result.language == "zh"
    assert result.text.startswith("各省、自治区、直辖市广播电视局")
    assert "二、压实平台主体责任" in result.text
    for chrome in (
        "打印本页",
        "关闭窗口",
        "最新公告",
        "专项整治",
        "当前位置",
        "京ICP备",
        NRTA_TITLE,
    ):
        assert chrome not in result.text, chrome


@pytest.mark.parametrize(
    ("drop", "expected"),
    [
        ((), datetime(2025, 2, 5, 16, 43, tzinfo=CST)),
        ((NRTA_META,), datetime(2025, 2, 5, 16, 43, tzinfo=CST)),
        # with no posting date stated, the URL's day (the day it was posted, which the page
        # states as its 发布时间) wins over the notice's signature, days before it
        ((NRTA_META, NRTA_LABEL), datetime(2025, 2, 5, tzinfo=CST)),
        ((NRTA_META, NRTA_LABEL, NRTA_SIGNED), datetime(2025, 2, 5, tzinfo=CST)),
    ],
    ids=["pubdate-meta", "labelled-byline", "signature", "url-only"],
)
def test_nrta_date_never_from_sidebar(drop: tuple[str, ...], expected: datetime) -> None:
    html = _fixture("nrta_notice.html")
    for snippet in drop:
        html = html.replace(snippet, "")
    published = extract_article(html, NRTA_URL).published_at
    assert published == expected
    assert published is not None
    assert published.utcoffset() == timedelta(hours=8)


# --- WordPress ------------------------------------------------------------------------------

WP_URL = "https://variety.com/2025/tv/news/reelshort-crazy-maple-los-angeles-studio-1236402345/"
WP_TITLE = "ReelShort Owner Opens L.A. Production Hub as Vertical Dramas Go Mainstream"


def test_wordpress_article() -> None:
    result = extract_article(_fixture("wordpress_article.html"), WP_URL)
    assert result.title == WP_TITLE
    assert result.published_at == datetime(2025, 5, 19, 6, 30, tzinfo=timezone(-timedelta(hours=7)))
    assert result.language == "en"
    assert result.text.startswith("Crazy Maple Studio, the company behind the micro-drama app")
    assert result.text.endswith("writers who are new to the format.")
    for chrome in (
        "cookies",
        "Related Stories",
        "Micro-Drama Apps Pulled In",
        "Newsletter",
        "Share on",
        "Most Popular",
        "Penske",
        WP_TITLE,
    ):
        assert chrome not in result.text, chrome


def test_site_suffix_stripped_from_html_title() -> None:
    html = re.sub(
        r'<meta property="og:(?:title|site_name)"[^>]*>', "", _fixture("wordpress_article.html")
    )
    html = html.replace("<h1", "<h2").replace("</h1>", "</h2>")
    assert extract_article(html, WP_URL).title == WP_TITLE


# --- dates ----------------------------------------------------------------------------------


def test_chrome_dates_are_never_taken() -> None:
    """Dates in the top bar and in the "Latest news" sidebar belong to other pages."""
    html = _fixture("chrome_date_trap.html")
    url = "https://news.example.com/story/hengdian-night-shifts"
    fallback = datetime(2025, 11, 30, 8, 0, tzinfo=UTC)
    assert extract_article(html, url, fallback_date=fallback).published_at == fallback
    assert extract_article(html, url).published_at is None


def test_naive_fallback_date_gets_the_page_zone() -> None:
    html = _fixture("chrome_date_trap.html")
    naive = datetime(2025, 11, 30, 8, 0)
    on_cn = extract_article(html, "https://www.example.gov.cn/a.html", fallback_date=naive)
    assert on_cn.published_at == naive.replace(tzinfo=CST)
    elsewhere = extract_article(html, "https://example.com/a.html", fallback_date=naive)
    assert elsewhere.published_at == naive.replace(tzinfo=UTC)


def test_future_dates_are_rejected() -> None:
    future = (datetime.now(UTC) + timedelta(days=30)).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    html = _fixture("wordpress_article.html").replace("2025-05-19T06:30:00-07:00", future)
    url = "https://variety.com/x/"
    # the next-best date is the one the byline shows under the title
    shown = extract_article(html, url).published_at
    assert shown is not None and shown.date() == date(2025, 5, 19)
    # without the byline date, the modification time, offset kept
    html = re.sub(r"<time.*?</time>", "", html)
    modified = datetime(2025, 5, 20, 11, 2, 41, tzinfo=timezone(-timedelta(hours=7)))
    assert extract_article(html, url).published_at == modified
    html = re.sub(r'<meta property="article:modified_time"[^>]*>', "", html)
    fallback = datetime(2025, 5, 19, tzinfo=UTC)
    assert extract_article(html, url, fallback_date=fallback).published_at == fallback
    far = datetime(2999, 1, 1)
    assert extract_article("<p>x</p>", url, fallback_date=far).published_at is None


GLOBAL_TIMES = """<html><head><title>Micro-drama exports surge - Global Times</title></head><body>
<div class="article_title">Micro-drama exports surge as overseas apps multiply</div>
<div class="author_share"><span class="byline">By Li Hao</span>
<span class="pub_time">Published: Feb 17, 2025 10:37 AM</span></div>
<div class="article_content"><p>Chinese micro-drama apps earned more overseas in the first weeks of
the year than in any comparable period, industry trackers said on Monday.</p>
<p>Analysts expect the trend to continue as studios localize content for new markets.</p></div>
<div class="related_news"><span>2025-02-18</span><a href="/page/1.shtml">Other story</a></div>
</body></html>"""


def test_labelled_english_date_in_china_time() -> None:
    result = extract_article(GLOBAL_TIMES, "https://www.globaltimes.cn/page/202502/1328000.shtml")
    assert result.title == "Micro-drama exports surge as overseas apps multiply"
    assert result.published_at == datetime(2025, 2, 17, 10, 37, tzinfo=CST)
    assert result.text.startswith("Chinese micro-drama apps earned more overseas")
    assert "Other story" not in result.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-02-05T15:05:00+08:00", datetime(2025, 2, 5, 15, 5, tzinfo=CST)),
        ("2025-05-19T13:30:00Z", datetime(2025, 5, 19, 13, 30, tzinfo=UTC)),
        ("2025-02-05-15:05:00", datetime(2025, 2, 5, 15, 5, tzinfo=CST)),
        ("2025年02月05日16:43", datetime(2025, 2, 5, 16, 43, tzinfo=CST)),
        ("2025年2月5日", datetime(2025, 2, 5, tzinfo=CST)),
        ("Feb 17, 2025 10:37 PM", datetime(2025, 2, 17, 22, 37, tzinfo=CST)),
        ("July 16, 2025", datetime(2025, 7, 16, tzinfo=CST)),
        ("17:05 UTC+8, 2025-05-09", datetime(2025, 5, 9, tzinfo=CST)),
        ("9 December 2025 08:15", datetime(2025, 12, 9, 8, 15, tzinfo=CST)),
        ("04-16 21315227 Processing", None),
    ],
)
def test_parse_date_formats(text: str, expected: datetime | None) -> None:
    assert parse_date(text, CST) == expected


# --- language -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "hint", "expected"),
    [
        ('<html lang="en-US"><body><p>Some English text here.</p></body></html>', None, "en"),
        ("<html><body><p>网络微短剧行业快速发展，题材类型日益丰富。</p></body></html>", None, "zh"),
        (
            '<html lang="zh-CN"><body><p>An English page on a Chinese CMS that declares the'
            " wrong language in its html element, which happens a lot.</p></body></html>",
            None,
            "en",
        ),
        ("<html><body><p>Die Serie läuft ab Montag täglich.</p></body></html>", "de", "de"),
        ("<html><body><p>ショートドラマの市場が急成長している。</p></body></html>", None, "ja"),
    ],
    ids=["declared", "cjk-share", "declared-but-contradicted", "hint", "kana"],
)
def test_language(html: str, hint: str | None, expected: str) -> None:
    assert extract_article(html, "https://example.com/a", language_hint=hint).language == expected


# --- degenerate input -----------------------------------------------------------------------


@pytest.mark.parametrize("html", ["", "   ", "\x00"])
def test_empty_documents_fall_back(html: str) -> None:
    result = extract_article(
        html,
        "https://www.nrta.gov.cn/a.html",
        fallback_title="T",
        fallback_date=datetime(2025, 1, 2),
    )
    assert result == Extracted("T", "", datetime(2025, 1, 2, tzinfo=CST), None, is_article=False)


def test_xml_declaration_with_encoding_is_accepted() -> None:
    html = "<?xml version='1.0' encoding='gb2312'?>" + GBK_PAGE
    assert "二十家企业" in extract_article(html, "https://www.pudong.gov.cn/a.html").text


def test_an_article_after_the_closing_body_tag_is_read() -> None:
    story = (
        "<div class='story'><h1>Micro-drama rules</h1>"
        "<p>The regulator published new rules for micro-dramas on Monday morning.</p>"
        "<p>Platforms must review every series before it goes online, the notice says.</p></div>"
    )
    html = f"<html><body><header><a href='/'>Home</a></header></BODY></html>\n{story}"
    text = extract_article(html, "https://e.example/news/micro-drama-rules").text
    assert "Platforms must review every series" in text


def test_canonical_link_is_read_from_the_head() -> None:
    html = (
        '<html><head><link rel="stylesheet" href="/a.css">'
        '<link rel="canonical" href=" /news/2025/micro-drama.html "></head>'
        "<body><article><h1>Micro-drama rules</h1>"
        "<p>The regulator published new rules for micro-dramas on Monday.</p></article>"
        "</body></html>"
    )
    assert extract_article(html, "https://e.example/x?utm=1").canonical_link == (
        "/news/2025/micro-drama.html"
    )
    without = html.replace('rel="canonical"', 'rel="alternate"')
    assert extract_article(without, "https://e.example/x").canonical_link is None


def test_the_lines_around_an_article_go_in_one_step() -> None:
    """Date stamps at the start and a closing prompt at the end go together, the prose stays."""
    from lxml.html import fromstring

    from crawler.extract.article import _trimmed

    prose = [
        f"The regulator published its rules for short dramas on day {n} of the review, "
        "after a long consultation with the platforms."
        for n in range(1, 5)
    ]
    paras = ["Posted on December 18, 2025", *prose, "Thanks for reading!"]
    root = fromstring("<html><body><p>x</p></body></html>")
    url = "https://news.example/2025/12/rules-123456/"
    assert _trimmed(paras, root, None, url, frozenset()) == prose
