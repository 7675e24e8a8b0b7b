"""Line breaks inside a paragraph: a ``<br>`` starts a line of the paragraph, not a new one."""

from __future__ import annotations

from lxml import etree

from crawler.extract import extract_article
from crawler.extract.lines import BREAK, join_paragraphs, mark_breaks, split_lines

LONG = "The council met on Monday evening to discuss the budget for the coming year"


def _page(body: str) -> str:
    return f"<html><head><title>Budget</title></head><body><article>{body}</article></body></html>"


def test_a_break_inside_a_paragraph_is_one_newline_and_paragraphs_a_blank_line() -> None:
    html = _page(
        f"<p>{LONG}.<br>Offline is not an edge case.<br/>Offline is the baseline.</p>"
        f"<p>{LONG}, and the vote comes next week after a second reading.</p>"
    )
    text = extract_article(html, "https://news.example.org/a").text
    assert "case.\nOffline is the baseline.\n\nThe council" in text
    assert f"{LONG}.\nOffline is not an edge case." in text


def test_two_breaks_in_a_row_end_the_paragraph() -> None:
    lines, joined = split_lines(f"One line.\n{BREAK}\n{BREAK}Next paragraph.")
    assert lines == ["One line.", "Next paragraph."]
    assert join_paragraphs(lines, joined) == "One line.\n\nNext paragraph."


def test_a_break_in_the_middle_of_a_sentence_wraps_the_line() -> None:
    wrapped = f"Gym equipment refers to the machines used in a\n{BREAK}fitness hall."
    lines, joined = split_lines(wrapped)
    assert lines == ["Gym equipment refers to the machines used in a fitness hall."]
    assert not joined


def test_a_break_after_a_sentence_or_before_a_capital_keeps_the_line() -> None:
    text = f"Cons:\n{BREAK}Not well known\n{BREAK}Costly.\n{BREAK}and more"
    lines, joined = split_lines(text)
    assert lines == ["Cons:", "Not well known", "Costly.", "and more"]
    assert join_paragraphs(lines, joined) == "Cons:\nNot well known\nCostly.\nand more"


def test_a_list_is_one_block_with_the_sentence_announcing_it() -> None:
    lines = ["It offers:", "- Themes", "- Plugins", "Prose again.", "- A dash line", "Next."]
    text = "It offers:\n- Themes\n- Plugins\n\nProse again.\n\n- A dash line\n\nNext."
    assert join_paragraphs(lines) == text


def test_lines_dropped_in_between_leave_a_paragraph_break() -> None:
    _, joined = split_lines(f"First.\n{BREAK}Share this\n{BREAK}Second.")
    assert join_paragraphs(["First.", "Second."], joined) == "First.\n\nSecond."


def test_a_paragraph_with_inline_code_loses_its_source_newlines_not_the_code() -> None:
    body = etree.fromstring(
        "<body><p>anything important is under\n<code>~/Drive</code>, and\nmore.</p>"
        "<code>def f():\n    return 1</code></body>"
    )
    mark_breaks(body)
    assert body[0].text == "anything important is under "
    assert body[0][0].tail == ", and more."
    assert body[1].text == "def f():\n    return 1"
