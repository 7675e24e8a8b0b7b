"""Automatic article-link detection on recorded listings shaped like the real sources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawler.spiders.links import Detection, LinkDecision, check_selector, detect_links
from crawler.spiders.links.features import is_sibling_listing, url_looks_like_article
from crawler.spiders.listing_links import empty_listing_hint, listing_decisions, listing_selector

LISTINGS = Path(__file__).parents[1] / "fixtures" / "listings"
DEMO = Path(__file__).parents[2] / "dramawatch" / "demo" / "sites"
TEMPLATES = json.loads((LISTINGS / "templates.labels.json").read_text(encoding="utf-8"))
DEMO_LABELS = json.loads((LISTINGS / "demo.labels.json").read_text(encoding="utf-8"))


def _demo_html(label: dict[str, str]) -> str:
    raw = (DEMO / label["file"]).read_bytes()
    html = raw.decode("gb18030" if b"charset=gb" in raw[:2000].lower() else "utf-8")
    return html.replace("{{base}}", "http://127.0.0.1")


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_template_listing_links_are_found(name: str) -> None:
    label = TEMPLATES[name]
    html = (LISTINGS / f"{name}.html").read_text(encoding="utf-8")
    detection = detect_links(listing_selector(html).root, label["url"])
    found, truth = {d.url for d in detection.chosen}, set(label["links"])
    assert found >= truth
    # A sidebar shaped like the list, unmarked by class or tag, may come along (China Daily).
    assert len(found - truth) <= 0.2 * len(truth)


@pytest.mark.parametrize("name", sorted(DEMO_LABELS))
def test_demo_listing_links_are_found(name: str) -> None:
    label = DEMO_LABELS[name]
    detection = detect_links(listing_selector(_demo_html(label)).root, label["url"])
    assert {d.url for d in detection.chosen} == set(label["links"])


def test_every_decision_has_a_score_and_a_reason() -> None:
    html = (LISTINGS / "wordpress-category.html").read_text(encoding="utf-8")
    detection = detect_links(listing_selector(html).root, TEMPLATES["wordpress-category"]["url"])
    assert all(d.reason for d in (*detection.chosen, *detection.skipped))
    assert "headline-like texts 100%" in detection.chosen[0].reason
    skipped = {d.url: d.reason for d in detection.skipped}
    assert "navigation" in skipped["https://www.verticaldrama.tv/tag/microdrama/"]
    assert "a lone link" in skipped["https://www.verticaldrama.tv/page/2/"]


def test_suggested_selector_picks_exactly_the_chosen_links() -> None:
    html = (LISTINGS / "govcn-yaowen.html").read_text(encoding="utf-8")
    url = TEMPLATES["govcn-yaowen"]["url"]
    detection = detect_links(listing_selector(html).root, url)
    assert detection.suggested_selector
    by_selector = listing_decisions(listing_selector(html), url, detection.suggested_selector)
    assert {d.url for d in by_selector.chosen} == {d.url for d in detection.chosen}


def test_plain_list_of_sixty_links_is_detected() -> None:
    items = "".join(
        f'<li><a href="/news/2025/12/{i:02d}/story-{i}.html">Studio news item {i}</a></li>'
        for i in range(60)
    )
    html = f'<html><body><ul><li><a href="/">Home</a></li></ul><ul>{items}</ul></body></html>'
    detection = detect_links(listing_selector(html).root, "http://127.0.0.1/news/")
    assert len(detection.chosen) == 60


def test_a_list_without_article_links_gets_a_hint_with_a_selector() -> None:
    items = "".join(f'<a href="/p?i={i}">Item {i}</a>' for i in range(8))
    html = f'<html><body><div class="list">{items}</div></body></html>'
    detection = detect_links(listing_selector(html).root, "http://127.0.0.1/")
    assert not detection.chosen
    assert empty_listing_hint(detection) == "0 article links: try link_selector: 'div.list a'"


def test_link_selector_decisions_name_the_selector() -> None:
    html = '<div class="x"><a href="/a">A</a><a href="/b">B</a></div><a href="/c">C</a>'
    decisions = listing_decisions(listing_selector(html), "http://127.0.0.1/", "div.x a")
    assert [d.url for d in decisions.chosen] == ["http://127.0.0.1/a", "http://127.0.0.1/b"]
    assert decisions.chosen[0].reason == "matches 'div.x a'"


def test_check_selector_reports_the_error() -> None:
    assert check_selector("ul.news a") is None
    assert "SelectorSyntaxError" in (check_selector("ul..news a") or "")


@pytest.mark.parametrize(
    ("url", "sibling"),
    [
        ("https://shop.example/Parts/iPhone_11_Pro", True),  # a sub-category beside it
        ("https://shop.example/Parts/iPhone/Screen", False),  # deeper: an item of it
        ("https://other.example/Parts/Android", False),
        ("https://shop.example/Guides/iPhone", False),
    ],
)
def test_links_laid_out_as_the_listing_are_other_listings(url: str, sibling: bool) -> None:
    assert is_sibling_listing(url, "https://shop.example/Parts/iPhone") is sibling


def test_a_detail_page_beside_its_listing_keeps_its_query_apart() -> None:
    listing = "https://touch.example.cn/jsp/news_default_en.jsp?p_page=1&siteId=300"
    assert not is_sibling_listing("https://touch.example.cn/jsp/news_detail_en.jsp?id=7", listing)
    numbered = "https://www.example.com/recipes/17562/dinner/"
    assert is_sibling_listing("https://www.example.com/recipes/94/soups-stews-and-chili/", numbered)
    assert not url_looks_like_article(
        "https://www.example.com/recipes/94/soups-and-stews/", numbered
    )
    assert url_looks_like_article(
        "https://www.example.com/recipe/2401/lemon-garlic-chicken/", numbered
    )


def _story(day: int) -> str:
    return f"/news/2025/12/{day:02d}/story-{day}.html"


def test_links_of_a_left_out_list_laid_out_as_the_articles_join_them() -> None:
    items = "".join(
        f'<li><a href="{_story(d)}">Studio news item number {d}</a></li>' for d in range(1, 7)
    )
    card = (
        f'<span><a href="{_story(20)}">A story shown in another section</a></span>'
        '<span><a href="/about">About</a></span><span><a href="/shop">Shop</a></span>'
        '<span><a href="/help">Help</a></span>'
    )
    prose = (
        f'<p>As <a href="{_story(21)}">the studio said in its casting news</a> and '
        f'<a href="{_story(22)}">its earlier release plan notes</a>, see '
        '<a href="https://other.example/a">elsewhere</a> or <a href="https://other.example/b">here</a>'
        " for much more of the long story told in this paragraph.</p>"
    )
    body = f'<ul class="list">{items}</ul><div class="more">{card}</div>{prose}'
    html = f"<html><body>{body}</body></html>"
    detection = detect_links(listing_selector(html).root, "http://127.0.0.1/news/")
    chosen = {d.url.removeprefix("http://127.0.0.1"): d.reason for d in detection.chosen}
    assert "laid out as 6 chosen articles" in chosen[_story(20)]
    assert _story(21) not in chosen  # a few words of a sentence, not a card
    assert "/about" not in chosen


def test_a_directory_named_mostly_in_few_words_yields_all_its_entries() -> None:
    # Three of eight entries have headline-like names; no dates, no article-like URLs: the
    # list scores about 0.33, which the threshold both halves of the bench choose takes. The
    # entries named in few words are laid out as the headline ones: the whole list is taken.
    names = [
        "Tesla Daily: News and Analysis",
        "The Business of Healthcare Podcast",
        "Unnamed Reverse Engineering Podcast",
        *(f"Show Number{n}" for n in range(5)),
    ]
    items = "".join(
        f"<div class='show'><a href='/shows/view/id/show{n}'>{name}</a></div>"
        for n, name in enumerate(names)
    )
    html = f"<html><body><div class='shows'>{items}</div></body></html>"
    detection = detect_links(listing_selector(html).root, "https://pods.example/categories/62")
    assert {d.title for d in detection.chosen} == set(names)


def _coffee_shop(names: list[str], extra: str = "") -> dict[str, str]:
    items = "".join(
        f"<li class='tile'><a href='/products/{n.lower().replace(' ', '-')}'>{n}</a></li>"
        for n in names
    )
    html = f"<html><body><ul class='grid'>{items}{extra}</ul></body></html>"
    detection = detect_links(listing_selector(html).root, "https://shop.example/coffee/all")
    return {(d.url.removeprefix("https://shop.example")): d.reason for d in detection.chosen}


def test_items_named_in_two_words_join_their_list_when_laid_out_as_its_articles() -> None:
    long = [f"Dark Roast Whole Bean Coffee Blend {n}" for n in "ABCDE"]
    chosen = _coffee_shop([*long, "Vanilla Coffee", "Medium Roast"])
    assert "/products/vanilla-coffee" in chosen
    assert "laid out as its list's articles'" in chosen["/products/medium-roast"]
    assert "named in few words" not in chosen["/products/dark-roast-whole-bean-coffee-blend-a"]


def test_short_links_of_a_list_laid_out_otherwise_stay_out() -> None:
    long = [f"Dark Roast Whole Bean Coffee Blend {n}" for n in "ABCDE"]
    extra = (
        "<li class='tile'><a href='/coffee/decaf'>Decaf</a></li>"  # a sub-category beside it
        "<li class='tile'><a href='/gift-cards'>Gift Cards</a></li>"  # laid out as no item
        "<li class='tile'><a href='/products/more'>More</a></li>"
    )
    chosen = _coffee_shop(long, extra)
    assert set(chosen) == {f"/products/dark-roast-whole-bean-coffee-blend-{n}" for n in "abcde"}


def test_on_a_wiki_short_names_laid_out_as_the_listing_still_join_their_list() -> None:
    # Every page of a wiki is /wiki/Name, the list's own address too: that layout tells no
    # sub-listing from an item, so it does not keep the short names out.
    names = ["Visual Basic for Applications", "Common Intermediate Language Assembly"]
    names += ["Ada", "COBOL", "Dart", "Rust"]
    items = "".join(f"<li><a href='/wiki/{n.replace(' ', '_')}'>{n}</a></li>" for n in names)
    html = f"<html><body><ul>{items}</ul></body></html>"
    page = "https://wiki.example/wiki/List_of_programming_languages"
    detection = detect_links(listing_selector(html).root, page)
    assert {d.title for d in detection.chosen} == set(names)


def test_a_grid_whose_class_names_navigation_as_a_word_is_left_out() -> None:
    items = "".join(
        f'<li><a href="{_story(d)}">Studio news item number {d}</a></li>' for d in range(1, 7)
    )
    tiles = "".join(
        f'<li><a href="/shop/series-{n}/range-of-items-{n}">Graphics Cards Series {n}</a></li>'
        for n in range(6)
    )
    body = f'<ul class="visual-navs">{tiles}</ul><ul class="list">{items}</ul>'
    html = f"<html><body>{body}</body></html>"
    detection = detect_links(listing_selector(html).root, "http://127.0.0.1/news/")
    chosen = {d.url.removeprefix("http://127.0.0.1") for d in detection.chosen}
    assert chosen == {_story(d) for d in range(1, 7)}


def _product(n: int) -> str:
    return f"/product/{1000 + n}/trail-running-shoe-model-{n}"


def _shop(tiles: str, count: int = 18) -> Detection:
    """Detection on a shop's category page: ``count`` products and the given tiles above them."""
    products = "".join(
        f'<li class="card"><a href="{_product(n)}">Trail Running Shoe Model {n} Womens</a></li>'
        for n in range(count)
    )
    body = f'<div class="tiles">{tiles}</div><ul class="grid">{products}</ul>'
    html = f"<html><body>{body}</body></html>"
    return detect_links(listing_selector(html).root, "https://shop.example/c/running-shoes")


def _paths(decisions: tuple[LinkDecision, ...]) -> dict[str, str]:
    return {d.url.removeprefix("https://shop.example"): d.reason for d in decisions}


def test_a_small_list_beside_the_main_one_linking_elsewhere_is_left_out() -> None:
    tiles = "".join(
        f'<i><a href="/guide/{who}-{kind}-shoes">{who.title()} {kind.title()} Running Shoes</a></i>'
        for who in ("mens", "womens")
        for kind in ("road", "trail", "track")
    )
    detection = _shop(tiles)
    assert set(_paths(detection.chosen)) == {_product(n) for n in range(18)}
    assert "beside the main one" in _paths(detection.skipped)["/guide/mens-road-shoes"]


def test_a_small_list_laid_out_as_the_main_one_is_kept() -> None:
    tiles = "".join(
        f'<span><a href="{_product(n)}">Trail Running Shoe Model {n} Sale</a></span>'
        for n in range(20, 26)
    )
    chosen = set(_paths(_shop(tiles).chosen))
    assert chosen == {_product(n) for n in (*range(18), *range(20, 26))}


def test_lists_of_like_size_linking_to_different_sections_are_all_kept() -> None:
    tiles = "".join(
        f'<i><a href="/guides/how-to-choose-running-shoes-{n}">How to choose shoes {n}</a></i>'
        for n in range(6)
    )
    assert len(_shop(tiles, count=12).chosen) == 18
