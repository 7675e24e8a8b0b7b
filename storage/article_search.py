"""Searching the archive: full-text queries with filters, newest published first or by relevance."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, column, func, select, table, text
from sqlalchemy.orm import Session

from storage import postgres
from storage.models import Article, ArticleEntity, Source
from storage.query import ParsedQuery, fts5_any, fts5_match, parse_query, tsquery

_FTS = table("article_fts", column("rowid"), column("rank"))
_MATCH = text("article_fts MATCH :match")
_SORTED_MATCHES = 2000
"""Matches sorted by date at most; with more, the articles are walked by date instead."""
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
        self,
        query: str | None = None,
        *,
        since: datetime | None = None,
        source: str | None = None,
        limit: int = 20,
        rank: bool = False,
        stories: bool = False,
        entity: str | None = None,
    ) -> Sequence[Article]:
        """Articles matching ``query`` (all when empty), newest published first or by relevance.

        Newest first orders by publication time (the fetch time when there is none), then by
        fetch time. ``stories``: one row per story, its newest matching copy. ``entity`` keeps
        the articles that mention that entity of the catalogue.
        """
        built = self._statement(
            query, since, source, entity, limit=limit, stories=stories, rank=rank
        )
        if built is None:
            return []
        statement, score = built
        relevance = (score,) if rank and score is not None else ()
        ordered = statement.order_by(*relevance, *_newest_first())
        return self.session.scalars(ordered.limit(limit)).all()

    def count(
        self,
        query: str | None = None,
        *,
        since: datetime | None = None,
        source: str | None = None,
        stories: bool = False,
        at_most: int | None = None,
        entity: str | None = None,
    ) -> int:
        """How many articles (or stories) ``search`` would find without a limit.

        ``at_most``: stop counting there (a very common term matches much of the archive).
        """
        # rank=True: counted through the FTS join, which stops at ``at_most``.
        built = self._statement(
            query, since, source, entity, limit=_CANDIDATES, stories=stories, rank=True
        )
        if built is None:
            return 0
        rows = built[0] if at_most is None else built[0].limit(at_most)
        counted = select(func.count()).select_from(rows.subquery())
        return int(self.session.scalar(counted) or 0)

    def _statement(
        self,
        query: str | None,
        since: datetime | None,
        source: str | None,
        entity: str | None,
        *,
        limit: int,
        stories: bool,
        rank: bool,
    ) -> tuple[Select[Any], ColumnElement[Any] | None] | None:
        """The matching articles and their relevance score (lower is better), or None: none."""
        candidates = self._candidates(since, source, entity)
        if candidates is not None and candidates.count == 0:
            return None
        statement: Select[Any] = select(Article)
        score: ColumnElement[Any] | None = None
        fts = False
        if query:
            parsed = parse_query(query)
            if parsed is None:
                return None
            # Few filtered candidates: FTS5 tests just those, whatever the order.
            joined = rank or candidates is not None
            statement, score, fts = self._match(statement, parsed, ranked=joined)
        if candidates is not None:
            statement = statement.where(candidates.restrict(fts=fts, limit=limit))
        statement = _filter(statement, since, source, entity)
        return _one_per_story(statement, score) if stories else (statement, score)

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

    def _match(
        self, statement: Select[Any], parsed: ParsedQuery, *, ranked: bool
    ) -> tuple[Select[Any], ColumnElement[Any] | None, bool]:
        """``statement`` restricted to the query's matches, a score, and whether FTS5 is joined.

        On SQLite, newest first with many matches walks the articles by date (the
        ``ix_article_dated`` index) and keeps those in the set of matching rowids, which FTS5
        reads cheaply: it stops after ``limit`` rows instead of sorting every match. Few
        matches are joined and sorted (walking by date would pass too many articles).
        """
        if postgres.is_postgres(self.session):
            literal = tsquery(parsed)
            fts = postgres.FTS_TABLE
            joined = statement.join(fts, fts.c.article_id == Article.id)
            score = -postgres.rank_expression(literal) if parsed.included else None
            return joined.where(postgres.match_clause(literal)), score, False
        match = fts5_match(parsed)
        if match is None:  # only excluded terms: everything that does not match them
            excluded = select(_FTS.c.rowid).where(
                _MATCH.bindparams(match=fts5_any(parsed.excluded))
            )
            return statement.where(Article.id.not_in(excluded)), None, False
        matching = select(_FTS.c.rowid).where(_MATCH.bindparams(match=match))
        if not ranked and self._many(matching):
            # "+ 0": the set is tested per article walked, not used to look articles up.
            return statement.where((Article.id + 0).in_(matching)), None, False
        joined = statement.join(_FTS, _FTS.c.rowid == Article.id)
        return joined.where(_MATCH.bindparams(match=match)), _FTS.c.rank, True

    def _many(self, matching: Select[Any]) -> bool:
        """More than ``_SORTED_MATCHES`` matches (counted no further)."""
        counted = select(func.count()).select_from(matching.limit(_SORTED_MATCHES + 1).subquery())
        return int(self.session.scalar(counted) or 0) > _SORTED_MATCHES

    def matching_ids(self, query: str) -> Select[Any] | None:
        """A query of the ids of the articles matching ``query``; None when it matches nothing."""
        parsed = parse_query(query)
        if parsed is None:
            return None
        if postgres.is_postgres(self.session):
            fts = postgres.FTS_TABLE
            return select(fts.c.article_id).where(postgres.match_clause(tsquery(parsed)))
        match = fts5_match(parsed)
        if match is None:  # only excluded terms: everything that does not match them
            excluded = select(_FTS.c.rowid).where(
                _MATCH.bindparams(match=fts5_any(parsed.excluded))
            )
            return select(Article.id).where(Article.id.not_in(excluded))
        return select(_FTS.c.rowid).where(_MATCH.bindparams(match=match))

    def iter_all(
        self, *, since: datetime | None = None, source: str | None = None
    ) -> Iterator[Article]:
        """Every stored article, oldest first, streamed."""
        statement = _filter(select(Article), since, source).order_by(Article.id)
        yield from self.session.scalars(statement.execution_options(yield_per=500))


def _newest_first() -> tuple[ColumnElement[Any], ...]:
    """Publication time (else fetch time), then fetch time, then id: newest first."""
    return _dated().desc(), Article.fetched_at.desc(), Article.id.desc()


def _one_per_story(
    statement: Select[Any], score: ColumnElement[Any] | None
) -> tuple[Select[Any], ColumnElement[Any] | None]:
    """One row per story, its newest matching copy, keeping the score to rank by."""
    newest = func.max(Article.id).over(partition_by=Article.story_id)
    extra = [newest.label("newest")]
    if score is not None:
        extra.append(score.label("score"))
    ranked = statement.add_columns(*extra).subquery()
    one = select(Article).join(ranked, ranked.c.id == Article.id)
    one = one.where(ranked.c.id == ranked.c.newest)
    return one, (ranked.c.score if score is not None else None)


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
