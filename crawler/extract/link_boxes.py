"""Boxes of other pages' links under a "More from ..." heading, wherever they sit.

A "Related stories" or "More from Forbes" box between two paragraphs holds its heading and
headline links, nothing else: a widget, never the article, even mid-text where a trailing
"Related" cut does not reach it. A box with any words of its own beside its links stays.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from crawler.extract.meta import norm, squashed_len, text_len

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# Headings after which the rest of the text is chrome (when they sit in the text's last part).
CUT_HEADING_RE = re.compile(
    r"""(?ix)^[\W_]*(?:
      related(?:\ (?:stories|articles|news|links|content|posts|coverage|topics))?|more\ from\b.*
    | (?:search\ for\ )?related\ information(?:\ by\ keywords?)?
    | you\ (?:may|might)\ also\ like|recommended(?:\ for\ you)?
    | most\ (?:read|popular|viewed)(?:\ (?:from|on|in)\ \S.{0,30})?
    | (?:read|see)\ (?:also|more)|also\ read|faqs?|frequently\ asked\ questions|comments?
    | (?:comments?|discussion)\ \(\d+\)
    | sign\ in|application\ status|inquiry\ status|trending(?:\ now)?|popular\ (?:stories|posts)
    | (?:visual|web|top|more|latest|other)\ stories|up\ next|explore\ more
    | editor'?s'?\ picks
    | cite\ this(?:\ \w+)?|(?:recent|latest|more|other)\ (?:episodes|posts)
    | 相关链接|相关新闻|相关阅读|相关文章|相关稿件|推荐阅读|延伸阅读|热点新闻|热门文章|猜你喜欢
    | (?:更多回答|其他回答|全部评论|热门评论|最新评论|网友评论)(?:\ ?\d+)?
    )[\W_]*$""",
)
_HEADING_TAGS = "h2 h3 h4 h5 h6 p span strong b div header".split()
_MAX_HEADING = 300  # characters: a first child holding more is a block of the page, no heading
_HEADING_TAG_SET = frozenset(_HEADING_TAGS)
_OWN_TEXT = 0.1  # the box's text outside its heading and links is at most this share


def drop_link_boxes(root: HtmlElement) -> None:
    """Remove in place each box that is a cut heading followed by links only."""
    for box, heading in headed_boxes(root):
        if box.getparent() is not None and _is_link_box(box, heading):
            box.drop_tree()


def headed_boxes(root: HtmlElement) -> list[tuple[HtmlElement, str]]:
    """The ``<div>`` and ``<section>`` elements whose first child element is one of
    ``_HEADING_TAGS`` holding at most ``_MAX_HEADING`` characters, with that child's text, in
    document order (a walk reading the text of those first children only, faster than the
    XPath ``(//div|//section)[*[1][self::h2 or ...][string-length(.) <= 300]]``).

    The walk goes backwards, inner boxes first: a first child holding an element found longer
    is longer too, and a wrapper's wrappers are not read again (nested wrappers of the whole
    page would each read it)."""
    boxes: list[tuple[HtmlElement, str]] = []
    longer: set[HtmlElement] = set()  # elements holding more than _MAX_HEADING characters
    for box in reversed(list(root.iter("div", "section"))):
        first = next(box.iterchildren("*"), None)
        if first is None or first.tag not in _HEADING_TAG_SET or first in longer:
            continue
        if len(heading := first.text_content()) <= _MAX_HEADING:
            boxes.append((box, heading))
            continue
        holder: HtmlElement | None = first
        while holder is not None and holder not in longer:  # up to where an earlier climb went
            longer.add(holder)
            holder = holder.getparent()
    return boxes[::-1]


def _is_link_box(box: HtmlElement, title: str) -> bool:
    """A cut heading first (its text ``title``, read by :func:`headed_boxes`: removing boxes
    before this one leaves it), then at least one link, and next to no text besides."""
    if (box.text or "").strip() or not CUT_HEADING_RE.match(norm(title)):
        return False
    heading = next(box.iterchildren("*"))
    rest = text_len(box) - squashed_len(title)
    linked = sum(
        text_len(a)
        for child in box.iterchildren("*")
        if child is not heading
        for a in child.iter("a")
    )
    return linked > 0 and rest - linked <= _OWN_TEXT * rest
