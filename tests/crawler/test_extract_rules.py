"""Extraction rules that generalise: titles by agreement, dates near the title, listing pages,
source-learned chrome, and the sitemap's lastmod that dates nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from crawler.extract import extract_article
from crawler.extract.blocks import block_fingerprints, drop_repeated, fingerprint
from crawler.spiders import sitemap

CST = timezone(timedelta(hours=8))
ZH_PROSE = "英国汉普郡的一位女士放弃了她在殡仪馆的工作。她现在每周训练两次。她说这份工作很有趣。"
PROSE = (
    "The regulator published new rules for short dramas on Monday. Platforms must review every "
    "series before it goes online. The rules take effect next month."
)


def _page(head: str, body: str, lang: str = "en") -> str:
    return f'<html lang="{lang}"><head>{head}</head><body>{body}</body></html>'


def test_a_title_is_never_cut_at_a_quotation_mark() -> None:
    full = '多地项目连环爆雷 狂奔的龙湖集团"暗伤"曝露？'
    # an unescaped quote ends the attribute early; the heading on the page is whole
    head = '<meta property="og:title" content="多地项目连环爆雷 狂奔的龙湖集团"暗伤"曝露？">'
    html = _page(head + f"<title>{full}_财经频道</title>", f"<h1>{full}</h1><p>{PROSE}</p>", "zh")
    assert extract_article(html, "https://finance.example.cn/a/1.html").title == full


def test_the_heading_that_agrees_with_the_metadata_title_wins() -> None:
    head = "<title>Regulator tightens review of short dramas | Example News</title>"
    body = "<h1>Example News</h1><h2>Regulator tightens review of short dramas</h2>" + PROSE
    html = _page(head + '<meta property="og:site_name" content="Example News">', body)
    title = extract_article(html, "https://news.example.com/a").title
    assert title == "Regulator tightens review of short dramas"


def _titled(head: str, heading: str) -> str | None:
    html = _page(head + '<meta property="og:site_name" content="Example News">', heading + PROSE)
    return extract_article(html, "https://news.example.com/a").title


def test_a_tag_line_the_metadata_title_drops_is_dropped_from_the_heading() -> None:
    head = "<title>Rules for short dramas - Part 1 | Example News</title>"
    assert _titled(head, "<h1>Rules for short dramas - Part 1</h1>") == "Rules for short dramas"
    head = "<title>New rules for short dramas online | Five changes | Example News</title>"
    heading = "<h1>New rules for short dramas online | Five changes</h1>"
    assert _titled(head, heading) == "New rules for short dramas online"
    head = "<title>The regulator's new rules for dramas - Part 2 | Example News</title>"
    heading = "<h1>The Regulator’s New Rules for Dramas - Part 2</h1>"  # compared loosely
    assert _titled(head, heading) == "The Regulator’s New Rules for Dramas"


def test_a_heading_dash_is_punctuation_and_a_section_is_not_the_title() -> None:
    head = "<title>Rules for short dramas – and why | Example News</title>"
    heading = "<h1>Rules for short dramas – and why</h1>"
    assert _titled(head, heading) == "Rules for short dramas – and why"
    head = '<meta property="og:title" content="Opinion">'
    head += "<title>Opinion - Why the rules for short dramas came late | Example News</title>"
    heading = "<h1>Opinion - Why the rules for short dramas came late</h1>"
    assert _titled(head, heading) == "Opinion - Why the rules for short dramas came late"


def test_a_lesser_heading_that_rewords_the_metadata_title_gives_way_to_it() -> None:
    head = "<title>Best short dramas of 2025 (Ranked) | Example News</title>"
    heading = "<h2>Best short dramas of 2025</h2>"
    assert _titled(head, heading) == "Best short dramas of 2025 (Ranked)"
    head = "<title>Best short dramas of 2025 | Example News</title>"
    heading = "<h2>Watching the best short dramas of 2025</h2>"
    assert _titled(head, heading) == "Best short dramas of 2025"
    # the metadata title is the heading plus a column name, or cut short: the heading stands
    head = "<title>Drama Notes -- Best short dramas of 2025 | Example News</title>"
    assert _titled(head, heading.replace("Watching the b", "B")) == "Best short dramas of 2025"
    head = '<meta property="og:title" content="Best short dramas of "><title>x</title>'
    heading = '<h2 class="article-title">Best short dramas of "2025" ranked</h2>'
    assert _titled(head, heading) == 'Best short dramas of "2025" ranked'


def test_a_line_break_in_a_heading_separates_its_words() -> None:
    head = "<title>Example News</title>"
    heading = "<h1>Rebuilding the rules<br>for short dramas online</h1>"
    assert _titled(head, heading) == "Rebuilding the rules for short dramas online"


def test_a_day_without_its_year_is_completed_by_a_meta_date_on_that_day() -> None:
    head = '<meta name="dateUpdate" content="2019-10-08 12:00:57"><title>标题</title>'
    body = f"<h2>英国美女转行当美人鱼</h2><div>发布时间：10-0812:00</div><p>{ZH_PROSE}</p>"
    found = extract_article(_page(head, body, "zh"), "https://baijiahao.example.com/s?id=1")
    assert found.published_at == datetime(2019, 10, 8, 12, 0, 57, tzinfo=CST)


def test_a_byline_date_in_a_footer_classed_element_is_read() -> None:
    body = (
        '<div class="post"><h2 class="post-title">江门警方破获电诈团伙</h2>'
        '<h6 class="post-footer"><a class="post-date">2019年09月11日</a> 富达传媒</h6>'
        f"<p>{PROSE}</p></div>"
    )
    found = extract_article(_page("", body, "zh"), "https://www.example.com/post/2740.html")
    assert found.published_at is not None
    assert found.published_at.date().isoformat() == "2019-09-11"


def test_a_page_without_a_stated_date_gets_none() -> None:
    html = _page("<title>Rules for short dramas</title>", f"<h1>Rules for short dramas</h1>{PROSE}")
    assert extract_article(html, "https://news.example.com/rules").published_at is None


def test_a_list_of_headlines_is_not_an_article() -> None:
    items = "".join(
        f'<li><a href="/n/{i}">Headline number {i} about dramas</a></li>' for i in range(30)
    )
    html = _page("<title>News</title>", f"<h1>Latest news</h1><ul>{items}</ul>")
    assert not extract_article(html, "https://news.example.com/news/").is_article


def test_a_declared_collection_is_not_an_article() -> None:
    head = '<script type="application/ld+json">{"@type": "CollectionPage"}</script>'
    html = _page(head, f"<h1>Dramas</h1><p>{PROSE}</p>")
    assert not extract_article(html, "https://news.example.com/dramas/").is_article


def test_a_three_sentence_notice_is_an_article() -> None:
    notice = "<p>各省级广电局：现将微短剧备案有关事项通知如下。请认真贯彻执行。特此通知。</p>"
    html = _page(
        "<title>关于微短剧备案的通知</title>", f"<h1>关于微短剧备案的通知</h1>{notice}", "zh"
    )
    found = extract_article(html, "https://www.nrta.example.cn/art/1.html")
    assert found.is_article and "特此通知" in found.text


def test_blocks_the_source_repeats_are_dropped_but_never_the_article() -> None:
    hotline = "读者热线：400-123-4567，欢迎爆料"
    html = _page("<title>标题</title>", f"<h1>标题</h1><p>{PROSE}</p><p>{hotline}</p>", "zh")
    first = extract_article(html, "https://news.example.cn/a/1.html")
    assert hotline in first.text and fingerprint(hotline) in first.blocks
    learned = extract_article(html, "https://news.example.cn/a/1.html", boilerplate=first.blocks)
    assert hotline not in learned.text and learned.text  # the article's own block stays


def test_dropping_repeated_blocks_keeps_large_ones_and_never_empties() -> None:
    blocks = ["Share this story", "A long paragraph of the article itself. " * 5]
    assert drop_repeated(blocks, block_fingerprints(blocks)) == blocks[1:]
    assert drop_repeated(blocks[:1], block_fingerprints(blocks)) == blocks[:1]
    assert fingerprint("Share  this story!") == fingerprint("share this story")


def test_a_sitemap_lastmod_dates_nothing_but_a_news_publication_date_does() -> None:
    body = b"""<?xml version="1.0"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
 <url><loc>https://a.example.com/old</loc><lastmod>2025-12-01T00:00:00+00:00</lastmod></url>
 <url><loc>https://a.example.com/new</loc><lastmod>2025-12-02T00:00:00+00:00</lastmod>
  <news:news><news:publication_date>2025-11-30T08:00:00+08:00</news:publication_date></news:news>
 </url>
</urlset>"""
    root = sitemap._parse_xml(body, 1_000_000)
    entries = {e.loc: e for e in sitemap._entries(root, "https://a.example.com/sitemap.xml")}
    assert entries["https://a.example.com/old"].published is None
    assert entries["https://a.example.com/new"].published == datetime(2025, 11, 30, tzinfo=UTC)


def test_a_site_name_glued_on_by_a_bare_hyphen_is_removed() -> None:
    head = "<title>阿里发布最强AI芯片，一块顶十块GPU-EDN 电子技术设计</title>"
    html = _page(head, f"<p>{ZH_PROSE}</p>", "zh")
    title = extract_article(html, "https://www.ednchina.com/news/a1.html").title
    assert title == "阿里发布最强AI芯片，一块顶十块GPU"


def test_a_hyphenated_word_at_the_end_of_a_title_is_kept() -> None:
    head = '<meta property="og:site_name" content="Wi-Fi Weekly">'
    head += "<title>Streaming platforms sign a code of conduct for Wi-Fi</title>"
    title = extract_article(_page(head, PROSE), "https://wifi.example.com/a").title
    assert title == "Streaming platforms sign a code of conduct for Wi-Fi"


def test_a_hyphenated_word_naming_the_host_is_kept() -> None:
    html = _page("<title>Netflix picks up a new K-Drama</title>", PROSE)
    title = extract_article(html, "https://www.dramabeans.example.com/a").title
    assert title == "Netflix picks up a new K-Drama"
