"""Line breaks inside a paragraph: a ``<br>`` starts a new line, not a new paragraph.

Trafilatura renders a ``<br>`` (its ``lb``) and the end of a paragraph alike, as one newline,
so its text no longer tells the lines of a poem, an address or a list of short statements from
paragraphs. The extracted body is therefore rendered with every line a ``<br>`` begins marked.
The text's lines stay the units the post-cleaning works on; when the paragraphs are joined, a
line a break began follows the line before it after one newline, paragraphs are separated by a
blank line, and two breaks in a row end the paragraph.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from crawler.extract.meta import norm

if TYPE_CHECKING:
    from lxml.etree import _Element

# Begins a line a <br> began: a printable symbol, which the text rendering keeps, that pages
# do not use.
BREAK = "\u241e"

Joined = frozenset[tuple[str, str]]  # (line, next line) pairs a <br> joins into one paragraph


def mark_breaks(body: _Element) -> None:
    """Mark, in place, the start of the text after each ``lb`` of a trafilatura body."""
    for lb in body.iter("lb"):
        lb.tail = BREAK + (lb.tail or "").lstrip()


def split_lines(text: str) -> tuple[list[str], Joined]:
    """The non-empty lines of a marked text, whitespace collapsed, and the pairs of them a
    break joins (a blank line a break began ends the paragraph)."""
    lines: list[str] = []
    joined: set[tuple[str, str]] = set()
    previous = ""
    for raw in text.splitlines():
        line = norm(raw.replace(BREAK, " "))
        if previous and line and raw.lstrip().startswith(BREAK):
            joined.add((previous, line))
        if line:
            lines.append(line)
        previous = line
    return lines, frozenset(joined)


def join_paragraphs(lines: Iterable[str], joined: Joined = frozenset()) -> str:
    """The lines as text: one newline after a line the next continues, else a blank line."""
    parts: list[str] = []
    for line in lines:
        if parts:
            parts.append("\n" if (parts[-1], line) in joined else "\n\n")
        parts.append(line)
    return "".join(parts)
