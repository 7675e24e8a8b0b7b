"""Texts that removing elements leaves side by side, read as the text nodes XPath finds.

lxml reads the text between two tags as one string (an element's text, or its tail), while
XPath's ``text()`` sees each node the parser made. Removing an element keeps its tail as a node
of its own, so the text before the element and the text after it then read as one string where
XPath finds two nodes. :func:`text_cuts` records, before such a removal, where each node that is
not blank (XPath's ``normalize-space()``) begins in the string it joins; :func:`pieces` splits
the string there again. A blank node stays with a neighbour: a reader that skips blank nodes and
collapses whitespace reads the same texts, and a page whose removals leave only blank tails (a
script's line break) has nothing to cut.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from crawler.extract.meta import XPATH_SPACE

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from lxml.html import HtmlElement

# A text's holder and whether it is the holder's tail.
Holder = tuple["HtmlElement", bool]
# A text -> where its nodes after the first begin.
TextCuts = dict[Holder, list[int]]


def text_cuts(root: HtmlElement, tags: Sequence[str]) -> TextCuts:
    """Where the texts under ``root`` will be cut into text nodes that are not blank once the
    elements of ``tags`` are removed with their tails kept: each text that then joins two such
    nodes or more, with the offsets of the nodes after its first."""
    removed = frozenset(tags)
    cuts: TextCuts = {}
    ends: dict[Holder, tuple[int, bool]] = {}  # the joined text's length, its last node blank
    for element, parent, tail in _kept_tails(root, tags):
        holder = _holder(element, parent, removed)
        at, blank = ends.get(holder) or _own_text(holder)
        if not blank and not _blank(tail):
            cuts.setdefault(holder, []).append(at)
        ends[holder] = at + len(tail), blank and _blank(tail)
    return cuts


def _kept_tails(
    root: HtmlElement, tags: Sequence[str]
) -> Iterator[tuple[HtmlElement, HtmlElement, str]]:
    """Each element of ``tags`` under ``root`` whose tail outlives it (no such ancestor goes
    with it), with its parent and that tail."""
    elements = list(root.iter(*tags))
    # those inside another: only one with children holds any (a script or an input holds none)
    inner = {el for element in elements if len(element) for el in element.iterdescendants(*tags)}
    for element in elements:
        tail, parent = element.tail, element.getparent()
        if tail is None or parent is None or element in inner:
            continue
        yield element, parent, tail


def _holder(element: HtmlElement, parent: HtmlElement, removed: frozenset[str]) -> Holder:
    """The text the element's tail joins once the ``removed`` tags go: the tail of the nearest
    sibling before it that stays, else its parent's own text."""
    before = element.getprevious()
    while before is not None and before.tag in removed:
        before = before.getprevious()
    return (parent, False) if before is None else (before, True)


def _own_text(holder: Holder) -> tuple[int, bool]:
    """The length of the holder's text before any tail joins it, and whether it is blank."""
    element, tail = holder
    text = (element.tail if tail else element.text) or ""
    return len(text), _blank(text)


def _blank(text: str) -> bool:
    """Tell whether XPath's ``normalize-space()`` leaves nothing of the text."""
    return not text.strip(XPATH_SPACE)


def pieces(text: str | None, holder: HtmlElement, tail: bool, cuts: TextCuts) -> Sequence[str]:
    """The text nodes of ``text``, the holder's tail (``tail``) or its own text."""
    at = cuts.get((holder, tail)) if cuts else None
    if not at or text is None:
        return (text or "",)
    bounds = [0, *at, len(text)]
    return [text[start:end] for start, end in pairwise(bounds)]
