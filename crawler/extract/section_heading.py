"""A page's ``<h1>`` that names its section, with the article's headline in a lesser heading.

Some templates set the section's name in the ``<h1>`` ("Industry News", 省内动态) and the
story's headline below it in an ``<h2>``; the ``<title>`` then often names the section too
("Industry News - Site"), so the two agree. The ``<h1>`` is a section's name when it is short
(no headline's words) and the page shows the same words elsewhere as a link or another heading
(the menu, a sidebar box's heading); the headline is then the first heading after it that reads
as one and has a date in the line below it (or, as newsrooms set it, in the line above it),
with no more than a line of text between the two (a hub page's ``<h1>`` names its topic above
an introduction and the dated stories after it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crawler.extract.date_parse import ANY_DATE_RE
from crawler.extract.meta import norm

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from lxml.html import HtmlElement

_NAMING_TAGS = ("a", "h2", "h3", "h4", "h5", "h6")
_DATE_CHARS = 120  # how much of the line below a headline may hold its date
_GAP_CHARS = 200  # text between the section's name and the headline: a line at most


def headline_below(
    h1: HtmlElement,
    text: str,
    headings: Sequence[HtmlElement],
    is_headline: Callable[[str], bool],
) -> HtmlElement | None:
    """The heading among ``headings`` (in document order) that shows the story's headline below
    an ``<h1>`` whose ``text`` names its section; None when the ``<h1>`` reads as a headline
    (``is_headline``) or the page names the section nowhere else."""
    if h1.tag != "h1" or is_headline(text) or not _named_elsewhere(h1, text):
        return None
    after = False
    for heading in headings:
        if heading is h1:
            after = True
        elif after and is_headline(norm(heading.text_content())) and _dated_beside(heading):
            return heading if _text_between(h1, heading) <= _GAP_CHARS else None
    return None


def _named_elsewhere(h1: HtmlElement, text: str) -> bool:
    """Tell whether a link or another heading outside the ``<h1>`` shows its words."""
    inside = set(h1.iter())
    root = h1.getroottree().getroot()
    return any(
        el not in inside and norm(el.text_content()) == text for el in root.iter(*_NAMING_TAGS)
    )


def _dated_beside(heading: HtmlElement) -> bool:
    """Tell whether the element after the heading starts with a line holding a date, or the
    elements before it in its parent end with one ("2026.06.10 PRESS RELEASE")."""
    before = [el.text_content() for el in heading.itersiblings(preceding=True)]
    above = norm(" ".join(reversed(before)))[-_DATE_CHARS:]
    return _dated_below(heading) or ANY_DATE_RE.search(above) is not None


def _dated_below(heading: HtmlElement) -> bool:
    """Tell whether the element after the heading starts with a line holding a date."""
    below = heading.getnext()
    while below is not None and not isinstance(below.tag, str):
        below = below.getnext()
    return (
        below is not None
        and ANY_DATE_RE.search(norm(below.text_content())[:_DATE_CHARS]) is not None
    )


def _text_between(first: HtmlElement, last: HtmlElement) -> int:
    """Characters of text, whitespace aside, after ``first`` ends and before ``last`` starts."""
    inside, around = set(first.iter()), set(last.iterancestors())
    count, started = len("".join((first.tail or "").split())), False
    for el in first.getroottree().getroot().iter():
        if el is last:
            break
        if started and el not in inside:
            tail = "" if el in around else el.tail or ""
            count += len("".join(((el.text or "") + tail).split()))
        started = started or el is first
    return count
