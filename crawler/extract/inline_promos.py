"""Pointers to other stories set inside a paragraph: "Read more: <a>Headline</a>".

A site's editor may drop a labelled link to another story into the middle of a paragraph
("... on a hook," he said. Read more: <a>Netflix to Invest More in Mexico</a> "Now we do
it ..."). The label and the headline are no words of the sentence around them; a pointer that
is a line of its own is left to the line rules (``chrome_lines.py``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from crawler.extract.meta import squashed_len, text_len

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# A pointer's label, at the start of a text or after a sentence's end, closing that text.
_LABEL = r"(?:read more|also read|read also|see also|related(?: reading| story| article)?)"
_LABEL_END_RE = re.compile(rf"(?i)(?:^|(?<=[.!?”\"]\s))\s*{_LABEL}\s*[:：]\s*$")
_LABEL_RE = re.compile(rf"(?i)\s*{_LABEL}\s*[:：]\s*")
_COLONS = (":", "：")
_MAX_LABEL = 40  # characters: the label and what may stand right before it
_INLINE_TAGS = frozenset("span strong b em i".split())
_BLOCK_TAGS = frozenset("p li blockquote td dd".split())
_HEADLINE_WORDS = 3  # a link's text this many words long reads as another story's headline
_RUNNING = 30  # characters (whitespace aside) of the paragraph's own text around the pointer


def drop_inline_promos(root: HtmlElement) -> None:
    """Remove in place each labelled link to another story inside a paragraph's running text,
    with its label."""
    for link in list(root.iter("a")):
        label = _label_before(link)
        if label is None or len(link.text_content().split()) < _HEADLINE_WORDS:
            continue
        block = next((el for el in link.iterancestors() if el.tag in _BLOCK_TAGS), None)
        if block is None:
            continue
        holder, text, shown = label
        pointer = text_len(link) + squashed_len(shown)
        if text_len(block) - pointer < _RUNNING:
            continue
        if holder is link:  # the label is the text before the link in its own parent
            parent = link.getparent()
            previous = link.getprevious()
            if previous is None and parent is not None:
                parent.text = text
            elif previous is not None:
                previous.tail = text
        else:
            holder.drop_tree()
        link.drop_tree()


def _label_before(link: HtmlElement) -> tuple[HtmlElement, str, str] | None:
    """The pointer label right before ``link``, as (its holder, the text to leave in its
    place, the label): the holder is the link itself when the label ends the text before it,
    or the inline element holding only the label that stands right before it; else ``None``."""
    previous = link.getprevious()
    parent = link.getparent()
    before = previous.tail if previous is not None else parent.text if parent is not None else ""
    before = (before or "").rstrip()
    if before.endswith(_COLONS):  # the label ends the text before the link
        match = _LABEL_END_RE.search(before[-_MAX_LABEL:])
        if match:
            cut = len(before) - len(match.group())
            return link, before[:cut], match.group()
        return None
    if before or previous is None or previous.tag not in _INLINE_TAGS:
        return None
    shown = previous.text_content()
    if not shown.rstrip().endswith(_COLONS):
        return None
    return (previous, "", shown) if _LABEL_RE.fullmatch(shown) else None
