"""Widget boxes that one line gives away, wherever they stand in the article.

A sponsor's box between two paragraphs opens with its label ("Together with Example" / "Ship
faster with Example ..." / "Book a demo"; "Presented by Example"): the box is the sponsor's,
whatever its class names. A sign-up box whose form a script sends keeps the form's messages in
the page after the form is gone ("Thanks for subscribing.", "An error occurred."): only a form
says those, so the box around them is the form's widget, its pitch with it. A video player's
card between two paragraphs shows its label and running time ("VIDEO 04:12") above the clip's
title and show: a short box so labelled is the player's. A summary a machine wrote opens with
its label ("Takeaways by Example AI", "AI-generated summary"): the box is the summary, not the
story. The smallest box holding the telltale line and more goes, unless it is long (an
article's own container), holds the page's heading, or is a list's item (a listing's sponsored
card is one of its entries).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from crawler.extract.folding import fold
from crawler.extract.meta import norm, squashed_len, text_len

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_BOX_TAGS = frozenset("div section aside".split())
# Elements a telltale line stands in: one inline child at most ("<p><strong>Presented by"), a
# <div> none.
_LINE_TAGS = ("p", "span", "strong", "b", "h2", "h3", "h4", "h5", "h6", "div")
_MAX_BOX = 600  # characters (whitespace aside): a longer box holds more than a widget
_MAX_LINE = 80  # a telltale line is shorter than this
_MAX_SHOWN = 400  # ... and its element's text, whitespace and all, no longer than this
# Words that every telltale line holds in lower case: a line without any is read no further.
_WORDS = ("by", "with", "thank", "error", "wrong", "video", "summar", "takeaway", "points")
# A machine summary's label, in folded text: "takeaways by example ai", "ai-generated summary".
_MACHINE_SUMMARY = (
    r"(?:summary|takeaways|key\s+points)\s+(?:generated\s+)?by\s+(?:\S+\s+){0,2}ai\b"
    r"|\bai[-\s]+(?:generated\s+)?(?:summary|takeaways|key\s+points)"
)
# A phrase of every label and message below, after the word it holds, in the page's folded text
# (see :mod:`.folding`) with any whitespace between its words: a page whose text holds none has
# no telltale line, and its lines are not read. The word is looked for first: most pages lack it.
_PHRASES = tuple(
    (word, re.compile(phrase))
    for word, phrase in (
        ("presented", r"presented\s+by"),
        ("sponsored", r"sponsored\s+by"),
        ("brought", r"brought\s+to\s+you\s+by"),
        ("together", r"together\s+with"),
        ("partnership", r"partnership\s+with"),
        ("subscribing", r"for\s+subscribing"),
        ("signing", r"for\s+signing\s+up"),
        ("error", r"error\s+(?:has\s+)?occurr?ed"),
        ("wrong", r"went\s+wrong"),
        ("video", r"video\W*\d{1,2}:\d\d"),
        *((word, _MACHINE_SUMMARY) for word in ("summar", "takeaway", "points")),
    )
)
# A sponsor's label, opening its box: "Presented by Example", "Together with Example".
_SPONSOR_RE = re.compile(
    r"(?i)^(?:(?:presented|sponsored|brought to you) by|together with|in partnership with)"
    r"\s+\S.*$"
)
# A machine summary's label, opening its box.
_SUMMARY_RE = re.compile(f"(?i)^(?:{_MACHINE_SUMMARY})$")
# A form's messages, which its script shows after the reader sends it.
_STATUS_RE = re.compile(
    r"(?i)^(?:thanks?(?: you)? for (?:subscribing|signing up)\b.*"
    r"|(?:an error (?:has )?occurr?ed|something went wrong)\b.{0,40})$"
)
# A video player's label and running time: "VIDEO 04:12", "Video 2:31".
_VIDEO_RE = re.compile(r"(?i)^video\W*\d{1,2}:\d{2}(?::\d{2})?$")
_MAX_VIDEO_BOX = 200  # characters (whitespace aside): a longer box so labelled holds prose


def drop_telltale_boxes(root: HtmlElement, folded: str | None = None) -> bool:
    """Remove in place each box a sponsor's label opens, and each box holding a form's
    messages; tell whether any went. ``folded`` is the :func:`fold` of the text under ``root``
    when the caller read it."""
    if not _may_hold_telltale(fold(root.text_content()) if folded is None else folded):
        return False
    dropped = False
    heading = next(root.iter("h1"), None)
    for line in list(root.iter(*_LINE_TAGS)):
        if line.getparent() is None or len(line) > (line.tag != "div"):
            continue
        shown = line.text_content()
        if len(shown) > _MAX_SHOWN or not any(word in shown.lower() for word in _WORDS):
            continue
        text = norm(shown)
        if not text or len(text) >= _MAX_LINE:
            continue
        sponsor = _SPONSOR_RE.match(text) is not None or _SUMMARY_RE.match(text) is not None
        video = not sponsor and _VIDEO_RE.match(text) is not None
        if not (sponsor or video) and _STATUS_RE.match(text) is None:
            continue
        if any(ancestor.tag == "li" for ancestor in line.iterancestors()):
            continue
        box = _box_of(line, text, opens=sponsor)
        if video and box is not None and text_len(box) > _MAX_VIDEO_BOX:
            continue
        if box is not None and (heading is None or not _holds(box, heading)):
            box.drop_tree()
            dropped = True
    return dropped


def _may_hold_telltale(folded: str) -> bool:
    """Tell whether a page's folded text holds a phrase of a telltale line."""
    return any(word in folded and phrase.search(folded) for word, phrase in _PHRASES)


def _box_of(line: HtmlElement, text: str, *, opens: bool) -> HtmlElement | None:
    """The smallest box above ``line`` holding more text than it (opening with it when
    ``opens``), if that box is short; else None."""
    for box in line.iterancestors():
        if box.tag not in _BOX_TAGS:
            continue
        shown = norm(box.text_content())
        if shown == text:
            continue
        if squashed_len(shown) > _MAX_BOX or (opens and not shown.startswith(text)):
            return None
        return box if box.getparent() is not None else None
    return None


def _holds(box: HtmlElement, element: HtmlElement) -> bool:
    """Tell whether ``element`` is ``box`` or inside it."""
    return any(ancestor is box for ancestor in element.iterancestors()) or element is box
