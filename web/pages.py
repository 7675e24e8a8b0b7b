"""The HTML pages: stories, one story, metrics, alerts (with retry) and sources."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, HTTPException
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from storage import Article, Story
from storage.models import utcnow
from storage.reading import StoryFacts
from web.archive import archive_of
from web.diff import side_by_side
from web.metrics_view import metric_charts
from web.params import decode_cursor, encode_cursor, story_filter
from web.security import CSRF_FIELD, csrf_ok

STORIES_PER_PAGE = 20
DELIVERIES_PER_PAGE = 50
FILTERS = ("q", "source", "category", "language", "entity", "since", "until")
STATUSES = ("failed", "pending", "delivered")

router = APIRouter(include_in_schema=False)


@dataclass(frozen=True)
class StoryRow:
    """A story in the list: its lead copy and what is known about it."""

    lead: Article
    story: Story
    facts: StoryFacts


def _page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    return request.app.state.renderer.page(request, name, context, status)  # type: ignore[no-any-return]


@router.get("/", response_class=HTMLResponse)
def stories(request: Request) -> HTMLResponse:
    """The newest stories, filtered and searched."""
    params = dict(request.query_params)
    filters = story_filter(params)
    after = decode_cursor(params.get("after"), (datetime, int))
    archive = archive_of(request)
    with archive.read() as tx:
        leads, next_key = tx.reading.stories(filters, after, STORIES_PER_PAGE)  # type: ignore[arg-type]
        facts = tx.reading.story_facts([lead.story_id or 0 for lead in leads])
        rows = [StoryRow(lead, lead.story, facts[lead.story_id or 0]) for lead in leads]  # type: ignore[arg-type]
        kept = {name: params[name] for name in FILTERS if params.get(name)}
        return _page(request, "stories.html", {
            "rows": rows, "filters": kept, "choices": archive.choices(tx),
            "next": encode_cursor(next_key), "first_page": after is None,
        })  # fmt: skip


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: int) -> HTMLResponse:
    """One story: copies, text, revisions with diffs, figures, alerts and deliveries."""
    with archive_of(request).read() as tx:
        detail = tx.reading.story(story_id)
        if detail is None:
            raise HTTPException(404, f"no story {story_id}")
        diffs = {
            article_id: [
                (older, newer, side_by_side(older.text, newer.text))
                for older, newer in itertools.pairwise(revs)
            ]
            for article_id, revs in detail.revisions.items()
        }
        lead = detail.copies[-1] if detail.copies else None
        return _page(request, "story.html", {"detail": detail, "lead": lead, "diffs": diffs})


@router.get("/metrics", response_class=HTMLResponse)
def metrics(request: Request) -> HTMLResponse:
    """One chart per metric (and unit), one line per series."""
    metric = request.query_params.get("metric") or None
    with archive_of(request).read() as tx:
        observations = tx.reading.observations(metric)
        charts = metric_charts(observations)
        return _page(request, "metrics.html", {"charts": charts, "metric": metric})


@router.get("/alerts", response_class=HTMLResponse)
def alerts(request: Request) -> HTMLResponse:
    """Deliveries with their state; failed ones can be retried."""
    status = request.query_params.get("status") or None
    if status is not None and status not in STATUSES:
        raise HTTPException(400, f"status: {status!r} is not one of {', '.join(STATUSES)}")
    after = decode_cursor(request.query_params.get("after"), (int, str))
    with archive_of(request).read() as tx:
        rows, next_key = tx.reading.deliveries(status, after, DELIVERIES_PER_PAGE)  # type: ignore[arg-type]
        counts = tx.alerts.delivery_counts()
        return _page(request, "alerts.html", {
            "rows": rows, "status": status, "counts": counts, "statuses": STATUSES,
            "next": encode_cursor(next_key), "retried": request.query_params.get("retried"),
        })  # fmt: skip


@router.post("/alerts/{delivery_id}/retry")
async def retry(request: Request, delivery_id: str) -> Response:
    """Make a failed delivery pending again: the next dispatch sends it."""
    form = parse_qs((await request.body()).decode("utf-8", "replace"))
    if not csrf_ok(request, form.get(CSRF_FIELD, [""])[0]):
        raise HTTPException(403, "this form has expired or came from another site; reload the page")
    retried = await run_in_threadpool(_retry, request, delivery_id)
    if not retried:
        raise HTTPException(409, f"delivery {delivery_id} is not failed (or does not exist)")
    back = (form.get("back") or ["/alerts"])[0]
    back = back if back.startswith("/") and not back.startswith("//") else "/alerts"
    separator = "&" if "?" in back else "?"
    return RedirectResponse(f"{back}{separator}retried={delivery_id}", status_code=303)


def _retry(request: Request, delivery_id: str) -> bool:
    with archive_of(request).store.transaction(write=True) as tx:
        delivery = tx.reading.delivery(delivery_id)
        if delivery is None or delivery.status != "failed":
            return False
        tx.alerts.retry([delivery_id], now=utcnow())
        tx.commit()
        return True


@router.get("/sources", response_class=HTMLResponse)
def sources(request: Request) -> HTMLResponse:
    """Every source's health, last run, counts, last error and next run."""
    archive = archive_of(request)
    with archive.read() as tx:
        health = tx.reading.source_health()
        return _page(request, "sources.html", {
            "health": health, "next_runs": archive.next_runs(tx), "daemon": archive.daemon(tx),
        })  # fmt: skip
