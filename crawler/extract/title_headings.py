"""The page's headings: headings and headline-classed elements that may show its title."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit

from crawler.extract.dates import split_trailing_date
from crawler.extract.heading_parts import heading_text
from crawler.extract.meta import norm, squash
from crawler.extract.site_name import links_home, links_self

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lxml.html import HtmlElement

HEADING_TAGS = ("h1", "h2")
_NAMED_TAGS = ("h3", "div", "p", "td", "span", "strong")
# id/class of an article headline (not a widget or column title): "detail_title", "artTitle"...
ARTICLE_TITLE_NAME_RE = re.compile(
    r"(?i)(?:detail|article|art|news|content|con|post|entry|story|headline)[-_]?tit|"
    r"tit(?:le)?[-_]?(?:detail|article|art|news|content|con|post|entry|main)|"
    r"(?<![a-z])subject(?![a-z])"  # a board's post: "subject", "view-subject" (not "subjects")
)
# A class naming a subtitle ("subtitle", "sub-title"): the headline's deck, never the headline.
_SUBTITLE_RE = re.compile(r"sub[-_]?title")
MAX_TITLE = 300  # characters: a longer heading or bold paragraph is no headline
_LINKED_SHARE = 0.5  # a heading with this share of its text in links is mostly a link


class Heading(NamedTuple):
    """A heading or headline-classed element, its text read once."""

    element: HtmlElement
    text: str  # whitespace collapsed, a line break counting as a space
    headline: str  # ... less a trailing date ("Title   2025-12-07")
    linked: bool = False  # mostly a link to another page (:func:`_linked`)


def page_headings(root: HtmlElement, site: str, url: str) -> list[Heading]:
    """Headings and headline-classed elements that are short, do not name the site and are not
    its logo (a link to its home page); each marked when mostly a link to another page than
    ``url`` (a permalink around the page's own headline, a forum topic's, is none)."""
    key = squash(site)
    host = urlsplit(url).hostname or ""
    found = []
    for el in heading_candidates(root):
        content = heading_text(el)
        text = norm(content)
        if 2 <= len(text) <= MAX_TITLE and not (key and squash(text) in key):
            heading = Heading(el, text, norm(split_trailing_date(content)[0]))
            if not is_linked(heading):
                found.append(heading)
            elif not links_home(el, host):
                found.append(heading._replace(linked=not links_self(el, url)))
    return found


def heading_candidates(root: HtmlElement) -> Iterator[HtmlElement]:
    """Elements inside ``<body>``, in document order, that may show the headline: headings, and
    elements whose class holds "title" (not as "subtitle"), "headline" or the word "subject" (a
    board's post; any case), or whose id holds "title"."""
    for body in root.iter("body"):
        for el in body.iterdescendants(*HEADING_TAGS, *_NAMED_TAGS):
            if (
                el.tag in HEADING_TAGS
                or (
                    (names := el.get("class"))
                    and (
                        (
                            "title" in (low := names.lower())
                            and ("sub" not in low or "title" in _SUBTITLE_RE.sub("", low))
                        )
                        or "headline" in low
                        or ("subject" in low and ARTICLE_TITLE_NAME_RE.search(low) is not None)
                    )
                )
                or ((ident := el.get("id")) and "title" in ident.lower())
            ):  # the tests inline: a call for each element costs more than the walk
                yield el


def is_linked(heading: Heading) -> bool:
    """Mostly a link (a headline in a list, or a permalink around the article's own title)."""
    linked = sum(len(norm(a.text_content())) for a in heading.element.iterdescendants("a"))
    return linked >= _LINKED_SHARE * len(heading.text)
