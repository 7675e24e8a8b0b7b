"""The tag line in the site's own header above the article, beside its logo and its menu.

``<header>`` stays through chrome removal because an article's header carries its title and
date. The site's header is another: a ``<header>``, or an element named "header", "masthead"
or "banner", that comes before the title element without holding it and links to the site's
home page. A blog's tag line in it, a short paragraph without links ("One viewer, too many
cliffhangers."), is no article text, and trafilatura keeps it when the post's own text sits in
no paragraph. Nor is a short paragraph of a bar above the site's header (an alert, an offer:
"Scam Alert: Our office will never call you. Learn more"), linked or not. Nor is a line of
the header, or of a bar above it, that holds a date and no link: the site's today line
("Monday, December 7, 2026", "星期六 2026年12月5日") dates the visit, not the article.
"""

from __future__ import annotations

from datetime import UTC
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from crawler.extract.chrome import name_parts
from crawler.extract.date_parse import dates_in
from crawler.extract.site_name import is_home_link

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_NAMES = frozenset("header masthead banner".split())
_PAGE_TAGS = frozenset("html body main article".split())  # "header-minify" names the page
_MAX_TAG_LINE = 150  # characters: a longer paragraph is prose, not a site's tag line
_MAX_TODAY_LINE = 60  # characters: a today line, with the weather at most


def drop_site_header(root: HtmlElement, title_el: HtmlElement | None, url: str) -> None:
    """Remove in place the short paragraphs without links (a tag line) of the site headers (see
    the module) before ``title_el``; the rest of a header stays, for trafilatura weighs it.
    Nothing goes when the title element is no longer in the tree (the headers before it are
    then unknown)."""
    if title_el is None or not any(top is root for top in title_el.iterancestors()):
        return
    headers = _site_headers(root, title_el, urlsplit(url).hostname or "")
    above = _paragraphs_before(root, headers[0]) if headers else []
    for element in headers:
        if element.getparent() is not None:
            for line in list(element.iter("p")):
                if _short(line) and next(line.iter("a"), None) is None:
                    line.drop_tree()
    for line in above:
        if _short(line):
            line.drop_tree()
    for line in _today_lines(root, headers):
        if line.getparent() is not None:  # not in a tag line dropped above
            line.drop_tree()


def _today_lines(root: HtmlElement, headers: list[HtmlElement]) -> list[HtmlElement]:
    """The elements without child elements, in the site's headers or before the first one in
    the body, whose short text states a date and holds no link: the site's today line."""
    body = root.find("body")
    if not headers or body is None:
        return []
    found: list[HtmlElement] = []
    first = headers[0]
    inside = [el for header in headers for el in header.iter()]
    before: list[HtmlElement] = []
    for element in body.iter():
        if element is first:
            break
        before.append(element)
    for element in (*before, *inside):
        if not isinstance(element.tag, str) or len(element) or element.tag == "a":
            continue
        text = element.text_content()
        if 0 < len(text.strip()) <= _MAX_TODAY_LINE and next(dates_in(text, UTC), None):
            found.append(element)
    return found


def _site_headers(root: HtmlElement, title_el: HtmlElement, host: str) -> list[HtmlElement]:
    """The headers before ``title_el``, not holding it, that link to the site's home page."""
    holding = set(title_el.iterancestors())
    found = []
    for element in root.iter():
        if element is title_el:
            break
        if element not in holding and _is_header(element) and _any_link_home(element, host):
            found.append(element)
    return found


def _any_link_home(element: HtmlElement, host: str) -> bool:
    """Tell whether any link in the element leads to the site's home page."""
    return any(is_home_link(a.get("href", "").strip(), host) for a in element.iter("a"))


def _paragraphs_before(root: HtmlElement, header: HtmlElement) -> list[HtmlElement]:
    """The paragraphs that come before ``header`` in the page and lie outside it."""
    found: list[HtmlElement] = []
    for element in root.iter("p", header.tag):
        if element is header:
            return found
        if element.tag == "p":
            found.append(element)
    return []


def _short(line: HtmlElement) -> bool:
    """Tell whether a paragraph is as short as a tag line."""
    return len(line.text_content().strip()) <= _MAX_TAG_LINE


def _is_header(element: HtmlElement) -> bool:
    """Tell whether the element is a ``<header>`` or named as a header (its id and class are
    split into their parts only when they hold a header's name)."""
    if element.tag == "header":
        return True
    if not isinstance(element.tag, str) or element.tag in _PAGE_TAGS:
        return False
    names = f"{element.get('id', '')} {element.get('class', '')}".lower()
    return any(name in names for name in _NAMES) and not _NAMES.isdisjoint(name_parts(element))
