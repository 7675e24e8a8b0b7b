"""A listicle's entries, boxes of one kind side by side each holding a paragraph, are body even
when each ends with a button-like link; one such box alone, or a row of one-line pitches, is a
call to action."""

from __future__ import annotations

from lxml.html import document_fromstring

from crawler.extract.recover import recover_blocks

KEPT = [
    "The guide lists the restaurants honoured this year across the whole city.",
    "Each entry below names the neighbourhood, the cuisine and the price range.",
    "And for the full list of honourees, head over to the guide's own website.",
]
ENTRIES = [
    "This high-spirited take on contemporary Korean dining serves a small menu of irresistible "
    "dishes, weaving Mexican, Italian and other influences into its cooking every night.",
    "A delightful European bistro from alums of hot spots like Nomad and Estela, in the former "
    "home of a diner: think tarts with chanterelles and grilled crab with bearnaise.",
    "New York's fine dining temple is no longer fully plant based, but vegetables are still very "
    "much front and center here, and for good reason, on every plate of the tasting menu.",
]
PITCHES = [
    "Find flexible and affordable ways to get your to-dos done.",
    "Finance your dream home with our credit cards.",
    "Shop from home and get it delivered to your front door.",
]


def _page(boxes: str) -> str:
    first, second, third = (f"<p>{p}</p>" for p in KEPT)
    return f"<html><body><div class='story'>{first}{second}{boxes}{third}</div></body></html>"


def _box(text: str) -> str:
    return f"<article class='venue'><p>{text}</p><a href='/book'>Book now</a></article>"


def test_entries_of_a_list_of_cards_come_back_in_place() -> None:
    html = _page("".join(_box(text) for text in ENTRIES))
    assert recover_blocks(list(KEPT), document_fromstring(html)) == [*KEPT[:2], *ENTRIES, KEPT[2]]


def test_a_single_box_ending_with_a_button_stays_out() -> None:
    html = _page(_box(ENTRIES[0]))
    assert recover_blocks(list(KEPT), document_fromstring(html)) == KEPT


def test_a_row_of_promotion_boxes_with_one_line_of_pitch_each_stays_out() -> None:
    html = _page("".join(_box(text) for text in PITCHES))
    assert recover_blocks(list(KEPT), document_fromstring(html)) == KEPT
