"""Gather the facts rules need from the store, evaluate the rules and queue their alerts."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from alerts.outbox import record_alerts
from alerts.records import ArticleFacts, MetricFacts, ObservationFacts, SourceFacts, Verdict
from alerts.rules import evaluate, previous_observation
from storage import SeriesTags
from storage.models import utcnow

if TYPE_CHECKING:
    from config.schema import Config
    from storage import IngestResult, Store, Transaction
    from storage.models import Article, MetricObservation, Source

logger = logging.getLogger(__name__)


def article_facts(
    article: Article,
    *,
    previous_text: str | None = None,
    entities: frozenset[str] = frozenset(),
    raised: frozenset[str] = frozenset(),
    later_copy: bool = False,
) -> ArticleFacts:
    """What keyword rules see of a stored article (``entities``: the ones it names;
    ``raised``: the dedupe keys of the alerts its story held before; ``later_copy``: it joined
    a story stored before it)."""
    return ArticleFacts(
        article_id=article.id,
        story_id=article.story_id,
        url=article.url,
        source=article.source.name,
        category=article.category,
        language=article.language,
        title=article.title,
        text=article.text,
        previous_text=previous_text,
        source_id=article.source_id,
        entities=entities,
        raised=raised,
        later_copy=later_copy,
    )


def observation_facts(observation: MetricObservation) -> ObservationFacts:
    """A stored observation with its article's URL, source and title."""
    article = observation.article
    return ObservationFacts(
        id=observation.id,
        metric=observation.metric,
        value=observation.value,
        unit=observation.unit,
        kind=observation.kind,
        period=observation.period,
        quote=observation.quote,
        observed_at=observation.observed_at,
        story_id=observation.story_id,
        article_id=observation.article_id,
        url=article.url,
        entity=observation.entity,
        region=observation.region,
        status=observation.status,
        basis=observation.basis,
        source=article.source.name,
        title=article.title,
    )


def previous_text(tx: Transaction, article: Article) -> str | None:
    """Title and text of the revision before the article's current one."""
    for revision in tx.articles.revisions(article.id):
        if revision.revision == article.revision - 1:
            return f"{revision.title or ''}\n{revision.text}"
    return None


def metric_events(
    tx: Transaction, observations: Sequence[MetricObservation], before_id: int | None = None
) -> list[MetricFacts]:
    """Each new observation paired with the previous figure of its series."""
    if not observations:
        return []
    # Figures stored together (one article's 2023 and 2024 values) are not each other's past.
    before = before_id if before_id is not None else min(o.id for o in observations)
    events = []
    for observation in observations:
        stored = tx.metrics.earlier(
            observation.metric,
            observation.unit,
            observation.kind,
            before,
            period=observation.period,
            story_id=observation.story_id,
            series=SeriesTags.of(observation),
        )
        new = observation_facts(observation)
        previous, comparison = previous_observation(new, map(observation_facts, stored))
        events.append(MetricFacts(new, previous, comparison))
    return events


def article_verdicts(
    tx: Transaction, config: Config, facts: ArticleFacts, observations: Sequence[MetricObservation]
) -> list[Verdict]:
    """Every rule's verdict on an article and its new observations."""
    verdicts = evaluate(config.rules, facts)
    if any(rule.kind == "metric_change" for rule in config.rules):
        for event in metric_events(tx, observations):
            verdicts += evaluate(config.rules, event)
    return verdicts


def alert_on_article(
    tx: Transaction,
    config: Config,
    result: IngestResult,
    observations: Sequence[MetricObservation] = (),
) -> list[int]:
    """Evaluate the rules on a just-stored article; queue alerts in the same transaction."""
    if not config.rules or result.status not in ("new", "revision"):
        return []
    article = tx.articles.get(result.article_id)
    if article is None:
        return []
    earlier = previous_text(tx, article) if result.status == "revision" else None
    named = frozenset(tx.mentions.of_article(article.id))
    joined_story = None if result.new_story else article.story_id  # a story stored before it
    # The story's alerts so far (a new story has none).
    raised = tx.alerts.keys_of_story(joined_story) if joined_story is not None else frozenset()
    later_copy = result.status == "new" and joined_story is not None
    facts = article_facts(
        article, previous_text=earlier, entities=named, raised=raised, later_copy=later_copy
    )
    verdicts = article_verdicts(tx, config, facts, observations)
    return record_alerts(tx, config, (v.draft for v in verdicts if v.fired and v.draft))


def copy_facts(tx: Transaction, article: Article, url: str, source: Source) -> ArticleFacts:
    """An exact copy of ``article`` seen at ``url`` from another source, as that source's copy
    of the story (``raised``: every alert its story holds)."""
    named = frozenset(tx.mentions.of_article(article.id))
    raised = tx.alerts.keys_of_story(article.story_id) if article.story_id else frozenset()
    facts = article_facts(article, entities=named, raised=raised, later_copy=True)
    return replace(
        facts, url=url, source=source.name, category=source.category, source_id=source.id
    )


def alert_on_copy(
    tx: Transaction, config: Config, result: IngestResult, url: str, source: Source
) -> list[int]:
    """Evaluate keyword rules on a body stored before under another source's article: a
    regulator's notice whose text a news outlet carried verbatim and was crawled first
    raises the story's alert when no earlier copy did."""
    if not any(rule.kind == "keyword" for rule in config.rules):
        return []
    article = tx.articles.get(result.article_id)
    if article is None or article.source_id == source.id:
        return []  # the same source's text: judged when the article was stored
    verdicts = evaluate(config.rules, copy_facts(tx, article, url, source))
    return record_alerts(tx, config, (v.draft for v in verdicts if v.fired and v.draft))


def source_facts(tx: Transaction, source: Source, now: datetime) -> SourceFacts:
    """A source's health counters and the start of its current failure streak."""
    streak = tx.alerts.failure_streak(source) if source.consecutive_failures else None
    return SourceFacts(
        source_id=source.id,
        name=source.name,
        url=source.url,
        now=now,
        consecutive_failures=source.consecutive_failures,
        failing_since=streak.started_at if streak else None,
        failing_run_id=streak.id if streak else None,
        last_new_article_at=source.last_new_article_at,
        watched_since=tx.alerts.first_run_at(source),
    )


def alert_on_sources(store: Store, config: Config, *, now: datetime | None = None) -> list[int]:
    """Evaluate source-health rules after a pass; queue their alerts (one per outage)."""
    rules = [rule for rule in config.rules if rule.kind == "source_health"]
    watched = {source.name for source in config.sources if source.enabled}
    if not rules or not watched:
        return []
    now = now or utcnow()
    with store.transaction(write=True) as tx:  # it reads, then writes: a writer from its start
        drafts = []
        for source in tx.alerts.sources():
            if source.name in watched:
                verdicts = evaluate(rules, source_facts(tx, source, now))
                drafts += [v.draft for v in verdicts if v.fired and v.draft]
        created = record_alerts(tx, config, drafts, now=now)
        tx.commit()
    return created
