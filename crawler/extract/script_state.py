"""The article a single-page app ships in its script state rather than in its markup.

Vue, React and Next.js pages serialise their store into a script: ``window.__INITIAL_STATE__ =
{…}`` or ``<script id="__NEXT_DATA__" type="application/json">{…}</script>``. A page rendered in
the browser shows only a shell (a logo, "加载中…"), or its first paragraph, until that state is
read; the article's body is then a string of HTML in the state, its title beside it. Such a body
is the article only when the page's markup yields no more than a teaser, less text than it
holds, the longest paragraph the markup yields (a sentence or more) is part of it, and most of
its text is not on the page: a page rendered on the server shows what its state holds, and a
body in the state beside another text (an author's bio beside the article) is no article. When
the markup yields no sentence to find in it, a body is the article only when its object's title
is the page's (its ``<title>`` or og:title), or, on a page titled with the site's name alone,
is a title other than that name: a site's footer beside the site's name is no article.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from lxml.html import HtmlElement, fragment_fromstring

from crawler.extract.meta import norm, squashed_len
from crawler.extract.parsing import PARSER

__all__ = ["STATE_START_RE", "StateArticle", "state_article"]

# Where a state's JSON object begins: an assignment to a ``__NAME__`` global, or a script whose
# id is one.
STATE_START_RE = re.compile(
    r"""(?:\b__[A-Z][A-Z0-9_]*__\s*=\s*|<script\b[^>]*\bid=["']__[A-Z][A-Z0-9_]*__["'][^>]*>\s*)"""
    r"""(?=\{)"""
)
_MARKUP_RE = re.compile(r"<(?:p|br|div)\b", re.IGNORECASE)
_TITLE_KEYS = frozenset({"title", "headline"})
_MAX_TITLE = 200
_MIN_TEXT = 80  # a body shorter than this (squashed) is no article
_SENTENCE = 30  # a paragraph the markup yields this long (squashed) must be in the body
_TEASER = 400  # a page whose markup yields more (squashed) shows its article
_UNSHOWN_SHARE = 0.5  # this share of the body's text missing from the page makes it the article
_DECODER = json.JSONDecoder()


@dataclass(frozen=True)
class StateArticle:
    """An article body held in a script state, and the title beside it."""

    body: HtmlElement
    title: str | None


def state_article(html: str, root: HtmlElement, found: list[str]) -> StateArticle | None:
    """The article body in the page's script state when the paragraphs ``found`` in its markup
    are a teaser holding less text, their longest (if a sentence) is part of it, and most of its
    text is not in the page's text (``root``, its scripts removed); None when no state holds
    one."""
    shown = sum(squashed_len(para) for para in found)
    if shown > _TEASER or "__" not in html:
        return None
    teaser = squashed_len(max(found, key=squashed_len, default="")) >= _SENTENCE
    best: tuple[int, str, dict[str, Any]] | None = None
    for match in STATE_START_RE.finditer(html):
        try:
            state, _ = _DECODER.raw_decode(html, match.end())
        except (ValueError, RecursionError):  # not JSON, or nested too deep to read
            continue
        for markup, owner in _markup_strings(state):
            if not teaser and not _titled_as_page(owner, root):
                continue
            if best is None or len(markup) > best[0]:
                best = (len(markup), markup, owner)
    if best is None:
        return None
    body = fragment_fromstring(best[1], create_parent="div", parser=PARSER)
    if not _holds_article(body, found, shown, norm(root.text_content())):
        return None
    return StateArticle(body, _title(best[2]))


def _markup_strings(value: Any) -> list[tuple[str, dict[str, Any]]]:
    """The strings of HTML markup in a JSON value, each with the object holding it."""
    found: list[tuple[str, dict[str, Any]]] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for child in item.values():
                if isinstance(child, str):
                    if _MARKUP_RE.search(child):
                        found.append((child, item))
                else:
                    stack.append(child)
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _holds_article(body: HtmlElement, found: list[str], shown: int, page_text: str) -> bool:
    """Tell whether the body holds an article's worth of text, more than the ``shown``
    characters of the paragraphs ``found`` in the markup, their longest sentence among it, and
    most of it missing from the page's text."""
    lines = [norm(line) for line in body.itertext()]
    total = sum(squashed_len(line) for line in lines)
    if total < _MIN_TEXT or shown >= total:
        return False
    longest = max(found, key=squashed_len, default="")
    if squashed_len(longest) >= _SENTENCE and norm(longest) not in norm(body.text_content()):
        return False
    unshown = sum(squashed_len(line) for line in lines if line and line not in page_text)
    return unshown >= _UNSHOWN_SHARE * total


def _title(owner: dict[str, Any]) -> str | None:
    """The title beside the body in its object."""
    for key, value in owner.items():
        if key.lower() in _TITLE_KEYS and isinstance(value, str):
            title = norm(value)
            if 0 < len(title) <= _MAX_TITLE:
                return title
    return None


def _titled_as_page(owner: dict[str, Any], root: HtmlElement) -> bool:
    """Tell whether the title beside a body in its object is the page's own (its ``<title>`` or
    og:title holds it) or, on a page titled only with the site's name (a link to the site's
    home or og:site_name shows it), any title but that name."""
    title = _title(owner)
    if title is None:
        return False
    key = title.casefold()
    site = {norm(el.text_content()).casefold() for el in root.iter("a") if el.get("href") == "/"}
    site.update(norm(el.get("alt") or "").casefold() for el in root.iter("img") if _logo(el))
    page: set[str] = set()
    for el in root.iter("title", "meta"):
        if el.tag == "title":
            page.add(norm(el.text_content()).casefold())
        elif el.get("property") in ("og:title", "og:site_name"):
            named = norm(el.get("content") or "").casefold()
            (page if el.get("property") == "og:title" else site).add(named)
    page.discard("")
    if key in site:
        return False
    return any(key in named for named in page) or (bool(page) and page <= site)


def _logo(img: HtmlElement) -> bool:
    """Tell whether ``img`` is the site's logo."""
    return "logo" in f"{img.get('src') or ''} {img.get('class') or ''}".lower()
