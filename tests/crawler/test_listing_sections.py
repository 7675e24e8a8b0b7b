"""A list split into sections under headings (an A–Z index) is chosen as one list."""

from __future__ import annotations

from crawler.spiders.links import Detection, detect_links
from crawler.spiders.links.detect import measure_page
from crawler.spiders.links.sections import headed_sections
from crawler.spiders.listing_links import listing_selector

SITE = "https://wiki.example"
PAGE = f"{SITE}/wiki/List_of_programming_languages"
LETTERS = {
    "A": ["Ada", "ALGOL", "APL", "AWK"],
    "B": ["BASIC", "BCPL", "Bash", "BLISS"],
    "C": ["C", "COBOL", "Clojure", "Common Intermediate Language Assembly"],
    "D": ["Dart", "Delphi", "Dylan", "DYNAMO"],
    "V": ["Vala", "Visual Basic for Applications", "Vim script", "V"],
}


def _names() -> list[str]:
    return [name for names in LETTERS.values() for name in names]


def _url(name: str) -> str:
    return f"{SITE}/wiki/{name.replace(' ', '_')}"


def _index(headed: bool = True) -> str:
    sections = "".join(
        (f'<div class="heading"><h2 id="{letter}">{letter}</h2></div>' if headed else "")
        + '<div class="cols"><ul>'
        + "".join(f'<li><a href="/wiki/{n.replace(" ", "_")}">{n}</a></li>' for n in names)
        + "</ul></div>"
        for letter, names in LETTERS.items()
    )
    return f'<p>The languages, <a href="/wiki/Language">by name</a>.</p>{sections}'


def _detect(body: str) -> Detection:
    html = f"<html><body><main>{body}</main></body></html>"
    return detect_links(listing_selector(html).root, PAGE)


def test_an_index_split_under_letter_headings_is_chosen_whole() -> None:
    detection = _detect(_index())
    assert {d.url for d in detection.chosen} == {_url(n) for n in _names()}
    reason = next(d.reason for d in detection.chosen if d.url == _url("Ada"))
    assert "one list split into sections under headings" in reason


def test_the_same_names_without_headings_stay_a_weak_list() -> None:
    assert not _detect(_index(headed=False)).chosen


def test_footer_columns_under_headings_are_not_a_sectioned_list() -> None:
    columns = "".join(
        f"<div><h4>{title}</h4><ul>"
        + "".join(f'<li><a href="/{title.lower()}/{n}">{n.title()}</a></li>' for n in links)
        + "</ul></div>"
        for title, links in {
            "Company": ("about", "careers", "press"),
            "Help": ("contact", "returns", "shipping"),
            "Legal": ("terms", "privacy", "cookies"),
        }.items()
    )
    detection = _detect(f"<p>Nothing listed yet.</p></main><footer>{columns}</footer><main>")
    assert not detection.chosen


def test_sections_need_two_items_each_and_three_headings() -> None:
    root = listing_selector(_index()).root
    items = [a.getparent() for a in root.iter("a") if "/wiki/Language" not in a.get("href", "")]
    assert headed_sections(items) == len(LETTERS)
    one_each = [ul[0] for ul in root.iter("ul")]  # one item per section: cards, not a list
    assert headed_sections(one_each) == 0
    assert headed_sections(items[:8]) == 0  # two sections only


def test_each_link_s_list_item_is_worked_out_once_for_every_feature() -> None:
    root = listing_selector(f"<html><body><main>{_index()}</main></body></html>").root
    group = next(g for g in measure_page(root, PAGE) if len(g.urls) == len(_names()))
    assert {item.tag for item in group.item_by_link.values()} == {"li"}
    assert group.items == set(group.item_by_link.values())
    assert group.item_by_link is group.item_by_link


def test_short_lists_among_a_guides_paragraphs_are_not_a_sectioned_list() -> None:
    text = "Graphics cards turn the processor's data into the images shown on your monitor today."
    parts = "".join(
        f"<h4>Part {n} of the guide</h4><p>{text}</p><h4>Families {n}</h4><ul>"
        + "".join(
            f'<li><a href="/p/pl?N=1000{n}{k}">Series {n}{k}</a>: built for fast gaming.</li>'
            for k in range(3)
        )
        + "</ul>"
        for n in range(1, 5)
    )
    groups = measure_page(
        listing_selector(f"<html><body><td>{parts}</td></body></html>").root, PAGE
    )
    assert [g.features["sections"] for g in groups if len(g.urls) > 3] == [0.0]
