"""An article's notes: the blocks its note marks link to, or that link back into its text.

A note mark is a short link in the text ("1", "[2]", "*") to an element of the page; a note
is a block with that element's id (or the list item holding it), or a block with a link as
short back to an element inside the text ("↩", "^"). Pairing the two is what tells a list of
notes after the text from the lists of links a page sets there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from crawler.extract.meta import norm

if TYPE_CHECKING:
    from collections.abc import Iterable

    from lxml.html import HtmlElement

_MARK = 4  # a note mark, or a link back to one, has this many characters at most: "[12]", "↩"


class NoteLinks(NamedTuple):
    """The ids the note marks of the text link to (``marks``), and those inside the text."""

    marks: frozenset[str]
    ids: frozenset[str]


def note_links(blocks: Iterable[HtmlElement]) -> NoteLinks:
    """The ids the note marks of the text's ``blocks`` link to, and the ids inside them."""
    marks: set[str] = set()
    ids: set[str] = set()
    for block in blocks:
        for element in block.iter():
            if own := element.get("id"):
                ids.add(own)
            target = _target(element)
            if target and len(norm(element.text_content())) <= _MARK:
                marks.add(target)
    return NoteLinks(frozenset(marks), frozenset(ids))


def note_text(block: HtmlElement, text: str, links: NoteLinks) -> str:
    """The note ``block`` (its ``text``) holds, its link back to the text left out; "" when
    it is no note: neither it nor its list item is the target of a mark of the text's
    (``links``), and it links back to no element of the text."""
    if not links.marks and not links.ids:
        return ""
    item = block.getparent() if block.tag != "li" else block
    targeted = block.get("id") in links.marks or (
        item is not None and item.tag == "li" and item.get("id") in links.marks
    )
    backs = [norm(a.text_content()) for a in block.iter("a") if _target(a) in links.ids]
    back = [label for label in backs if len(label) <= _MARK]
    if not targeted and not back:
        return ""
    for label in filter(None, back):
        text = text.removeprefix(label).removesuffix(label).strip()
    return text


def _target(element: HtmlElement) -> str:
    """The id a link to a place on its own page points at ("" for any other element)."""
    href = (element.get("href") or "") if element.tag == "a" else ""
    return href[1:] if href.startswith("#") else ""
