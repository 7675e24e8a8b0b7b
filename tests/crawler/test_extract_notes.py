"""An article's notes after its text: the blocks its note marks link to, or linking back."""

from __future__ import annotations

from lxml.html import document_fromstring

from crawler.extract.recover import recover_blocks

KEPT = [
    "Viewers bought coins on five apps over two weeks of the test.1",
    "The cheapest episodes came from the largest bundles on every app.",
    "A full series of eighty episodes cost between six and twenty-nine dollars.",
]
NOTE = "Three of the five apps changed their prices during the test"
OTHER = "Prices are for App Store accounts in the United States, before tax"


def _page(notes: str, *, mark: str = '<sup id="r1"><a href="#n1">1</a></sup>') -> str:
    first, second, third = (f"<p>{p}</p>" for p in KEPT)
    first = first.replace("test.1</p>", f"test.{mark or '1'}</p>")
    return f"<html><body><div class='post'>{first}{second}{third}<hr>{notes}</div></body></html>"


def _recover(html: str) -> list[str]:
    return recover_blocks(list(KEPT), document_fromstring(html))


def test_notes_a_mark_links_to_or_linking_back_come_back_without_the_back_link() -> None:
    notes = (
        f'<ol><li id="n1"><p>{NOTE}. <a href="#r1">↩</a></p></li>'
        f'<li id="n2"><p>{OTHER}. <a href="#r1">↩</a></p></li></ol>'
    )
    assert _recover(_page(notes)) == [*KEPT, f"- {NOTE}.", f"- {OTHER}."]


def test_a_note_only_a_mark_links_to_comes_back() -> None:
    notes = f'<ol><li id="n1">{NOTE}</li></ol>'
    assert _recover(_page(notes)) == [*KEPT, f"- {NOTE}"]


def test_a_closing_list_no_mark_pairs_with_stays_out() -> None:
    items = f'<ul><li id="n1"><a href="/a">{NOTE}</a></li><li id="x">{OTHER}</li></ul>'
    assert _recover(_page(items, mark="")) == KEPT
    assert _recover(_page(f'<ul><li id="x">{OTHER} <a href="#top">↑</a></li></ul>')) == KEPT


def test_notes_before_a_closing_paragraph_come_back_though_their_box_ends_in_a_link() -> None:
    notes = f'<section><ol><li id="n1"><p><a href="#r1">^</a> {NOTE}.</p></li></ol></section>'
    closing = "<p>The writer covers the economics of streaming apps every week here.</p>"
    kept = [*KEPT, "The writer covers the economics of streaming apps every week here."]
    assert recover_blocks(list(kept), document_fromstring(_page(notes + closing))) == [
        *KEPT,
        f"- {NOTE}.",
        kept[-1],
    ]


def test_a_note_paragraph_ending_in_its_link_back_reads_as_a_sentence() -> None:
    notes = f'<div class="notes"><p id="n1">1. {NOTE}. <a href="#r1">↩</a></p></div>'
    assert _recover(_page(notes)) == [*KEPT, f"1. {NOTE}."]
