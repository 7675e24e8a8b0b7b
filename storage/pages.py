"""The page_state repository: what the crawler remembers of each fetched URL.

``tx.pages`` holds, per URL, the HTTP validators of its last 200 answer (ETag /
Last-Modified, for conditional GET) and the hash of its body (so an unchanged article page
costs no extraction), plus the last full body of each feed, listing and sitemap
(``page_snapshot``), which a 304 is read from.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, bindparam, select
from sqlalchemy.orm import Session

from storage.models import PageSnapshot, PageState, utcnow
from storage.upsert import upsert


@dataclass(frozen=True)
class Validators:
    """A URL's HTTP validators from its last 200 answer."""

    etag: str | None
    last_modified: str | None


@dataclass(frozen=True)
class Snapshot:
    """A stored page body and its Content-Type."""

    content_type: str | None
    body: bytes


# Built once: asked before every request of a crawl and for every fetched article page.
_PAGES = cast(Table, PageState.__table__)
_BODY_HASH = select(_PAGES.c.body_hash).where(_PAGES.c.url == bindparam("url"))
_VALIDATORS = select(_PAGES.c.etag, _PAGES.c.last_modified).where(_PAGES.c.url == bindparam("url"))
_VALIDATORS_WITH_SNAPSHOT = _VALIDATORS.join_from(
    _PAGES, cast(Table, PageSnapshot.__table__), PageSnapshot.url == _PAGES.c.url
)


class PageRepository:
    """Validators and body hash per URL, and the snapshots of feeds, listings and sitemaps."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def body_hash(self, url: str) -> str | None:
        """The hash of ``url``'s body when it was last fetched."""
        return self.session.connection().scalar(_BODY_HASH, {"url": url})

    def record(
        self, url: str, *, etag: str | None, last_modified: str | None, body_hash: str | None
    ) -> None:
        """Remember what ``url`` looked like when it was last fetched."""
        values = {"url": url, "etag": etag, "last_modified": last_modified}
        upsert(self.session, PageState, values | {"body_hash": body_hash, "checked_at": utcnow()})

    def validators(self, url: str, *, with_snapshot: bool = False) -> Validators | None:
        """``url``'s validators, if any (and, with ``with_snapshot``, only if a body is kept)."""
        query = _VALIDATORS_WITH_SNAPSHOT if with_snapshot else _VALIDATORS
        row = self.session.connection().execute(query, {"url": url}).first()
        if row is None or not (row.etag or row.last_modified):
            return None
        return Validators(row.etag, row.last_modified)

    def remember(self, url: str, validators: Validators) -> None:
        """Store ``url``'s validators, keeping its body hash."""
        values = {"url": url, "etag": validators.etag, "last_modified": validators.last_modified}
        upsert(self.session, PageState, {**values, "checked_at": utcnow()}, keep={"body_hash"})

    def save_snapshot(self, url: str, validators: Validators, snapshot: Snapshot) -> None:
        """Store a listing's validators and its body, which a later 304 is read from."""
        self.remember(url, validators)
        values = {"url": url, "content_type": snapshot.content_type, "saved_at": utcnow()}
        upsert(self.session, PageSnapshot, {**values, "body": zlib.compress(snapshot.body, 6)})

    def snapshot(self, url: str) -> Snapshot | None:
        """The stored body of ``url``."""
        row = self.session.get(PageSnapshot, url)
        return None if row is None else Snapshot(row.content_type, zlib.decompress(row.body))
