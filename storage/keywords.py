"""Keyword matching: Latin terms on word boundaries with spelling variants, CJK as substrings.

Shared by the topic filter (crawler) and keyword rules (alerts); CJK terms and texts are
compared in Simplified, so a Traditional text matches a Simplified keyword and back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from storage.cjk import HAN_RE, fold_chinese

# "micro-drama", "micro drama" and "microdrama" are one term: a separator may be any of these.
_SEPARATOR = r"[\s\-\u2010-\u2015_]?"


class KeywordMatcher:
    """Tells which keywords a text mentions."""

    def __init__(self, keywords: Iterable[str]) -> None:
        self.keywords = tuple(dict.fromkeys(k.strip() for k in keywords if k.strip()))
        self._cjk = tuple(fold_chinese(k) for k in self.keywords if HAN_RE.search(k))
        latin = [k for k in self.keywords if not HAN_RE.search(k)]
        self._latin = _latin_pattern(latin) if latin else None

    def matches(self, text: str) -> list[str]:
        """The keywords found in ``text`` (Latin ones as written in the text)."""
        found = [m.group(0) for m in self._latin.finditer(text)] if self._latin else []
        if self._cjk:
            folded = fold_chinese(text)
            found += [term for term in self._cjk if term in folded]
        return list(dict.fromkeys(found))

    def __call__(self, text: str) -> bool:
        """True when ``text`` mentions any keyword."""
        if self._latin and self._latin.search(text):
            return True
        return bool(self._cjk) and any(term in fold_chinese(text) for term in self._cjk)


def _latin_pattern(terms: list[str]) -> re.Pattern[str]:
    variants = sorted({_variant(term) for term in terms}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(variants) + r")(?![\w-])", re.IGNORECASE)


def _variant(term: str) -> str:
    words = re.split(r"[\s\-_]+", term.strip())
    # A trailing "s" is optional so that "micro-dramas" matches "micro-drama".
    return _SEPARATOR.join(re.escape(word) for word in words) + "s?"
