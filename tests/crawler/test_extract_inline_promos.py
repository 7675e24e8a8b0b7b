"""A labelled link to another story inside a paragraph goes with its label; the sentence stays."""

from __future__ import annotations

import pytest
from lxml.html import document_fromstring

from crawler.extract.inline_promos import drop_inline_promos

BEFORE = "“The telenovela taught us how to end every chapter on a hook,” he said."
AFTER = "“Now we do it every 60 seconds instead of every 45 minutes.”"
LINK = "<a href='/x'>Netflix to Invest More in Mexico Over Four Years</a>"


def _text(paragraph: str) -> str:
    root = document_fromstring(f"<html><body><p>{paragraph}</p></body></html>")
    drop_inline_promos(root)
    return " ".join(root.text_content().split())


@pytest.mark.parametrize(
    "pointer",
    [
        f"<span class='read-more-inline'>Read more: {LINK}</span>",
        f"<strong>Related reading:</strong> {LINK}",
        f"Also read: {LINK}",
    ],
)
def test_a_pointer_inside_a_paragraph_goes(pointer: str) -> None:
    assert _text(f"{BEFORE} {pointer} {AFTER}") == f"{BEFORE} {AFTER}"


def test_a_pointer_on_a_line_of_its_own_is_left_to_the_line_rules() -> None:
    assert (
        _text(f"Read more: {LINK}") == "Read more: Netflix to Invest More in Mexico Over Four Years"
    )


def test_a_link_in_a_sentence_without_a_label_stays() -> None:
    sentence = f"{BEFORE} The company said so in {LINK} last week."
    assert _text(sentence) == " ".join(
        sentence.replace(LINK, "Netflix to Invest More in Mexico Over Four Years").split()
    )
