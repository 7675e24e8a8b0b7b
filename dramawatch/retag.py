"""Re-tag the archive's figures: run metric extraction again over every stored article.

Figures stored before entity, region, status and basis were read (or by an older extractor)
are replaced, story by story, with what the current extractor and entity catalogue find in the
same text; each article's entity mentions are refreshed too. A story whose figures come out the
same is left as it is, so a second run changes nothing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from crawler.metrics import extract_observations, finder_for

if TYPE_CHECKING:
    from config import Config
    from storage import Store
    from storage.models import Article

STORIES_PER_TRANSACTION = 200


@dataclass
class RetagReport:
    """What a re-tag did: articles read, stories and how many changed, figures before/after."""

    articles: int = 0
    stories: int = 0
    stories_changed: int = 0
    figures_before: int = 0
    figures_after: int = 0


def retag(store: Store, config: Config) -> RetagReport:
    """Re-extract the figures of every stored story; commit every few hundred stories."""
    report, last = RetagReport(), 0
    while True:
        with store.transaction(write=True) as tx:
            stories = tx.metrics.stories_after(last, STORIES_PER_TRANSACTION)
            for articles in stories:
                found = [(a.id, _figures(a, config)) for a in articles]
                counts = tx.metrics.replace_story(articles[0].story_id or 0, found)
                _count(report, len(articles), *counts)
                _refresh_mentions(tx, articles, config)
            tx.commit()
        if not stories:
            return report
        last = stories[-1][0].story_id or 0


def _figures(article: Article, config: Config) -> list[dict[str, Any]]:
    """The article's figures as the store step writes them."""
    observed_at = article.published_at or article.fetched_at
    found = extract_observations(
        article.text,
        config.metrics,
        published_at=article.published_at,
        entities=config.entities,
        title=article.title,
        region=_region(config, article.source.name),
    )
    return [asdict(o) | {"observed_at": observed_at} for o in found]


def _region(config: Config, source: str) -> str | None:
    """The city or province the source speaks for, when its configuration says."""
    return next((s.region for s in config.sources if s.name == source), None)


def _count(report: RetagReport, articles: int, before: int, after: int, changed: bool) -> None:
    report.articles += articles
    report.stories += 1
    report.stories_changed += changed
    report.figures_before += before
    report.figures_after += after


def _refresh_mentions(tx: Any, articles: list[Article], config: Config) -> None:
    finder = finder_for(config.entities)
    for article in articles:
        tx.mentions.replace(article.id, finder.count(article.text) if finder else {})
