"""The parts of a heading that stand as elements of their own.

A heading can join its headline with a kicker in an element above it ("Get that tech stack"),
or with a source link and a comment count after it ("(latimes.com) 87"): each part is a whole
element, with no text of the heading's own beside it. Text the heading writes around an element
("Results for “<span>cameras</span>”") makes that element a word of its headline, not a part.
A badge is such a part before the heading's own text: a short first element ("<span>原创</span>",
"<span>Exclusive</span>").
A heading's text reads a line break as a space ("Legacy<br>of" is "Legacy of") and leaves out a
permalink mark at its end ("Setup¶").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crawler.extract.meta import norm

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lxml.html import HtmlElement

_MAX_BADGE = 6  # characters of a badge before a heading ("原创", "独家")
_MAX_WORD_BADGE = 2, 16  # words and characters of one in Latin letters ("Exclusive", "Watch")
_MARK_CHARS = 2  # a heading's permalink mark ("¶", "#") is a symbol or two


def parts_apart(heading: HtmlElement) -> Iterator[HtmlElement]:
    """The elements inside the heading, in document order, beside which neither the heading
    nor any element between them writes text of its own."""
    for inner in heading.iterdescendants():
        if isinstance(inner.tag, str) and _set_apart(inner, heading):
            yield inner


def _set_apart(inner: HtmlElement, heading: HtmlElement) -> bool:
    """Tell whether only whole elements sit beside ``inner`` up to the heading."""
    parent = inner.getparent()
    while parent is not None:
        if (parent.text or "").strip() or any((child.tail or "").strip() for child in parent):
            return False
        if parent is heading:
            return True
        parent = parent.getparent()
    return True


def after_badge(heading: HtmlElement, headline: str) -> str | None:
    """The heading's ``headline`` less a badge: a short first child element before any text of
    the heading's own ("<h1><span>原创</span>标题</h1>" reads "标题"); None without one."""
    badge = heading[0] if len(heading) and not (heading.text or "").strip() else None
    if badge is None or not isinstance(badge.tag, str):
        return None
    label = norm(badge.text_content())
    if not label or not _short(label) or not headline.startswith(label):
        return None
    return headline[len(label) :].strip()


def _short(label: str) -> bool:
    """Tell whether a label is short enough for a badge: a few characters, or in Latin letters
    a word or two ("Exclusive", "Breaking news")."""
    words, chars = _MAX_WORD_BADGE
    return len(label) <= _MAX_BADGE or (
        label.isascii() and len(label) <= chars and len(label.split()) <= words
    )


def heading_text(element: HtmlElement) -> str:
    """The element's text, a line break (``<br>``) counting as a space: "Legacy<br>of" reads
    "Legacy of", not "Legacyof"; less a permalink mark at its end (:func:`_unmarked`)."""
    if not len(element) or next(element.iter("br"), None) is None:
        return _unmarked(element, element.text_content())
    return _unmarked(element, "".join(_pieces(element)))


def _unmarked(element: HtmlElement, text: str) -> str:
    """``text`` less the mark of a link to the heading's own anchor at its end, a symbol
    without letters or digits ("Scoring¶", "Setup#", "Setup§": documentation generators)."""
    end = text.rstrip()
    if not end or end[-1].isalnum():
        return text
    for link in element.iter("a"):
        mark = (link.text_content() or "").strip()
        if (
            0 < len(mark) <= _MARK_CHARS
            and not any(char.isalnum() for char in mark)
            and link.get("href", "").startswith("#")
            and end.endswith(mark)
        ):
            return end[: -len(mark)]
    return text


def _pieces(element: HtmlElement) -> Iterator[str]:
    """The element's text pieces in document order (comments left out), a space for ``<br>``."""
    yield element.text or ""
    for child in element:
        if child.tag == "br":
            yield " "
        elif isinstance(child.tag, str):
            yield from _pieces(child)
        yield child.tail or ""
