"""Article or listing: short notices are kept, section fronts and shop collections are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.extract import ExtractionSettings, extract_article, kind
from crawler.extract.kind import NOTICE_SENTENCES, SPREAD_ITEMS, section_url, sentences
from crawler.extract.listing import find_items
from crawler.extract.parsing import parse_html
from crawler.extract.tiles import Tiles, find_tiles

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "kind"
SETTINGS = ExtractionSettings()
GUIDE_HEADLINE = "How we test water bottles for a month"


def _page(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_a_three_sentence_notice_on_a_portal_full_of_links_is_an_article() -> None:
    url = "https://gdj.example.gov.cn/art/2025/3/18/art_113_1.html"
    found = extract_article(_page("short_notice_portal.html"), url)
    assert found.shape is not None and found.shape.links >= SETTINGS.max_link_share  # menus win
    assert found.shape.own_sentences >= NOTICE_SENTENCES
    assert found.is_article and found.text.startswith("各有关单位") and "特此通知" in found.text


def test_a_news_section_front_of_headlines_with_teasers_is_not_an_article() -> None:
    found = extract_article(_page("news_section_front.html"), "https://news.example.com/news/")
    assert found.shape is not None and found.shape.items == 12  # one item per story card
    assert found.shape.sentences >= SETTINGS.listing_sentences  # the teasers are sentences ...
    assert found.shape.own_sentences < SETTINGS.listing_sentences  # ... but not the page's own
    assert not found.is_article


def test_a_shop_collection_with_an_introduction_is_not_an_article() -> None:
    url = "https://shop.example.com/collections/headphones"
    found = extract_article(_page("product_collection.html"), url)
    assert found.shape is not None and found.shape.items == 16
    assert "two-year warranty" in found.text  # the introduction is the page's only prose
    assert not found.is_article


def test_a_declared_article_is_kept_unless_it_is_nothing_but_a_list() -> None:
    cards = "".join(
        f'<li><h3><a href="/p/{i}">Story number {i} about short dramas</a></h3>'
        f"<p>A teaser of story {i} that runs for a line or two of text.</p></li>"
        for i in range(10)
    )
    head = '<meta property="og:type" content="article"><title>Stories</title>'
    listing = f"<html><head>{head}</head><body><h1>Stories</h1><ul>{cards}</ul></body></html>"
    assert not extract_article(listing, "https://news.example.com/stories/").is_article
    prose = "<p>The regulator published new rules for short dramas on Monday. They apply now.</p>"
    article = listing.replace("<ul>", prose * 3 + "<ul>")
    story = "https://news.example.com/stories/new-rules-for-short-dramas-apply-now"
    assert extract_article(article, story).is_article


def _teasers(stories: int, sentences: int) -> str:
    teaser = " ".join(
        f"Line {n} of the teaser tells what the story says." for n in range(sentences)
    )
    return "".join(
        f'<li><h3><a href="/p/{i}">Story number {i} about short dramas</a></h3><p>{teaser}</p></li>'
        for i in range(stories)
    )


def test_a_section_front_typed_article_is_a_listing_when_its_teasers_carry_its_prose() -> None:
    head = '<meta property="og:type" content="article"><title>Science</title>'
    intro = "<p>The latest science news from our reporters. New stories arrive every day.</p>"
    body = f"<h1>Science</h1>{intro}<ul>{_teasers(8, 3)}</ul>"
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    front = extract_article(page, "https://news.example.com/sections/science/")
    assert front.shape is not None and front.shape.declared and front.shape.section_url
    assert 0 < front.shape.own_sentences < front.shape.sentences / 2  # teasers carry the prose
    assert not front.is_article
    story = extract_article(page, "https://news.example.com/2025/06/02/science-digest-for-june")
    assert story.is_article  # the same page at a story's address keeps its declaration


def test_a_declared_post_at_a_short_slug_keeps_its_prose_beside_a_list() -> None:
    head = '<meta property="og:type" content="article"><title>Open thread</title>'
    post = "".join(
        f"<p>Paragraph {n} of the post says what we learned this week. It adds a detail. "
        "It ends with a question for readers.</p>"
        for n in range(4)
    )
    body = f"<h1>Open thread</h1>{post}<ul>{_teasers(8, 1)}</ul>"
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    found = extract_article(page, "https://blog.example.org/open-thread/")
    assert found.shape is not None and found.shape.section_url and found.shape.items == 8
    assert found.shape.own_sentences * 2 >= found.shape.sentences  # most prose is its own
    assert found.is_article


def test_links_inside_running_prose_do_not_make_items() -> None:
    paragraphs = "".join(
        f'<p>The report by <a href="/r/{i}">the industry association number {i}</a> found that '
        f"viewing time grew again in the quarter, led by younger audiences.</p>"
        for i in range(8)
    )
    root = parse_html(f"<html><body><div>{paragraphs}</div></body></html>")
    assert root is not None and find_items(root).count == 0


def test_cjk_sentences_are_counted_without_spaces_between_them() -> None:
    assert sentences("各有关单位：现将有关事项通知如下。请认真贯彻执行。特此通知。") == 3
    assert sentences("Version 2.0 ships today. It adds review tools. Platforms welcome it.") == 3


def test_section_addresses_are_told_from_story_slugs() -> None:
    for url in (
        "https://shop.example.com/",
        "https://a.example/c/water-bottles",
        "https://a.example/news",
    ):
        assert section_url(url)
    for url in (
        "https://a.example/2025/03/regulator-publishes-short-drama-rules",
        "https://a.example/news/1234567",
        "https://gdj.example.gov.cn/art/2025/3/18/art_113_1.html",
    ):
        assert not section_url(url)


def _category_page() -> str:
    cards = "".join(
        f'<li><h3><a href="/p/{i}">Insulated bottle model {i} in steel</a></h3>'
        f"<p>Keeps drinks cold for a day. Fits most cup holders. Dishwasher safe.</p></li>"
        for i in range(SETTINGS.section_items)
    )
    prose = "".join(
        f"<p>Our bottles of range {i} are tested for a month. We pick the best of them. "
        f"Read on for the details of range {i}.</p>"
        for i in range(5)
    )
    return f"<html><body><h1>Bottles</h1>{prose}<ul>{cards}</ul></body></html>"


def test_a_long_list_at_a_section_address_is_a_listing_despite_its_prose() -> None:
    page = _category_page()
    found = extract_article(page, "https://shop.example.com/c/water-bottles")
    assert found.shape is not None and found.shape.section_url
    assert found.shape.own_sentences >= SETTINGS.listing_sentences  # its prose alone would keep it
    assert not found.is_article
    guide = page.replace("<h1>Bottles</h1>", f"<h1>{GUIDE_HEADLINE}</h1>")  # a headline, no name
    assert extract_article(
        guide, "https://shop.example.com/guides/how-we-test-water-bottles"
    ).is_article


def test_a_shop_category_of_priced_product_tiles_is_not_an_article() -> None:
    url = "https://shop.example.com/collections/insulated-water-bottles-for-every-day"
    found = extract_article(_page("shop_category_tiles.html"), url)
    assert found.shape is not None and not found.shape.section_url  # a story-like address
    assert found.shape.items == 0  # two-word product names: no linked headlines
    assert found.shape.own_sentences >= NOTICE_SENTENCES  # its prose alone would keep it
    assert found.shape.priced == 10  # read before the grid goes as a "promo" widget
    assert not found.is_article


def _tile(i: int, price: str = "") -> str:
    return (
        f'<li class="card"><a href="/p/bottle-{i}"><img src="/img/{i}.jpg" alt=""></a>'
        f'<a href="/p/bottle-{i}">Bottle {i}</a><span class="price">{price}</span></li>'
    )


def _tiled_page(tiles: int, price: str = "") -> str:
    grid = "".join(_tile(i, price) for i in range(tiles))
    prose = (
        "<p>Our bottles are tested for a month before they reach the shop. We pick the best of "
        "them. Each one carries a lifetime warranty.</p>"
    )
    return f"<html><body><h1>Bottles</h1>{prose}<ul>{grid}</ul></body></html>"


def test_unpriced_product_tiles_make_a_listing_only_at_a_section_address() -> None:
    page = _tiled_page(SETTINGS.section_items)
    found = extract_article(page, "https://shop.example.com/c/water-bottles")
    assert found.shape is not None and found.shape.tiles == SETTINGS.section_items
    assert found.shape.priced == 0 and found.shape.items == 0
    assert not found.is_article
    page = page.replace("<h1>Bottles</h1>", f"<h1>{GUIDE_HEADLINE}</h1>")  # a headline, no name
    guide = extract_article(page, "https://shop.example.com/guides/how-we-test-water-bottles")
    assert guide.is_article


def test_a_short_notice_with_a_row_of_linked_pictures_is_still_an_article() -> None:
    logos = "".join(
        f'<li><a href="/dept/{i}"><img src="/logo/{i}.png" alt=""></a></li>' for i in range(6)
    )
    notice = (
        "<p>The office will be closed on Friday for maintenance work. Services resume on "
        "Monday morning. Urgent requests can be sent by mail.</p>"
    )
    page = f"<html><body><h1>Office closure</h1>{notice}<ul>{logos}</ul></body></html>"
    found = extract_article(page, "https://www.example.gov/notices/office-closure-on-friday")
    assert found.shape is not None and found.shape.tiles == 6 and found.shape.priced == 0
    assert found.is_article
    assert extract_article(page, "https://www.example.gov/notices").is_article  # a section


def test_tiles_are_priced_by_a_currency_beside_a_number_and_counted_once_per_link() -> None:
    prices = ("$19.99", "£12", "12,50 €", "Sold out", "1 299 kr")
    grid = "".join(_tile(i, price) for i, price in enumerate(prices)) + _tile(0, "$19.99")
    root = parse_html(f"<html><body><ul>{grid}</ul></body></html>")
    assert root is not None and find_tiles(root) == Tiles(count=5, priced=4)
    long_text = "<p>" + "A long description of the bottle. " * 20 + "</p>"
    grid = "".join(_tile(i, "$5").replace("</li>", long_text + "</li>") for i in range(5))
    root = parse_html(f"<html><body><ul>{grid}</ul></body></html>")
    assert root is not None and find_tiles(root) == Tiles()  # blocks too long for tiles


def test_a_transmittal_notice_of_one_sentence_is_an_article() -> None:
    body = (
        "<p>各省、自治区、直辖市广播电视局：</p>"
        "<p>现将《关于进一步加强微短剧管理的实施细则》印发给你们，请结合实际认真贯彻落实。</p>"
        '<p>附件：<a href="/file/1.pdf">实施细则.pdf</a></p><p>国家广播电视总局办公厅</p>'
    )
    title = "<h1>国家广播电视总局办公厅关于进一步加强微短剧管理的通知</h1>"
    page = f'<html><head><meta charset="utf-8"></head><body>{title}{body}</body></html>'
    found = extract_article(page, "https://www.nrta.gov.cn/art/2024/11/20/art_113_69999.html")
    assert found.shape is not None and found.shape.sentences == 1
    assert found.is_article  # the notice's one sentence is all it says


def test_a_short_post_declared_by_open_graph_with_a_list_beside_it_stays_an_article() -> None:
    graph = '{"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}]}'
    head = (
        '<meta property="og:type" content="article"><title>Open thread</title>'
        f'<script type="application/ld+json">{graph}</script>'
    )
    post = (
        "<p>Our open thread for September is up. Ask us anything about our research. "
        "We answer every question within a week.</p>"
    )
    stories = "".join(
        f'<li><h3><a href="/p/{i}">Story number {i} about short dramas</a></h3>'
        f"<p>A teaser of story {i} that runs for a line or two of text.</p></li>"
        for i in range(10)
    )
    body = f"<h1>Open thread</h1>{post}<ul>{stories}</ul>"
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    found = extract_article(page, "https://blog.example.org/2018/09/10/open-thread/")
    assert found.shape is not None and found.shape.items >= SETTINGS.listing_items
    assert found.shape.own_sentences < SETTINGS.listing_sentences
    assert (
        found.is_article
    )  # the Open Graph type declares it; a plain JSON-LD page type is no denial


def test_a_link_every_tile_shares_is_not_a_tile_s_own() -> None:
    wish = '<li class="card"><a href="/wishlist/add">Save</a>'
    grid = "".join(_tile(i, f"${i + 20}").replace('<li class="card">', wish) for i in range(5))
    root = parse_html(f"<html><body><ul>{grid}</ul></body></html>")
    assert root is not None and find_tiles(root) == Tiles(count=5, priced=5)
    intro = "<p>Bottles for every trip, tested by our team on long hikes. Free returns.</p>"
    page = f"<html><body><h1>Bottles</h1>{intro}<ul>{grid}</ul></body></html>"
    assert not extract_article(page, "https://shop.example.com/2025/bottles-for-hiking").is_article


def test_a_front_page_of_small_sections_is_a_listing_by_all_its_items() -> None:
    teaser = (
        "A teaser of the story that runs for a line or two, long enough to read on a phone "
        "while waiting for a train, and short enough to skim before the doors close at the "
        "next station on the way home."
    )

    def section(s: int) -> str:
        cards = "".join(
            f'<li><a href="/news/{s}-{i}">Story {i} of section {s} today</a> <p>{teaser}</p></li>'
            for i in range(6)
        )
        return f"<h2>Section {s}</h2><ul>{cards}</ul>"

    intro = "".join(
        f"<p>Our newsroom {n} covers the short drama industry from three cities. We publish "
        "every weekday. Tips are welcome by mail at any hour. Corrections are noted below.</p>"
        for n in ("desk", "team", "staff")
    )
    sections = "".join(map(section, range(5)))
    page = f"<html><body><h1>News</h1>{intro}{sections}</body></html>"
    found = extract_article(page, "https://news.example.com/news")
    assert not found.is_article
    assert found.shape is not None and found.shape.own_sentences >= SETTINGS.listing_sentences
    assert found.shape.items == 6 < SETTINGS.section_items  # no one group is long ...
    assert found.shape.all_items == 30  # ... but all of them are
    story = page.replace("<h1>News</h1>", "<h1>How our newsroom covers short dramas</h1>")
    assert extract_article(story, "https://news.example.com/news/2025/our-newsroom").is_article


def test_a_front_page_counts_the_stories_of_boxes_named_like_widgets() -> None:
    teaser = "A teaser of the story that runs for a line or two before the reader moves on."

    def box(s: int, name: str) -> str:
        cards = "".join(
            f'<li><a href="/news/{s}-{i}">Story {i} of box {s} today</a> <p>{teaser}</p></li>'
            for i in range(6)
        )
        return f'<div class="{name}"><h2>Box {s}</h2><ul>{cards}</ul></div>'

    intro = "".join(
        f"<p>Our newsroom {n} covers the short drama industry from three cities. We publish "
        "every weekday. Tips are welcome by mail at any hour. Corrections are noted below.</p>"
        for n in ("desk", "team", "staff", "office")
    )
    names = ("lead", "world", "popular", "latest", "mostread")
    boxes = "".join(box(s, name) for s, name in enumerate(names))
    page = f"<html><body><h1>Technology</h1>{intro}{boxes}</body></html>"
    found = extract_article(page, "https://news.example.com/technology")
    assert found.shape is not None and found.shape.own_sentences >= SETTINGS.listing_sentences
    assert found.shape.items == 6 < SETTINGS.section_items
    assert found.shape.all_items >= SPREAD_ITEMS  # the "popular" boxes' stories count too
    assert not found.is_article
    story = extract_article(page, "https://news.example.com/2025/06/02/our-newsroom-today")
    assert story.is_article and story.shape is not None and story.shape.all_items < SPREAD_ITEMS


def test_the_address_is_read_once_per_page(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def counted(url: str) -> bool:
        calls.append(url)
        return section_url(url)

    monkeypatch.setattr(kind, "section_url", counted)
    page = (
        "<html><body><main><h1>News</h1><p>One sentence of the front page.</p></main></body></html>"
    )
    extract_article(page, "https://www.example.com/news")
    assert calls == ["https://www.example.com/news"]
