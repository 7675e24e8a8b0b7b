"""Atom and JSON feeds of stories: for any search, per rule and per source."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from starlette.requests import Request
from starlette.responses import Response

from storage import Article
from storage.reading import StoryFilter
from web.archive import archive_of
from web.feedformat import Entry, FeedInfo, atom, json_feed
from web.listing import json_bytes, tagged
from web.params import story_filter
from web.render import safe_href

FEED_SIZE = 50
FORMATS = {"atom": "application/atom+xml; charset=utf-8", "json": "application/feed+json"}
TAG = "tag:dramawatch,2025"

router = APIRouter(prefix="/feeds", tags=["feeds"])


@router.get("/search.{fmt}", summary="Stories matching a search (q and the list filters)")
def search_feed(request: Request, fmt: str) -> Response:
    """A feed of the stories a search finds, e.g. /feeds/search.atom?q=监管."""
    filters = story_filter(dict(request.query_params))
    described = " ".join(f"{k}={v}" for k, v in request.query_params.items() if k != "token")
    return _feed(request, fmt, filters, f"dramawatch: {described or 'all stories'}")


@router.get("/rules/{name}.{fmt}", summary="Stories an alert rule fired on")
def rule_feed(request: Request, name: str, fmt: str) -> Response:
    """A feed of the stories rule ``name`` fired on."""
    filters = story_filter(dict(request.query_params), rule=name)
    return _feed(request, fmt, filters, f"dramawatch: rule {name}")


@router.get("/sources/{name}.{fmt}", summary="Stories with a copy from one source")
def source_feed(request: Request, name: str, fmt: str) -> Response:
    """A feed of the stories source ``name`` carried."""
    filters = story_filter(dict(request.query_params), source=name)
    return _feed(request, fmt, filters, f"dramawatch: source {name}")


def _feed(request: Request, fmt: str, filters: StoryFilter, title: str) -> Response:
    if fmt not in FORMATS:
        raise HTTPException(404, f"feeds come as .atom or .json, not .{fmt}")
    with archive_of(request).read() as tx:
        leads, _ = tx.reading.stories(filters, None, FEED_SIZE)
        facts = tx.reading.story_facts([lead.story_id or 0 for lead in leads])
        entries = [_entry(request, lead, facts[lead.story_id or 0].rules) for lead in leads]
    self_url = str(request.url.remove_query_params("token"))
    path = request.url.path.rsplit(".", 1)[0]
    info = FeedInfo(f"{TAG}:feed{path}?{request.url.remove_query_params('token').query}",
                    title, self_url, str(request.base_url))  # fmt: skip
    body = atom(info, entries) if fmt == "atom" else json_bytes(json_feed(info, entries))
    return tagged(request, body, FORMATS[fmt])


def _entry(request: Request, lead: Article, rules: list[str]) -> Entry:
    story = lead.story
    assert story is not None
    page = f"{request.base_url}stories/{story.id}"
    return Entry(
        id=f"{TAG}:story/{story.id}", title=story.title or lead.title or "(untitled)",
        link=safe_href(lead.url) or page, updated=max(story.updated_at, lead.updated_at),
        published=lead.published_at, summary=(lead.text or "")[:400],
        author=lead.source.name, tags=tuple(rules),
    )  # fmt: skip
