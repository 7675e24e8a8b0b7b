"""Article or not: section fronts, listings and collections are not stored as articles.

A page that declares itself an article (``og:type`` article, a schema.org Article type) is one
unless it also declares a collection. Otherwise it must carry prose: at least
``min_sentences`` sentences in paragraphs of some length, and links must not make up most of
its text. A three-sentence notice passes; a list of headlines does not.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from lxml.html import HtmlElement


class KindSettings(Protocol):
    """The thresholds :func:`is_article` reads."""

    @property
    def min_sentences(self) -> int: ...  # an undeclared page needs this many sentences

    @property
    def max_link_share(self) -> float: ...  # ... and less than this share of text in links


_ARTICLE_TYPE_RE = re.compile(
    r'"@type"\s*:\s*(?:\[[^\]]*)?"(?:\w*Article|BlogPosting|LiveBlogPosting|Report)"'
)
_LIST_TYPE_RE = re.compile(
    r'"@type"\s*:\s*(?:\[[^\]]*)?"(?:CollectionPage|ItemList|SearchResultsPage)"'
)
_SENTENCE_RE = re.compile(r"[.!?。！？][\"'”’)）]?(?:\s|$)")
_CJK_RE = re.compile(r"[\u3400-\u9fff]")
_MIN_UNITS = 8  # words (two CJK characters count as one) for a paragraph to count as prose


def declared_article(html: str, meta: dict[str, str]) -> bool | None:
    """True/False when the page's metadata says article/collection, None when silent."""
    if _LIST_TYPE_RE.search(html) and not _ARTICLE_TYPE_RE.search(html):
        return False
    if meta.get("og:type", "").lower() == "article" or _ARTICLE_TYPE_RE.search(html):
        return True
    return None


def sentences(text: str) -> int:
    """Sentence ends in the text's paragraphs of at least a few words."""
    return sum(len(_SENTENCE_RE.findall(p)) for p in text.split("\n") if _units(p) >= _MIN_UNITS)


def link_share(root: HtmlElement) -> float:
    """Share of the body's text that sits in links."""
    body = root.find("body")
    body = root if body is None else body
    total = _length(body.text_content())
    linked = sum(_length(a.text_content()) for a in body.iter("a"))
    return linked / total if total else 1.0


def is_article(declared: bool | None, text: str, links: float, settings: KindSettings) -> bool:
    """The page's own declaration, else prose enough and not mostly links."""
    if declared is not None:
        return declared
    return sentences(text) >= settings.min_sentences and links < settings.max_link_share


def _units(paragraph: str) -> float:
    return len(_CJK_RE.findall(paragraph)) / 2 + len(_CJK_RE.sub(" ", paragraph).split())


def _length(text: str) -> int:
    return len("".join(text.split()))
