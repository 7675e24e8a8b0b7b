"""Per-source, per-pass caps (articles, listing pages, child sitemaps), counted in one place.

A ``crawl`` counts in its spider (:class:`LocalBudget`); distributed workers share a count per
source and pass in Redis, so the caps hold however many workers take part.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from config import CrawlConfig, SourceConfig

ARTICLES, PAGES, SITEMAPS = "articles", "pages", "sitemaps"


class Budget(Protocol):
    """Hands out the units of a source's caps for one pass."""

    def take(self, kind: str) -> bool:
        """Use one unit of ``kind``; False once the cap is reached."""
        ...


def limits(source: SourceConfig, crawl: CrawlConfig) -> dict[str, int]:
    """The caps of ``source``: articles, listing pages after the first, child sitemaps."""
    return {
        ARTICLES: crawl.max_articles_per_source,
        PAGES: source.max_pages - 1,
        SITEMAPS: crawl.max_child_sitemaps,
    }


class LocalBudget:
    """Counts in this process: one spider runs the whole source."""

    def __init__(self, caps: dict[str, int]) -> None:
        self.caps = caps
        self.used: dict[str, int] = {}

    def take(self, kind: str) -> bool:
        """Use one unit of ``kind``; False once the cap is reached."""
        if self.used.get(kind, 0) >= self.caps[kind]:
            return False
        self.used[kind] = self.used.get(kind, 0) + 1
        return True
