"""Find what a site offers to follow: feeds, news sitemaps, JSON lists, listings, sitemaps."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urljoin, urlsplit

from crawler.discover.documents import Document, classify
from crawler.discover.fetch import Fetch, Fetched
from crawler.discover.pages import (
    COMMON_FEED_PATHS,
    COMMON_SITEMAP_PATHS,
    feed_links,
    json_urls,
    robots_sitemaps,
)
from crawler.discover.scripts import ScriptCall, post_calls
from crawler.spiders.links import detect_links
from crawler.spiders.listing_links import listing_selector

# Feeds are the steadiest way in, then news sitemaps (dated, titled), JSON lists (what the
# page itself shows), the listing page read by link detection, and plain sitemaps last.
_RANK = {"rss": 5.0, "news-sitemap": 4.0, "json": 3.0, "html": 2.0, "sitemap": 1.0}
_MAX_JSON_PROBES = 5
MIN_LISTING_LINKS = 3


@dataclass(frozen=True)
class Candidate:
    """One way to follow the site: kind, URL, score, why, and the config keys it needs."""

    kind: str
    url: str
    score: float
    reason: str
    options: dict[str, Any] = field(default_factory=dict)


def discover(url: str, fetch: Fetch) -> list[Candidate]:
    """Every working way to follow ``url``'s site, best first."""
    page = fetch(url)
    if not page.ok:
        return []
    document = classify(page.body, page.content_type)
    if document.kind != "html":
        itself = _candidate(page, document, "the URL itself")
        return [itself] if itself else []
    candidates = [_listing(page)]
    probes: dict[str, str] = {}
    for probe, why in [*_probes(page), *_robots_probes(page.url, fetch)]:
        probes.setdefault(probe, why)  # fetched once, named by the first way it was found
    for probe, why in probes.items():
        fetched = fetch(probe)
        if fetched.ok:
            document = classify(fetched.body, fetched.content_type)
            candidates.append(_candidate(fetched, document, why))
    candidates += [_posted(call, fetch) for call in post_calls(page.text(), page.url)]
    best = {c.url: c for c in sorted(filter(None, candidates), key=lambda c: c.score)}
    return sorted(best.values(), key=lambda c: -c.score)


def _probes(page: Fetched) -> list[tuple[str, str]]:
    html, origin = page.text(), _origin(page.url)
    probes = [(u, "declared by the page (link rel=alternate)") for u in feed_links(html, page.url)]
    probes += [(u, "named in the page's scripts") for u in json_urls(html, page.url)][
        :_MAX_JSON_PROBES
    ]
    probes += [(urljoin(origin, p), "a common feed path") for p in COMMON_FEED_PATHS]
    probes += [(urljoin(origin, p), "a common sitemap path") for p in COMMON_SITEMAP_PATHS]
    return probes


def _robots_probes(url: str, fetch: Fetch) -> list[tuple[str, str]]:
    robots = fetch(urljoin(_origin(url), "/robots.txt"))
    sitemaps = robots_sitemaps(robots.text()) if robots.ok else []
    return [(sitemap, "declared in robots.txt") for sitemap in sitemaps]


def _candidate(fetched: Fetched, document: Document, why: str) -> Candidate | None:
    if document.kind not in _RANK or (document.kind != "html" and not document.entries):
        return None
    score = _RANK[document.kind] + min(document.entries, 50) / 100
    options: dict[str, Any] = {}
    if document.json_list:
        listed = document.json_list
        options = {
            "items": listed.items,
            "item_link": listed.link,
            "item_title": listed.title,
            "item_date": listed.date,
        }
        options = {k: v for k, v in options.items() if v is not None}
    kind = "sitemap" if document.kind == "news-sitemap" else document.kind
    reason = f"{document.kind} with {document.entries} entries, {why}"
    return Candidate(kind, fetched.url, round(score, 2), reason, options)


def _posted(call: ScriptCall, fetch: Fetch) -> Candidate | None:
    """The JSON list a POST of the page's script answers with, as a json candidate."""
    data, content_type = call.payload()
    fetched = fetch(call.url, data, content_type)
    if not fetched.ok:
        return None
    document = classify(fetched.body, fetched.content_type)
    found = _candidate(fetched, document, "POSTed as the page's script does")
    if found is None or found.kind != "json":
        return None
    return replace(found, url=call.url, options={**call.options(), **found.options})


def _listing(page: Fetched) -> Candidate | None:
    detection = detect_links(listing_selector(page.text()).root, page.url)
    count = len(detection.chosen)
    if count < MIN_LISTING_LINKS:
        return None
    reason = f"html listing with {count} article links found by link detection"
    options = (
        {"link_selector": detection.suggested_selector} if detection.suggested_selector else {}
    )
    return Candidate(
        "html", page.url, round(_RANK["html"] + min(count, 50) / 100, 2), reason, options
    )


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"
