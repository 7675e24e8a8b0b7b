"""Searching the archive: full-text queries with filters, newest first or by relevance."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, column, func, select, table, text
from sqlalchemy.orm import Session

from storage import postgres
from storage.cjk import fts_query
from storage.models import Article, ArticleEntity, Source

_FTS = table("article_fts", column("rowid"), column("rank"))
_CANDIDATES = 2000
"""Filtered articles counted at most: with more, the newest-first walk ends early enough."""
_PROBE_COST = 3000
"""Matches an FTS5 walk tests in the time of one FTS5 lookup by rowid (measured: 2500-4000)."""


@dataclass(frozen=True)
class _Candidates:
    """The articles that pass the filters: a query of their ids, their number and id span."""

    ids: Select[Any]
    count: int
    low: int
    high: int

    def restrict(self, *, fts: bool, limit: int) -> ColumnElement[bool]:
        """A condition that keeps every candidate and lets SQLite skip the other articles.

        Without a query, each candidate is looked up. With one, FTS5 either looks each one up
        (``_PROBE_COST`` each), or walks its matches within the candidates' id span, each
        tested against the candidates before its article row is read. That walk passes about
        ``limit * span / count`` matches before it has ``limit`` rows (all of the span's
        matches if fewer pass), so lookups win only for few candidates far apart.
        """
        if not fts:
            return Article.id.in_(self.ids)
        if self.count**2 * _PROBE_COST < limit * (self.high - self.low + 1):
            return _FTS.c.rowid.in_(self.ids)
        # "+ 0" keeps FTS5 from looking rowids up by it: a test on each match walked.
        return and_(_FTS.c.rowid.between(self.low, self.high), (_FTS.c.rowid + 0).in_(self.ids))


class ArticleSearch:
    """Read-only queries over the stored articles."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def search(
        self, query: str | None = None, *, since: datetime | None = None,
        source: str | None = None, limit: int = 20, rank: bool = False, stories: bool = False,
        entity: str | None = None,
    ) -> Sequence[Article]:  # fmt: skip
        """Articles matching ``query`` (all when empty), newest first or by relevance;
        ``entity`` keeps those that mention that entity of the catalogue."""
        statement: Select[Any] = select(Article)
        relevance: ColumnElement[Any] | None = None
        candidates = self._candidates(since, source, entity)
        if candidates is not None and candidates.count == 0:
            return []
        if query:
            matched = self._match(statement, query)
            if matched is None:
                return []
            statement, relevance = matched
        if candidates is not None:
            statement = statement.where(candidates.restrict(fts=bool(query), limit=limit))
        statement = _filter(statement, since, source, entity)
        if stories:
            # One row per story: its newest matching copy.
            newest = func.max(Article.id).over(partition_by=Article.story_id)
            ranked = statement.add_columns(newest.label("newest")).subquery()
            statement = (
                select(Article)
                .join(ranked, ranked.c.id == Article.id)
                .where(ranked.c.id == ranked.c.newest)
            )
        order = relevance if (rank and relevance is not None and not stories) else None
        order_by: tuple[ColumnElement[Any], ...] = (
            (order, Article.id.desc())
            if order is not None
            else (self._newest_first(fts_joined=relevance is not None and not stories),)
        )
        return self.session.scalars(statement.order_by(*order_by).limit(limit)).all()

    def _candidates(
        self, since: datetime | None, source: str | None, entity: str | None
    ) -> _Candidates | None:
        """On SQLite, the articles that pass the filters, if there are few.

        None when there is no filter, on PostgreSQL (its planner keeps statistics), or when
        more than ``_CANDIDATES`` pass. They are read from the ``ix_article_dated`` and
        ``ix_article_source_dated`` indexes: the source is matched by id (not by ``EXISTS``
        as in ``_filter``) so that the index can drive.
        """
        if (since is None and source is None and entity is None) or postgres.is_postgres(
            self.session
        ):
            return None
        ids = select(Article.id).correlate(None)
        if since is not None:
            ids = ids.where(_dated() >= since)
        if source is not None:
            source_id = select(Source.id).where(Source.name == source).scalar_subquery()
            ids = ids.where(Article.source_id == source_id)
        if entity is not None:
            ids = ids.where(Article.id.in_(_mentioning(entity)))
        counted = ids.limit(_CANDIDATES + 1).subquery()
        span = select(func.count(), func.min(counted.c.id), func.max(counted.c.id))
        count, low, high = self.session.execute(span).one()
        if count > _CANDIDATES:
            return None
        return _Candidates(ids, count, low or 0, high or 0)  # 0, 0: there are none

    def _newest_first(self, *, fts_joined: bool) -> ColumnElement[Any]:
        """Newest first; on SQLite, in the order FTS5 yields its rowids (= article ids).

        FTS5 walks a term's rowids in descending order itself, so with LIMIT the query stops
        after the first matches that pass the filters. Ordering by ``article.id`` instead
        makes SQLite sort every match first: seconds for a term in half of a million articles.
        """
        if fts_joined and not postgres.is_postgres(self.session):
            return _FTS.c.rowid.desc()
        return Article.id.desc()

    def _match(
        self, statement: Select[Any], query: str
    ) -> tuple[Select[Any], ColumnElement[Any]] | None:
        """``statement`` joined to the full-text index for ``query``, and a relevance order."""
        if postgres.is_postgres(self.session):
            tsquery = postgres.tsquery_literal(query)
            if tsquery is None:
                return None
            fts = postgres.FTS_TABLE
            joined = statement.join(fts, fts.c.article_id == Article.id)
            order = postgres.rank_expression(tsquery).desc()
            return joined.where(postgres.match_clause(tsquery)), order
        match = fts_query(query)
        if match is None:
            return None
        joined = statement.join(_FTS, _FTS.c.rowid == Article.id)
        return joined.where(text("article_fts MATCH :match").bindparams(match=match)), _FTS.c.rank

    def matching_ids(self, query: str) -> Select[Any] | None:
        """A query of the ids of the articles matching ``query``; None when it matches nothing."""
        if postgres.is_postgres(self.session):
            tsquery = postgres.tsquery_literal(query)
            if tsquery is None:
                return None
            fts = postgres.FTS_TABLE
            return select(fts.c.article_id).where(postgres.match_clause(tsquery))
        match = fts_query(query)
        if match is None:
            return None
        return select(_FTS.c.rowid).where(text("article_fts MATCH :match").bindparams(match=match))

    def iter_all(
        self, *, since: datetime | None = None, source: str | None = None
    ) -> Iterator[Article]:
        """Every stored article, oldest first, streamed."""
        statement = _filter(select(Article), since, source).order_by(Article.id)
        yield from self.session.scalars(statement.execution_options(yield_per=500))


def _dated() -> ColumnElement[Any]:
    """The date ``since`` applies to (indexed as ``ix_article_dated``)."""
    return func.coalesce(Article.published_at, Article.fetched_at)


def _mentioning(entity: str) -> Select[Any]:
    """Ids of the articles that mention ``entity``."""
    return select(ArticleEntity.article_id).where(ArticleEntity.entity == entity)


def _filter(
    statement: Select[Any], since: datetime | None, source: str | None, entity: str | None = None
) -> Select[Any]:
    if since is not None:
        statement = statement.where(_dated() >= since)
    if source is not None:
        statement = statement.where(Article.source.has(Source.name == source))
    if entity is not None:
        statement = statement.where(Article.id.in_(_mentioning(entity)))
    return statement
