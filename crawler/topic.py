"""The topic filter's keyword matcher, one per keyword list."""

from __future__ import annotations

from functools import lru_cache

from storage.keywords import KeywordMatcher


@lru_cache(maxsize=64)
def topic_matcher(keywords: tuple[str, ...]) -> KeywordMatcher:
    """A cached matcher for a keyword tuple (one per source override)."""
    return KeywordMatcher(keywords)
