"""The byline's date around the title: a photo caption's day under the title is not it, and a
credit line right above the title keeps its date though section links follow it on that line
("KYODO NEWS - Dec 3, 2026 - 14:22 | Business, All"); a menu's dated link is still no byline."""

from __future__ import annotations

from crawler.extract import extract_article

BODY = (
    "<p>TOKYO - Japanese publishers are racing to turn their manga back catalogs into vertical "
    "short dramas for smartphone viewers, seeking a share of a format popularized by apps.</p>"
    "<p>Most of the series run between 50 and 90 episodes of about two minutes each, and viewers "
    "pay to unlock each episode after the first few.</p>"
)
CAPTION = (
    '<div class="mainpic"><img src="/a.jpg" alt=""><p class="caption">A scene from a vertical '
    "drama is shown on a smartphone in Tokyo on Nov. 28, 2026. (Kyodo)</p></div>"
)
URL = "https://english.news.example/news/a1f02c8d5e11-japan-publishers-race.html"
TITLE = "<h1>Japan publishers race to adapt manga into vertical dramas</h1>"


def _published(above: str, below: str) -> str | None:
    html = (
        '<html lang="en"><head><title>Japan publishers race</title></head><body>'
        f'<div class="head">{above}{TITLE}</div>{below}<div class="body">{BODY}</div></body></html>'
    )
    found = extract_article(html, URL).published_at
    return found.date().isoformat() if found else None


def test_a_credit_lines_date_above_the_title_beside_its_section_links() -> None:
    credit = '<p class="credit">NEWS - Dec 3, 2026 - 14:22 | <a href="/b">Business</a></p>'
    assert _published(credit, CAPTION) == "2026-12-03"


def test_a_photo_captions_day_is_no_byline() -> None:
    assert _published("", CAPTION) is None
    figure = CAPTION.replace('p class="caption"', "figcaption").replace("</p>", "</figcaption>")
    assert _published("", f"<figure>{figure}</figure>") is None


def test_a_menus_dated_link_above_the_title_is_no_byline() -> None:
    menu = '<div class="menu"><a href="/">Home</a> <a href="/a/">Archive 2026-11-27</a></div>'
    assert _published(menu, "") is None


def test_a_rail_cards_date_above_the_title_is_no_byline() -> None:
    card = (
        '<aside class="rail"><div class="rail-item"><h3><a href="/news/finale">Werewolf series'
        ' finale breaks record</a></h3><span class="rail-date">Dec 4, 2026</span></div></aside>'
    )
    assert _published(card, "") is None


def test_a_date_in_the_storys_text_does_not_make_the_metadata_a_repost() -> None:
    html = (
        '<html lang="en"><head><meta name="date" content="2026-12-05"></head><body>'
        f"{TITLE}<p>by Mel Turner</p><p>Vertical dramas were once dismissed as a fad, but this"
        " year several series proved that a minute-long episode can carry emotion.</p><p>The"
        " Quiet Heir. A billionaire’s son works as a janitor. Premiered March 3, 2026.</p>"
        f"{BODY}</body></html>"
    )
    found = extract_article(html, URL).published_at
    assert found is not None
    assert found.date().isoformat() == "2026-12-05"


def test_a_bylines_date_with_a_two_digit_year() -> None:
    assert _published("", '<p class="author">By Jane Doe • 12/05/26</p>') == "2026-12-05"
