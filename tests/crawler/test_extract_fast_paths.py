"""More fast paths of extraction, each giving the answers of its plain definition."""

from __future__ import annotations

import pytest

from crawler.extract.byline import closing_chars

_TEXTS = (
    "",
    " \t\n ",
    "short",
    "x" * 500,
    "The end of a story.   \n\n  " + "word " * 200,
    "Last words" + " " * 700,
    "国务院办公厅\u3000关于印发\u00a0通知的通知。" * 20,
    "a" * 159 + " " + "b" * 40,
    "a" * 160 + "\u2003" * 30 + "end",
)


@pytest.mark.parametrize("text", _TEXTS)
def test_closing_chars_are_the_end_of_the_whole_text_collapsed(text: str) -> None:
    for chars in (1, 10, 40, 300):
        assert closing_chars(text, chars) == " ".join(text.split())[-chars:]
