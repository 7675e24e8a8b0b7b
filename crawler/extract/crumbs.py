"""Breadcrumbs: links up to the sections the article sits in, left above its text.

A trail of section links ("Home", "Blog", "Back to Blogs") above the headline is navigation:
each line is the whole text of a link to a page above the article's own on its site (the
site's root or a prefix of the article's path). Among the text's opening short lines, such a
line goes; the first long paragraph ends the opening.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from crawler.extract.meta import norm

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_OPENING = 6  # crumbs sit among the text's first this many paragraphs ...
_PROSE = 100  # ... before the first paragraph this long
_MAX_CRUMB = 60  # a longer line is a headline, not a section's name


def drop_leading_crumbs(paras: list[str], root: HtmlElement, url: str) -> list[str]:
    """The paragraphs less the opening lines that link up to the article's sections (never
    all of them)."""
    opening = []
    for para in paras[:_OPENING]:
        if len(para) >= _PROSE:
            break
        opening.append(para)
    candidates = {p.strip() for p in opening if len(p.strip()) < _MAX_CRUMB}
    crumbs = _upward_link_texts(root, url, candidates) if candidates else set()
    if not crumbs:
        return paras
    head = [p for p in opening if p.strip() not in crumbs]
    return (head + paras[len(opening) :]) or paras


def _upward_link_texts(root: HtmlElement, url: str, texts: set[str]) -> set[str]:
    """Those of ``texts`` that are the whole text of a link to a page above ``url``."""
    page = urlsplit(url)
    path = page.path.rstrip("/")
    found = set()
    for link in root.iter("a"):
        text = norm(link.text_content())
        if text not in texts or text in found:
            continue
        target = urlsplit(urljoin(url, link.get("href") or ""))
        up = target.path.rstrip("/")
        if target.netloc == page.netloc and up != path and path.startswith(up + "/"):
            found.add(text)
    return found
