"""JSON shapes of stored objects: the contract's Article, Metric observation and Alert JSON."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from storage import Article, MetricObservation, Story
from storage.periods import granularity
from storage.reading import SERIES_FIELDS, SourceHealth, StoryFacts
from storage.shapes import article_json, iso

CONTRACT_FIGURE_FIELDS = ("entity", "region", "status", "basis")


def observation_json(obs: MetricObservation) -> dict[str, Any]:
    """A figure as the contract's Metric observation JSON (plus its story and source)."""
    row: dict[str, Any] = {
        "id": obs.id,
        "metric": obs.metric,
        "value": obs.value,
        "unit": obs.unit,
        "period": obs.period,
        "article_url": obs.article.url,
        "quote": obs.quote,
    }
    for name in (*CONTRACT_FIGURE_FIELDS, "kind", "qualifier"):
        row[name] = getattr(obs, name, None)
    row |= {"story_id": obs.story_id, "source": obs.article.source.name}
    return row | {"observed_at": iso(obs.observed_at)}


def series_key(obs: MetricObservation, fields: tuple[str, ...]) -> dict[str, Any]:
    """The series an observation belongs to: the metric, its series fields and the length of
    its period (a half-year is a series apart from the years)."""
    key = {"metric": obs.metric} | {name: getattr(obs, name, None) for name in fields}
    return key | {"granularity": granularity(obs.period)}


def story_json(lead: Article, story: Story, facts: StoryFacts) -> dict[str, Any]:
    """A story: its lead copy, copy count, sources, figures and matched rules."""
    return {
        "id": story.id,
        "title": story.title or lead.title,
        "copies": story.article_count,
        "first_seen_at": iso(story.first_seen_at),
        "updated_at": iso(story.updated_at),
        "published_at": iso(lead.published_at),
        "sources": facts.sources,
        "rules": facts.rules,
        "lead": article_json(lead, with_text=False),
        "figures": [_figure(obs) for obs in facts.figures],
    }


def _figure(obs: MetricObservation) -> dict[str, Any]:
    row = {"metric": obs.metric, "value": obs.value, "unit": obs.unit, "period": obs.period}
    return row | {name: getattr(obs, name, None) for name in SERIES_FIELDS if name not in row}


def source_json(health: SourceHealth, next_run: datetime | None) -> dict[str, Any]:
    """A source with its health, last run, article count and next scheduled run."""
    source, run = health.source, health.last_run
    errors = (run.errors or {}).get("items", []) if run else []
    last_error = (run.error or (errors[-1].get("error") if errors else None)) if run else None
    return {
        "source": source.name,
        "kind": source.kind,
        "category": source.category,
        "url": source.url,
        "articles": health.articles,
        "ok": run.ok if run else None,
        "status": run.status if run else None,
        "last_run_at": iso(run.finished_at) if run else None,
        "fetched": run.fetched if run else 0,
        "kept": run.kept if run else 0,
        "new": run.new if run else 0,
        "consecutive_failures": source.consecutive_failures,
        "last_success_at": iso(source.last_success_at),
        "last_error": last_error,
        "warnings": list(run.warnings or ()) if run else [],
        "next_run_at": iso(next_run),
    }
