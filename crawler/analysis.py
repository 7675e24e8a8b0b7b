"""Everything computed from a page's HTML, in one job: the article, its identity, its figures.

The crawl hands each page to an analysis process once (``ExtractPipeline``); the result
carries what the dedupe, metrics and store steps need, so the reactor does no text work itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from crawler.extract import Extracted, extract_article
from crawler.fingerprint import TextIdentity, identify
from crawler.metrics import MetricDefinition, Observation, extract_observations
from crawler.metrics.entities import EntityDefinition, finder_for

# Time-zone offsets span at most 14 hours either way.
_SAME_MOMENT_IN_ANOTHER_ZONE = timedelta(hours=14)


@dataclass(frozen=True)
class TextAnalysis:
    """What dedupe and metrics need from an article's text."""

    identity: TextIdentity
    observations: list[Observation]
    mentions: dict[str, int]  # entity key -> how often the text names it


@dataclass(frozen=True)
class PageAnalysis:
    """An extracted page; ``text`` is None when the page has no article text."""

    extracted: Extracted
    published_at: datetime | None
    text: TextAnalysis | None


def analyse_text(
    text: str,
    metrics: Sequence[MetricDefinition],
    published_at: datetime | None,
    entities: Sequence[EntityDefinition] = (),
    title: str | None = None,
    region: str | None = None,
) -> TextAnalysis:
    """The text's content hash, MinHash signature and bands, its metric observations (tagged
    with the entities of the catalogue; the title, else the source's ``region``, tells which
    city 本市 means) and the entities it names."""
    observations = extract_observations(
        text, metrics, published_at=published_at, entities=entities, title=title, region=region
    )
    finder = finder_for(entities)
    mentions = finder.count(text) if finder is not None else {}
    return TextAnalysis(identify(text), observations, mentions)


def analyse_page(
    html: str,
    url: str,
    *,
    metrics: Sequence[MetricDefinition],
    entities: Sequence[EntityDefinition] = (),
    fallback_title: str | None = None,
    fallback_date: datetime | None = None,
    language_hint: str | None = None,
    boilerplate: frozenset[int] = frozenset(),
    region: str | None = None,
    fetched_at: datetime | None = None,
) -> PageAnalysis:
    """Extract the article from ``html`` and analyse its text (picklable: runs off the reactor).

    ``boilerplate``: fingerprints of the text blocks the page's source repeats (its chrome);
    ``region``: the city or province the source speaks for (what 本市 means there);
    ``fetched_at``: when the page was fetched (resolves "2 hours ago" in a byline).
    """
    extracted = extract_article(
        html,
        url,
        fallback_title=fallback_title,
        fallback_date=fallback_date,
        language_hint=language_hint,
        boilerplate=boilerplate,
        fetched_at=fetched_at,
    )
    published_at = publication_date(extracted.published_at, fallback_date)
    if not extracted.text.strip():
        return PageAnalysis(extracted, published_at, None)
    analysis = analyse_text(
        extracted.text, metrics, published_at, entities, extracted.title, region
    )
    return PageAnalysis(extracted, published_at, analysis)


def publication_date(page: datetime | None, feed: datetime | None) -> datetime | None:
    """The page's date, unless the feed/sitemap gives the same moment with an explicit offset.

    A page often states a local time without its zone, which extraction has to guess; a feed
    or news sitemap states the zone. When the two agree to within a zone shift, trust the feed.
    Without the page's date there is none: extraction already fell back on the feed's unless
    it was implausible (before 1990, or in the future).
    """
    if page is None or feed is None:
        return page
    return feed if abs(page - feed) <= _SAME_MOMENT_IN_ANOTHER_ZONE else page
