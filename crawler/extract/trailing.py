"""An article beside a list of other articles, told from a listing with an introduction.

A short story or notice often ends in a box of related headlines ("More news", "相关文件"), or
stands beside a column of them: a list as large as a listing's. Its list *trails* the story
when the page's heading names the story (it stands in the ``<title>`` and has a few words, not
a section's one or two), a date stands near it, and the box holding the list and the block
holding the heading and some prose are separate branches under their common ancestor, the box
before or after (or the box and the heading with the blocks of prose that follow it there: a
story's heading, date and body often stand side by side): a listing's introduction and its
list share one block, or its heading stands alone above them, and it bears no date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crawler.extract.date_parse import ANY_DATE_RE
from crawler.extract.listing import units
from crawler.extract.meta import squash

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_HEADLINE_UNITS = 3  # words (two CJK characters count as one) of a story's heading
_PROSE_UNITS = 8  # words beside the heading in its block: some prose, not a bare heading
_DATE_SPAN = 300  # characters around the heading searched for the story's date


def trailing_box(root: HtmlElement, box: HtmlElement | None) -> HtmlElement | None:
    """The block holding the list under ``box`` when it stands beside the story the page's
    heading names, outside the story's block; None when it does not."""
    heading = next(root.iter("h1"), None)
    if box is None or heading is None or not _names_story(root, heading):
        return None
    story, tail = _branches(heading, box)
    if story is None or tail is None:
        return None
    text, named = _story_text(story, heading, tail), heading.text_content()
    if units(text) - units(named) < _PROSE_UNITS:
        return None
    at = max(text.find(named), 0)
    near = text[max(at - _DATE_SPAN, 0) : at + len(named) + _DATE_SPAN]
    return tail if ANY_DATE_RE.search(near) else None


def drop_related(paragraphs: list[str], related: str) -> list[str]:
    """The paragraphs less the run at their end that the trailing box holds (``related``: its
    squashed text); all of them when the box would take every one."""
    end = len(paragraphs)
    while end and (key := squash(paragraphs[end - 1])) and key in related:
        end -= 1
    return paragraphs[:end] if end else paragraphs


def missed_story(root: HtmlElement, paragraphs: list[str], related: str) -> HtmlElement | None:
    """The block of the story the page's heading names when the text read (``paragraphs``) is
    all in the box that trails it (``related``: the box's squashed text): a brief beside a rail
    of longer teasers, which a pass took for the page's text. That block is the largest around
    the heading holding none of the paragraphs; None when one stands outside the box, or when
    the heading alone holds none."""
    keys = [key for paragraph in paragraphs if (key := squash(paragraph))]
    heading = next(root.iter("h1"), None)
    if not keys or heading is None or any(key not in related for key in keys):
        return None
    story = None
    for block in [heading, *heading.iterancestors()]:
        text = squash(block.text_content())
        if any(key in text for key in keys):
            break
        story = block
    return None if story is heading else story


def _names_story(root: HtmlElement, heading: HtmlElement) -> bool:
    """The heading has a few words and stands in the page's ``<title>``."""
    text = heading.text_content()
    title = root.findtext(".//title") or ""
    return units(text) >= _HEADLINE_UNITS and squash(text) in squash(title)


def _branches(
    heading: HtmlElement, box: HtmlElement
) -> tuple[HtmlElement | None, HtmlElement | None]:
    """The children of the common ancestor of ``heading`` and ``box`` holding each (None when
    one holds the other)."""
    chain = [heading, *heading.iterancestors()]
    above = {id(el): at for at, el in enumerate(chain)}
    tail: HtmlElement | None = None
    for el in [box, *box.iterancestors()]:
        if id(el) in above:
            at = above[id(el)]
            return (chain[at - 1] if at else None), tail
        tail = el
    return None, None


def _order(el: HtmlElement) -> int:
    """The element's place among its siblings."""
    parent = el.getparent()
    return 0 if parent is None else parent.index(el)


def _story_text(story: HtmlElement, heading: HtmlElement, tail: HtmlElement) -> str:
    """The text of the story's branch; when that is the bare heading, of the heading and the
    blocks after it up to the box, if the box follows (a story's heading, date and body stand
    side by side)."""
    if story is not heading:
        return str(story.text_content())
    parent = heading.getparent()
    if parent is None:
        return str(heading.text_content())
    start, end = _order(heading), _order(tail)
    run = parent[start:end] if start < end else parent[start:]
    return "".join([str(el.text_content()) for el in run])
