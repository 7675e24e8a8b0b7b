"""The HTTP API under /api/v1: articles, stories, search, metrics, alerts, sources."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query
from starlette.requests import Request
from starlette.responses import Response

from storage.reading import StoryFilter, series_fields
from storage.shapes import alert_json, article_json
from web.archive import archive_of
from web.listing import json_bytes, listing, tagged
from web.params import decode_cursor, encode_cursor, parse_day
from web.shapes import (
    observation_json,
    series_key,
    source_json,
    story_json,
)

router = APIRouter(prefix="/api/v1", tags=["api"])
Cursor = Annotated[str | None, Query(description="next_cursor of the previous page")]
Limit = Annotated[int, Query(ge=1, le=200, description="items per page")]


def filters(
    q: Annotated[str | None, Query(description='search: words, "phrases", OR, 监管')] = None,
    source: Annotated[str | None, Query(description="source name")] = None,
    category: Annotated[str | None, Query(description="government | industry | media")] = None,
    language: Annotated[str | None, Query(description="language code, e.g. zh, en")] = None,
    entity: Annotated[str | None, Query(description="entity key (platform, company...)")] = None,
    rule: Annotated[str | None, Query(description="only stories this rule fired on")] = None,
    since: Annotated[str | None, Query(description="from this day, YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="to this day inclusive, YYYY-MM-DD")] = None,
) -> StoryFilter:
    """The list filters shared by articles, stories and search."""
    return StoryFilter(
        query=q or None,
        source=source or None,
        category=category or None,
        language=language or None,
        entity=entity or None,
        rule=rule or None,
        since=parse_day("since", since),
        until=parse_day("until", until, end=True),
    )


Filters = Annotated[StoryFilter, Depends(filters)]


@router.get("/articles", summary="Articles, newest stored first (Article JSON)")
def articles(
    request: Request, chosen: Filters, cursor: Cursor = None, limit: Limit = 50
) -> Response:
    """Stored articles passing the filters."""
    after = decode_cursor(cursor, (int,))
    with archive_of(request).read() as tx:
        rows, key = tx.reading.articles(chosen, after[0] if after else None, limit)
        items = [article_json(row) for row in rows]
    return listing(request, items, encode_cursor(None if key is None else (key,)))


@router.get("/search", summary="Full-text search of articles (the CLI's query syntax)")
def search(request: Request, chosen: Filters, cursor: Cursor = None, limit: Limit = 50) -> Response:
    """Articles matching ``q``, newest stored first."""
    if not chosen.query:
        raise HTTPException(400, 'q: give a search, e.g. q=监管 or q="micro drama" OR 短剧')
    return articles(request, chosen, cursor, limit)


@router.get("/articles/{article_id}", summary="One article (Article JSON)")
def article(request: Request, article_id: int) -> Response:
    """One stored article."""
    with archive_of(request).read() as tx:
        row = tx.articles.get(article_id)
        if row is None:
            raise HTTPException(404, f"no article {article_id}")
        return tagged(request, json_bytes(article_json(row)), "application/json")


@router.get("/stories", summary="Stories, newest first by publication time")
def stories(
    request: Request, chosen: Filters, cursor: Cursor = None, limit: Limit = 20
) -> Response:
    """Stories with a copy passing the filters, each at its newest such copy."""
    after = decode_cursor(cursor, (datetime, int))
    with archive_of(request).read() as tx:
        leads, key = tx.reading.stories(chosen, after, limit)  # type: ignore[arg-type]
        facts = tx.reading.story_facts([lead.story_id or 0 for lead in leads])
        items = [story_json(lead, lead.story, facts[lead.story_id or 0]) for lead in leads]  # type: ignore[arg-type]
    return listing(request, items, encode_cursor(key))


@router.get("/stories/{story_id}", summary="One story: copies, revisions, figures, alerts")
def story(request: Request, story_id: int) -> Response:
    """A story in full."""
    with archive_of(request).read() as tx:
        detail = tx.reading.story(story_id)
        if detail is None:
            raise HTTPException(404, f"no story {story_id}")
        body: dict[str, Any] = {
            "id": detail.story.id,
            "title": detail.story.title,
            "first_seen_at": detail.story.first_seen_at.isoformat(),
            "copies": [article_json(a) for a in detail.copies],
            "revisions": {
                str(article_id): [
                    {
                        "revision": r.revision,
                        "title": r.title,
                        "fetched_at": r.fetched_at.isoformat(),
                    }
                    for r in revs
                ]
                for article_id, revs in detail.revisions.items()
            },
            "figures": [observation_json(obs) for obs in detail.figures],
            "alerts": [alert_json(d) for a in detail.alerts for d in a.deliveries],
        }
        return tagged(request, json_bytes(body), "application/json")


@router.get("/metrics/series", summary="Metric series: (metric, entity, region, unit, ...)")
def metric_series(request: Request) -> Response:
    """Every series with its number of observations and latest figure."""
    fields = series_fields()
    series: dict[tuple[Any, ...], dict[str, Any]] = {}
    with archive_of(request).read() as tx:
        for obs in tx.reading.observations():
            key = series_key(obs, fields)
            entry = series.setdefault(tuple(key.values()), key | {"observations": 0})
            entry["observations"] += 1
            entry["latest"] = observation_json(obs)
    return listing(request, list(series.values()), None)


@router.get("/metrics/observations", summary="Metric observations (Metric observation JSON)")
def observations(
    request: Request,
    metric: Annotated[str | None, Query(description="metric key")] = None,
    cursor: Cursor = None,
    limit: Limit = 100,
) -> Response:
    """Observations in the order they were stored, paged."""
    after = decode_cursor(cursor, (int,))
    with archive_of(request).read() as tx:
        rows, key = tx.reading.observation_page(metric, after[0] if after else None, limit)
        items = [observation_json(obs) for obs in rows]
    return listing(request, items, encode_cursor(None if key is None else (key,)))


@router.get("/alerts", summary="Alert deliveries (Alert JSON)")
def alerts(
    request: Request,
    status: Annotated[str | None, Query(pattern="^(pending|delivered|failed)$")] = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Response:
    """Deliveries, newest alert first."""
    after = decode_cursor(cursor, (int, str))
    with archive_of(request).read() as tx:
        rows, key = tx.reading.deliveries(status, after, limit)  # type: ignore[arg-type]
        items = [alert_json(row) for row in rows]
    return listing(request, items, encode_cursor(key))


@router.get("/sources", summary="Sources: health, last run, counts, next run")
def sources(request: Request) -> Response:
    """Every known source."""
    archive = archive_of(request)
    with archive.read() as tx:
        runs = archive.next_runs(tx)
        items = [source_json(h, runs.get(h.source.name)) for h in tx.reading.source_health()]
    return listing(request, items, None)
