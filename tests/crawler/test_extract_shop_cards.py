"""A row of shop cards inside a post goes; a list of the post's own stays."""

from __future__ import annotations

from lxml.html import fromstring

from crawler.extract.shop_cards import drop_shop_cards

_CARD = '<li><a href="/p/{0}">{0}</a> <span>$45/day</span> <a class="button">Add to cart</a></li>'


def _page(items: str) -> str:
    return f"<div><p>We dressed eleven offices this year.</p><ul>{items}</ul><p>The end.</p></div>"


def test_a_row_of_products_with_buying_links_goes() -> None:
    root = fromstring(_page("".join(_CARD.format(name) for name in ("Desk", "Chair", "Lamp"))))
    drop_shop_cards(root)
    assert root.text_content() == "We dressed eleven offices this year.The end."


def test_two_products_or_a_list_without_buying_links_stay() -> None:
    two = _page("".join(_CARD.format(name) for name in ("Desk", "Chair")))
    plain = _page("<li>Desk: $120 a day</li><li>Chair: $35 a day</li><li>Lamp: $20 a day</li>")
    for html in (two, plain):
        root = fromstring(html)
        drop_shop_cards(root)
        assert "Chair" in root.text_content()


def test_long_entries_of_the_posts_own_list_stay() -> None:
    entry = "<li><p>{0} {1}</p><a>Buy now</a></li>"
    prose = "This one has a long review paragraph of its own that is the post's text. " * 2
    root = fromstring(_page("".join(entry.format(name, prose) for name in ("A", "B", "C"))))
    drop_shop_cards(root)
    assert "long review paragraph" in root.text_content()
