"""Lists whose items are marked up as ``<article>`` cards count as article lists."""

from __future__ import annotations

from lxml import html as lxml_html

from crawler.spiders.links import detect_links
from crawler.spiders.links.cards import in_article_card
from crawler.spiders.listing_links import listing_selector

URL = "https://news.example/"


def _page(card_tag: str) -> dict[str, str]:
    """Chosen paths and reasons on a page of dated stories and a section of ``card_tag`` cards."""
    stories = "".join(
        f'<li><a href="/2025/03/0{d}/story-of-the-day-{d}">Story of the day number {d}</a>'
        f" <time>2025-03-0{d}</time></li>"
        for d in range(1, 7)
    )
    cards = "".join(
        f'<{card_tag} class="card"><h3><a href="/shows/s{n}">The show called number {n}</a>'
        f"</h3></{card_tag}>"
        for n in range(4)
    )
    body = f'<ul class="latest">{stories}</ul><section class="more">{cards}</section>'
    detection = detect_links(listing_selector(f"<html><body>{body}</body></html>").root, URL)
    return {d.url.removeprefix(URL.rstrip("/")): d.reason for d in detection.chosen}


def test_a_section_of_article_cards_is_taken_beside_a_better_scoring_list() -> None:
    chosen = _page("article")
    assert {f"/shows/s{n}" for n in range(4)} <= set(chosen)
    assert len(chosen) == 10
    assert "article cards 100%" in chosen["/shows/s0"]


def test_the_same_section_without_article_cards_stays_out() -> None:
    assert not any(path.startswith("/shows/") for path in _page("div"))


def test_an_article_around_the_whole_list_marks_no_item() -> None:
    root = lxml_html.fromstring(
        "<article><ul><li><a href='/a'>A</a></li><li><a href='/b'>B</a></li></ul></article>"
    )
    first, second = root.findall(".//a")
    assert not in_article_card(first, {first, second}, depth=6)
    assert in_article_card(first, {first}, depth=6)
    assert not in_article_card(first, {first}, depth=2)  # further up than a list item reaches


def test_cards_named_in_their_heading_in_few_words_are_items_and_their_buttons_are_not() -> None:
    repos = ("openai / skills", "toeverything / affine", "qwenlm / agent", "jido / core")
    cards = "".join(
        f'<article class="row"><div class="actions"><a href="/login?to={name}">Star</a></div>'
        f'<h2><a href="/{name.replace(" ", "")}">{name}</a></h2><p>A tool for work.</p></article>'
        for name in repos
    )
    html = f"<html><body><main><div class='box'>{cards}</div></main></body></html>"
    detection = detect_links(listing_selector(html).root, "https://code.example/trending")
    assert {d.title for d in detection.chosen} == set(repos)
