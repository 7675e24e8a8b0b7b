"""A sponsor's box and a sign-up box left with its form's messages go; prose stays."""

from __future__ import annotations

from lxml.html import document_fromstring

from crawler.extract.chrome import strip_chrome_tags
from crawler.extract.telltale_boxes import drop_telltale_boxes

BEFORE = "<p>Placements in vertical dramas cost a fraction of a TV integration, agencies said.</p>"
AFTER = "<p>The apps are building in-house teams to sell these deals directly, they added.</p>"
SPONSOR = (
    "<div class='block'><p class='label'>Together with Example Cloud</p><h3>Localize faster</h3>"
    "<p>Ship subtitles and dubs in 40 languages without hiring 40 teams. <a>Book a demo</a>.</p>"
    "</div>"
)
SIGN_UP = (
    "<div class='boilerplate'><p><strong>Daily insights with Example Daily</strong></p>"
    "<p>We give you the inside scoop on what companies are doing with generative AI.</p>"
    "<p><a>Read our Privacy Policy</a></p><p>Thanks for subscribing. Check out more newsletters"
    " here.</p><p>An error occurred.</p></div>"
)


def _text(body: str) -> str:
    root = document_fromstring(
        f"<html><body><article><h1>A headline</h1>{body}</article></body></html>"
    )
    drop_telltale_boxes(root)
    return " ".join(root.text_content().split())


def test_a_box_a_sponsors_label_opens_goes() -> None:
    text = _text(f"{BEFORE}{SPONSOR}{AFTER}")
    assert "Example Cloud" not in text
    assert "Ship subtitles" not in text
    assert "fraction of a TV integration" in text
    assert "in-house teams" in text


def test_a_presented_by_label_in_bold_opens_its_box() -> None:
    box = (
        "<div class='boilerplate-ad'><p><strong>Presented by Example Cloud</strong></p>"
        "<p>Render farms on demand for media teams. <a>Learn more</a></p></div>"
    )
    assert "Render farms" not in _text(f"{BEFORE}{box}{AFTER}")


def test_a_sponsor_named_inside_a_box_of_prose_is_no_label() -> None:
    box = (
        "<div><p>The series was shot in Lagos over nine days.</p>"
        "<p>Presented by Example Cloud</p></div>"
    )
    assert "shot in Lagos" in _text(f"{BEFORE}{box}")


def test_a_sign_up_box_left_with_its_forms_messages_goes() -> None:
    text = _text(f"{BEFORE}{AFTER}{SIGN_UP}")
    assert "inside scoop" not in text
    assert "An error occurred" not in text
    assert text.endswith("they added.")


def test_a_long_box_holding_a_message_stays() -> None:
    prose = "<p>Studios said the cost of a season fell by a third over the past year.</p>" * 10
    box = f"<div>{BEFORE}{prose}<p>Something went wrong.</p></div>"
    assert "fell by a third" in _text(box)


def test_a_box_holding_the_pages_heading_stays() -> None:
    root = document_fromstring(
        "<html><body><div><h1>Sponsored by nobody</h1><p>Presented by Example</p>"
        "<p>A short post.</p></div></body></html>"
    )
    drop_telltale_boxes(root)
    assert "A short post." in root.text_content()


def test_a_sponsored_card_in_a_list_of_stories_stays() -> None:
    cards = (
        "<ul><li><div><p>Sponsored by Example Cloud</p><h3><a>Rethinking cloud costs</a></h3>"
        "<p>What licensing changes mean for budgets.</p></div></li>"
        "<li><div><h3><a>House passes a data centre bill</a></h3></div></li></ul>"
    )
    assert "Rethinking cloud costs" in _text(cards)


def test_the_removal_tells_whether_a_box_went() -> None:
    page = "<html><body><article><h1>A headline</h1>{}</article></body></html>"
    assert drop_telltale_boxes(document_fromstring(page.format(f"{BEFORE}{SPONSOR}{AFTER}")))
    assert not drop_telltale_boxes(document_fromstring(page.format(f"{BEFORE}{AFTER}")))


def test_shop_cards_after_a_sponsors_box_still_go() -> None:
    card = "<li><a href='/p/{0}'>{0}</a> <a class='button'>Add to cart</a></li>"
    shop = "<ul>" + "".join(card.format(name) for name in ("Desk", "Chair", "Lamp")) + "</ul>"
    root = document_fromstring(
        f"<html><body><article><h1>A headline</h1>{BEFORE}{SPONSOR}{shop}{AFTER}</article>"
        "</body></html>"
    )
    strip_chrome_tags(root)
    text = root.text_content()
    assert "Ship subtitles" not in text and "Add to cart" not in text
    assert "in-house teams" in text
