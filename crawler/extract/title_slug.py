"""A title chosen by the words of the page's address: its last path segment names the story
("/how-to-start-an-llc"), and a metadata title that shares clearly more of those words than the
heading (or than the first metadata title) is the one the page is published under."""

from __future__ import annotations

import re
from operator import itemgetter
from urllib.parse import urlsplit

from crawler.extract.meta import squash

_SLUG_MARGIN = 0.3  # how much better a metadata title must match the URL's words than a heading
_SLUG_WORD_RE = re.compile(r"[a-z0-9]+")
_EXTENSION_RE = re.compile(r"\.[a-z0-9]+$")


def slug_choice(heading: str, titles: list[str], url: str) -> str | None:
    """The metadata title whose words the URL's last path segment shares clearly more of than
    the heading's ("/how-to-start-an-llc" between "Form your LLC today" and "How to Start an
    LLC"); None when a metadata title states the heading as it is, or the URL has no words."""
    key = squash(heading)
    slug = _slug_words(url)
    if not titles or not slug or any(squash(title) == key for title in titles):
        return None
    return _clearly_closer(heading, titles, slug)


def slug_closer(text: str, titles: list[str], url: str) -> str | None:
    """The title of ``titles`` that the URL's last path segment shares clearly more words with
    than ``text``; None when there is none."""
    return _clearly_closer(text, titles, _slug_words(url))


def _clearly_closer(text: str, titles: list[str], slug: frozenset[str]) -> str | None:
    """The title sharing the most of the slug's words, when it shares ``_SLUG_MARGIN`` more of
    them than ``text`` does."""
    share, best = max(((_slug_share(title, slug), title) for title in titles), key=itemgetter(0))
    return best if share >= _slug_share(text, slug) + _SLUG_MARGIN else None


def _slug_words(url: str) -> frozenset[str]:
    """The words of the URL's last path segment, file extension left out."""
    segment = urlsplit(url).path.rstrip("/").rpartition("/")[2].lower()
    return frozenset(_SLUG_WORD_RE.findall(_EXTENSION_RE.sub("", segment)))


def _slug_share(text: str, slug: frozenset[str]) -> float:
    """The share of words that a text and the URL's words have in common."""
    words = frozenset(_SLUG_WORD_RE.findall(text.lower()))
    return len(words & slug) / max(len(words | slug), 1)
