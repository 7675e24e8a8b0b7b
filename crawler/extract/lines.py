"""Line breaks inside a paragraph: a ``<br>`` starts a new line, not a new paragraph.

Trafilatura renders a ``<br>`` (its ``lb``) and the end of a paragraph alike, as one newline,
so its text no longer tells the lines of a poem, an address or a list of short statements from
paragraphs. The extracted body is therefore rendered with every line a ``<br>`` begins marked.
The text's lines stay the units the post-cleaning works on; when the paragraphs are joined, a
line a break began follows the line before it after one newline, paragraphs are separated by a
blank line, and two breaks in a row end the paragraph. A list's items ("- " lines) follow each
other, and the sentence announcing them with a colon, after one newline: a list is one block.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise
from typing import TYPE_CHECKING

from crawler.extract.meta import norm

if TYPE_CHECKING:
    from lxml.etree import _Element

# Begins a line a <br> began: a printable symbol, which the text rendering keeps, that pages
# do not use.
BREAK = "\u241e"

# A line ending with one of these ends its sentence; a break after any other ending, before a
# lower-case letter, is a hard-wrapped sentence, read as a space.
_SENTENCE_ENDS = frozenset(".!?;:\"'”’)»…。！？；：")

_ITEM = "- "  # begins a list item's line
_ANNOUNCES = (":", "：")  # a line ending so announces the list after it

Joined = frozenset[tuple[str, str]]  # (line, next line) pairs a <br> joins into one paragraph


def mark_breaks(body: _Element) -> None:
    """Mark, in place, the start of the text after each ``lb`` of a trafilatura body."""
    for el in {code.getparent() for code in body.iter("code")} - {None, body}:
        _unwrap(el)
    for lb in body.iter("lb"):
        lb.tail = BREAK + (lb.tail or "").lstrip()


def _unwrap(paragraph: _Element) -> None:
    """Make the newlines of a paragraph's text spaces, in place, outside its code: a paragraph
    holding inline code keeps the source's spacing, where a newline only wraps the line."""
    if paragraph.text:
        paragraph.text = paragraph.text.replace("\n", " ")
    for child in paragraph:
        if child.tail:
            child.tail = child.tail.replace("\n", " ")


def split_lines(text: str) -> tuple[list[str], Joined]:
    """The non-empty lines of a marked text, whitespace collapsed, and the pairs of them a
    break joins (a blank line a break began ends the paragraph)."""
    paragraphs: list[list[str]] = []
    open_paragraph = False
    for raw in text.splitlines():
        line = norm(raw.replace(BREAK, " "))
        if line and open_paragraph and raw.lstrip().startswith(BREAK):
            _continue(paragraphs[-1], line)
        elif line:
            paragraphs.append([line])
        open_paragraph = bool(line)
    lines = [line for paragraph in paragraphs for line in paragraph]
    return lines, frozenset(pair for p in paragraphs for pair in pairwise(p))


def _continue(paragraph: list[str], line: str) -> None:
    """Add a line a break began to its paragraph: to the last line when it goes on with that
    line's sentence (a hard-wrapped line), else as a line of its own."""
    last = paragraph[-1]
    if last[-1] not in _SENTENCE_ENDS and line[0].islower():
        paragraph[-1] = f"{last} {line}"
    else:
        paragraph.append(line)


def join_paragraphs(lines: Iterable[str], joined: Joined = frozenset()) -> str:
    """The lines as text: one newline after a line the next continues (a ``<br>``'s line, a
    list's next item), else a blank line."""
    parts: list[str] = []
    for line in lines:
        if parts:
            together = (parts[-1], line) in joined or _continues_list(parts[-1], line)
            parts.append("\n" if together else "\n\n")
        parts.append(line)
    return "".join(parts)


def _continues_list(previous: str, line: str) -> bool:
    """Tell whether a line is a list item after another item or after the sentence announcing
    the list (ending in a colon): a list is one block of lines."""
    return line.startswith(_ITEM) and (previous.startswith(_ITEM) or previous.endswith(_ANNOUNCES))
