"""The article repository: ingest with exact/near-duplicate/revision handling."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import cast

from sqlalchemy import Table, bindparam, func, insert, select, text
from sqlalchemy.orm import Session

from storage import postgres
from storage.cjk import index_text
from storage.models import (
    Article,
    ArticleRevision,
    ArticleUrl,
    Source,
    Story,
    StoryBand,
    utcnow,
)
from storage.records import ArticleRecord, IngestResult, StoryCandidate

SameStory = Callable[[bytes, bytes], bool]
MAX_CANDIDATES = 50  # the most-shared-bands candidates verified per new article

# The crawl's hottest statements, built once and run on the session's connection (no ORM
# unit of work): one new article costs about a dozen of them.
_A, _URL, _BAND, _STORY, _REVISION = (
    cast(Table, model.__table__)
    for model in (Article, ArticleUrl, StoryBand, Story, ArticleRevision)
)
_ARTICLE_KEYS = (_A.c.id, _A.c.content_hash, _A.c.story_id, _A.c.revision)
_BY_URL = (
    select(*_ARTICLE_KEYS).join(_URL, _URL.c.article_id == _A.c.id)
    .where(_URL.c.url.in_(bindparam("urls", expanding=True))).limit(1)
)  # fmt: skip
_BY_HASH = select(*_ARTICLE_KEYS).where(_A.c.content_hash == bindparam("hash")).limit(1)
_KNOWN_URLS = select(_URL.c.url).where(_URL.c.url.in_(bindparam("urls", expanding=True)))
# The stored articles sharing the most bands (ties: oldest story, then article), aggregated
# on the covering band index before any article row is read.
_SHARED = func.count().label("shared")
_BEST = (
    select(_BAND.c.article_id, _BAND.c.story_id, _SHARED)
    .where(_BAND.c.band_hash.in_(bindparam("bands", expanding=True)))
    .group_by(_BAND.c.article_id, _BAND.c.story_id)
    .order_by(_SHARED.desc(), _BAND.c.story_id, _BAND.c.article_id)
    .limit(MAX_CANDIDATES)
    .subquery()
)
_CANDIDATES = (
    select(_BEST.c.article_id, _BEST.c.story_id, _A.c.signature)
    .join(_A, _A.c.id == _BEST.c.article_id)
    .where(_A.c.signature.is_not(None))
    .order_by(_BEST.c.shared.desc(), _BEST.c.story_id, _BEST.c.article_id)
)
_NEW_ARTICLE = insert(_A).returning(_A.c.id)
_NEW_STORY = insert(_STORY).returning(_STORY.c.id)
_NEW_URL = insert(_URL)
_NEW_REVISION = insert(_REVISION)
_NEW_BAND = insert(_BAND)
_FTS_INSERT = text("INSERT INTO article_fts(rowid, title, body) VALUES (:id, :title, :body)")
_FTS_DELETE = text("DELETE FROM article_fts WHERE rowid = :id")


class ArticleRepository:
    """Articles, the URLs they were seen under, their revisions and their stories."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def ingest(self, record: ArticleRecord, source: Source, same_story: SameStory) -> IngestResult:
        """Store ``record``: new article, duplicate of a stored body, revision or unchanged."""
        urls = (record.url, *record.seen_urls)
        if postgres.is_postgres(self.session):
            # Whoever could create or join the same article or story waits here (SQLite's
            # BEGIN IMMEDIATE serialises every writer instead).
            postgres.lock_keys(self.session, (*urls, record.content_hash, *record.bands))
        connection = self.session.connection()
        known = connection.execute(_BY_URL, {"urls": list(urls)}).first()
        if known is not None:
            self._add_urls(known.id, urls, source)
            if known.content_hash == record.content_hash:
                return IngestResult("unchanged", known.id, known.story_id, known.revision)
            return self._revise(self.session.get_one(Article, known.id), record)
        copy = connection.execute(_BY_HASH, {"hash": record.content_hash}).first()
        if copy is not None:
            self._add_urls(copy.id, urls, source)
            return IngestResult("duplicate", copy.id, copy.story_id, copy.revision)
        return self._insert(record, source, same_story)

    def find_by_urls(self, urls: Sequence[str]) -> Article | None:
        """The article seen under any of ``urls``."""
        found = self.session.connection().execute(_BY_URL, {"urls": list(urls)}).first()
        return None if found is None else self.session.get(Article, found.id)

    def seen_at(self, urls: Sequence[str]) -> ArticleUrl | None:
        """The record of one of ``urls``: its article, the source that saw it and when."""
        query = select(ArticleUrl).where(ArticleUrl.url.in_(list(urls))).limit(1)
        return self.session.scalars(query).first()

    def get(self, article_id: int) -> Article | None:
        """The article with this id."""
        return self.session.get(Article, article_id)

    def _insert(self, record: ArticleRecord, source: Source, same_story: SameStory) -> IngestResult:
        """A new article: its story, URLs, first revision, bands and search row.

        Written with plain INSERTs (no ORM objects): this is the crawl's hottest write path.
        """
        story_id, new_story = self._story_for(record, same_story)
        fields = {
            "url": record.url, "source_id": source.id, "category": record.category,
            "title": record.title, "published_at": record.published_at,
            "language": record.language, "text": record.text,
            "content_hash": record.content_hash, "signature": record.signature,
            "story_id": story_id, "fetched_at": record.fetched_at,
            "updated_at": record.fetched_at,
        }  # fmt: skip
        connection = self.session.connection()
        article_id = connection.execute(_NEW_ARTICLE, fields).scalar_one()
        # The URLs are new: ``ingest`` found none of them under the writers' lock.
        connection.execute(
            _NEW_URL,
            [{"url": url, "article_id": article_id, "source_id": source.id}
             for url in dict.fromkeys((record.url, *record.seen_urls))],
        )  # fmt: skip
        connection.execute(
            _NEW_REVISION,
            {"article_id": article_id, "revision": 1, "title": record.title,
             "text": record.text, "content_hash": record.content_hash,
             "fetched_at": record.fetched_at},
        )  # fmt: skip
        if record.bands:
            connection.execute(
                _NEW_BAND,
                [{"article_id": article_id, "band_hash": band, "story_id": story_id}
                 for band in set(record.bands)],
            )  # fmt: skip
        self._index(article_id, record.title, record.text, replace=False)
        return IngestResult("new", article_id, story_id, 1, new_story)

    def _story_for(self, record: ArticleRecord, same_story: SameStory) -> tuple[int, bool]:
        """The id of the story ``record`` joins, and whether that story is new."""
        if record.signature is not None:
            # Every candidate is verified and the oldest matching story wins, so the
            # outcome does not depend on the order candidates come back in.
            matching = [
                candidate.story_id
                for candidate in self.story_candidates(record.bands)
                if same_story(record.signature, candidate.signature)
            ]
            if matching:
                story = self.session.get_one(
                    Story, min(matching), with_for_update=True, populate_existing=True
                )  # a writer joining it through other bands waits for this one
                story.article_count += 1
                story.updated_at = utcnow()
                if self._published_first(story, record):
                    story.title = record.title or story.title
                self.session.flush()
                return story.id, False
        values = {"title": record.title, "first_seen_at": record.fetched_at}
        return self.session.connection().execute(_NEW_STORY, values).scalar_one(), True

    def _published_first(self, story: Story, record: ArticleRecord) -> bool:
        """True when ``record`` predates every stored copy: its title then names the story."""
        if record.published_at is None:
            return False
        earliest = self.session.scalar(
            select(func.min(Article.published_at)).where(Article.story_id == story.id)
        )
        return earliest is None or record.published_at < earliest

    def story_candidates(self, bands: Sequence[int]) -> list[StoryCandidate]:
        """Stored articles sharing at least one LSH band, oldest story first."""
        if not bands:
            return []
        rows = self.session.connection().execute(_CANDIDATES, {"bands": list(set(bands))})
        return [StoryCandidate(a, s, sig) for a, s, sig in rows if sig]

    def _revise(self, article: Article, record: ArticleRecord) -> IngestResult:
        article.revision += 1
        article.title = record.title or article.title
        article.text, article.content_hash = record.text, record.content_hash
        article.signature = record.signature or article.signature
        article.published_at = article.published_at or record.published_at
        article.updated_at = record.fetched_at
        self._add_revision(article)
        self._index(article.id, article.title, article.text, replace=True)
        return IngestResult("revision", article.id, article.story_id, article.revision)

    def _add_revision(self, article: Article) -> None:
        self.session.add(
            ArticleRevision(
                article_id=article.id,
                revision=article.revision,
                title=article.title,
                text=article.text,
                content_hash=article.content_hash,
                fetched_at=article.updated_at,
            )
        )
        self.session.flush()

    def _add_urls(self, article_id: int, urls: Sequence[str], source: Source) -> None:
        connection = self.session.connection()
        known = set(connection.scalars(_KNOWN_URLS, {"urls": list(set(urls))}))
        new = [u for u in dict.fromkeys(urls) if u not in known]
        if new:
            rows = [{"url": u, "article_id": article_id, "source_id": source.id} for u in new]
            connection.execute(_NEW_URL, rows)

    def _index(self, article_id: int, title: str | None, body: str, *, replace: bool) -> None:
        """Write the article's search row (``replace``: drop its previous one first)."""
        if postgres.is_postgres(self.session):
            postgres.index_article(self.session, article_id, title or "", body)
            return
        connection = self.session.connection()
        if replace:
            connection.execute(_FTS_DELETE, {"id": article_id})
        row = {"id": article_id, "title": index_text(title or ""), "body": index_text(body)}
        connection.execute(_FTS_INSERT, row)

    def revisions(self, article_id: int) -> Sequence[ArticleRevision]:
        """Every revision of an article, oldest first."""
        query = select(ArticleRevision).where(ArticleRevision.article_id == article_id)
        return self.session.scalars(query.order_by(ArticleRevision.revision)).all()

    def latest_revised(self) -> int | None:
        """The id of the most recently updated article with more than one revision."""
        query = select(Article.id).where(Article.revision > 1)
        return self.session.scalar(query.order_by(Article.updated_at.desc()).limit(1))

    def story_articles(self, story_id: int) -> Sequence[Article]:
        """Every copy of a story, first seen first."""
        query = select(Article).where(Article.story_id == story_id)
        return self.session.scalars(query.order_by(Article.fetched_at, Article.id)).all()
