"""Read queries of the web app: filtered story lists, one story in full, series and outbox.

A story is listed once, at the time of its newest copy that passes the filters (its *lead*):
the walk goes down the ``ix_article_dated`` index and keeps an article only when no newer
matching copy of its story exists, so keyset pages never show a story twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased, joinedload, selectinload

from storage.article_search import ArticleSearch
from storage.models import (
    Alert,
    Article,
    ArticleRevision,
    Base,
    CrawlRun,
    Delivery,
    MetricObservation,
    Source,
    Story,
)

# The fields that tell one series of a metric from another, where the schema has them.
SERIES_FIELDS = ("entity", "region", "unit", "status", "basis", "kind")
_ENTITY_COLUMNS = ("entity", "entity_key", "key")

StoryKey = tuple[datetime, int]
# A figure's article as charts and figure lists need it: no text.
_OBSERVED_ARTICLE = (
    joinedload(MetricObservation.article)
    .load_only(
        Article.url, Article.source_id, Article.language, Article.published_at,
        Article.fetched_at,
    )
    .joinedload(Article.source)
)  # fmt: skip
# Search matches counted at most: with fewer, they are all read and sorted by date.
FEW_MATCHES = 1000
# With more, a page is first read from the newest this many, and checked (see _window_holds).
RECENT_MATCHES = 2000


@dataclass(frozen=True)
class StoryFilter:
    """What a story list is narrowed to; every field is optional."""

    query: str | None = None
    source: str | None = None
    category: str | None = None
    language: str | None = None
    entity: str | None = None
    rule: str | None = None
    since: datetime | None = None
    until: datetime | None = None


@dataclass(frozen=True)
class StoryFacts:
    """What a story row shows beside its lead copy."""

    sources: list[str]
    figures: list[MetricObservation]
    rules: list[str]


@dataclass(frozen=True)
class StoryDetail:
    """One story: its copies (oldest first), their revisions, figures and alerts."""

    story: Story
    copies: list[Article]
    revisions: dict[int, list[ArticleRevision]]
    figures: list[MetricObservation]
    alerts: list[Alert]


@dataclass(frozen=True)
class SourceHealth:
    """A source with its last run, article count and the start of its failure streak."""

    source: Source
    last_run: CrawlRun | None
    articles: int


def dated(article: Any) -> ColumnElement[Any]:
    """The time an article is listed at: published, else fetched (``ix_article_dated``)."""
    return func.coalesce(article.published_at, article.fetched_at)


def entity_table_column() -> Any:
    """The article-entity table's entity column, if that table exists in this schema."""
    table = Base.metadata.tables.get("article_entity")
    if table is None or "article_id" not in table.c:
        return None
    return next((table.c[name] for name in _ENTITY_COLUMNS if name in table.c), None)


def series_fields() -> tuple[str, ...]:
    """The series fields the observation table has."""
    columns = MetricObservation.__table__.c
    return tuple(name for name in SERIES_FIELDS if name in columns)


@dataclass(frozen=True)
class _Filters:
    """A list filter as SQL conditions on an article alias."""

    filters: StoryFilter
    matching: Select[Any] | None
    few: bool
    source_id: Any
    floor: int | None = None  # many matches: only the newest ones (ids from here) are tried

    def on(self, article: Any, *, copy: bool = False) -> list[ColumnElement[bool]]:
        """The conditions on ``article``; ``copy``: a story's other copy, tested row by row."""
        found = []
        if self.matching is not None and not copy:
            # Few matches: read them all, then sort. Many: walk the date index and test each
            # article against them ("+ 0" keeps the planner from driving from the matches).
            found.append((article.id if self.few else article.id + 0).in_(self._candidates()))
            if self.floor is not None:
                found.append(article.id >= self.floor)
        if self.source_id is not None:
            found.append(article.source_id == self.source_id)
        found += _plain_conditions(article, self.filters)
        if self.matching is not None and copy:
            # One lookup per copy: an IN list here would be rebuilt for every story tested.
            column = self.matching.selected_columns[0]
            found.append(exists(self.matching.where(column == article.id)))
        return found

    def _candidates(self) -> Select[Any]:
        assert self.matching is not None
        if self.floor is None:
            return self.matching
        return self.matching.where(self.matching.selected_columns[0] >= self.floor)


class ReadingRepository:
    """Read-only queries behind the web pages, the API and the feeds."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def stories(
        self, filters: StoryFilter, after: StoryKey | None = None, limit: int = 20
    ) -> tuple[list[Article], StoryKey | None]:
        """Lead copies of the newest stories passing ``filters``, and the next page's key."""
        found = self._filters(filters)
        if found is None:
            return [], None
        rows = self._story_rows(found, after, limit)
        if found.floor is not None and not self._window_holds(found.floor, rows, limit):
            rows = self._story_rows(replace(found, floor=None), after, limit)
        leads = self._load([row.id for row in rows])
        return leads[:limit], _story_key(leads[limit - 1]) if len(leads) > limit else None

    def _story_rows(self, found: _Filters, after: StoryKey | None, limit: int) -> list[Any]:
        """(id, dated) of up to ``limit + 1`` leads, newest first."""
        lead, newer = aliased(Article, name="lead"), aliased(Article, name="newer")
        is_newer = or_(
            dated(newer) > dated(lead), and_(dated(newer) == dated(lead), newer.id > lead.id)
        )
        newer_copy = select(newer.id).where(newer.story_id == lead.story_id, is_newer)
        # Only ids go through the walk and the sort; the rows are loaded for one page after.
        statement = (
            select(lead.id, dated(lead).label("dated"))
            .where(*found.on(lead), lead.story_id.is_not(None))
            .where(~exists(newer_copy.where(*found.on(newer, copy=True))))
        )
        if after is not None:
            at, article_id = after
            statement = statement.where(
                or_(dated(lead) < at, and_(dated(lead) == at, lead.id < article_id))
            )
        ordered = statement.order_by(dated(lead).desc(), lead.id.desc()).limit(limit + 1)
        return list(self.session.execute(ordered))

    def _window_holds(self, floor: int, rows: list[Any], limit: int) -> bool:
        """True when no article below ``floor`` is as new as the page's last row.

        The page was read from the newest matches by id only; it is the true page when every
        older article (a match or not: the check is conservative) is dated before its end.
        """
        if len(rows) <= limit:
            return False
        # "+ 0": walk the few newest dates in their index, not the many ids below the floor.
        older = select(Article.id).where(dated(Article) >= rows[-1].dated, Article.id + 0 < floor)
        return self.session.scalar(older.limit(1)) is None

    def _load(self, ids: list[int]) -> list[Article]:
        """The articles ``ids`` with their stories and sources, in that order."""
        query = select(Article).where(Article.id.in_(ids))
        query = query.options(joinedload(Article.story), joinedload(Article.source))
        by_id = {article.id: article for article in self.session.scalars(query)}
        return [by_id[i] for i in ids]

    def articles(
        self, filters: StoryFilter, after: int | None = None, limit: int = 50
    ) -> tuple[list[Article], int | None]:
        """Articles passing ``filters``, newest stored first, and the next page's key."""
        found = self._filters(filters)
        if found is None:
            return [], None
        statement = select(Article.id).where(*found.on(Article))
        if after is not None:
            statement = statement.where(Article.id < after)
        ids = self.session.scalars(statement.order_by(Article.id.desc()).limit(limit + 1))
        rows = self._load(list(ids))
        return rows[:limit], rows[limit - 1].id if len(rows) > limit else None

    def _filters(self, filters: StoryFilter) -> _Filters | None:
        """The filters as conditions on any article alias (None: nothing can match)."""
        matching = None
        if filters.query:
            matching = ArticleSearch(self.session).matching_ids(filters.query)
            if matching is None:
                return None
        few = matching is not None and self._few(matching)
        source_id = None
        if filters.source:
            source_id = select(Source.id).where(Source.name == filters.source).scalar_subquery()
        floor = self._floor(matching) if matching is not None and not few else None
        return _Filters(filters, matching, few, source_id, floor)

    def _floor(self, matching: Select[Any]) -> int | None:
        """The lowest id among the ``RECENT_MATCHES`` newest matches (the index yields them
        newest first, so this reads no more than that many)."""
        column = matching.selected_columns[0]
        newest = matching.order_by(column.desc()).limit(RECENT_MATCHES).subquery()
        lowest = self.session.scalar(select(func.min(newest.c[0])))
        return None if lowest is None else int(lowest)

    def _few(self, matching: Select[Any]) -> bool:
        """True when ``matching`` has few enough ids to read them all and sort them."""
        counted = select(func.count()).select_from(matching.limit(FEW_MATCHES).subquery())
        return int(self.session.scalar(counted) or 0) < FEW_MATCHES

    def story_facts(self, story_ids: Sequence[int]) -> dict[int, StoryFacts]:
        """Sources, figures and matched rules of each story in ``story_ids``."""
        ids = list(story_ids)
        sources: dict[int, list[str]] = {i: [] for i in ids}
        named = select(Article.story_id, Source.name).join(Source).where(Article.story_id.in_(ids))
        for story_id, name in self.session.execute(named.distinct().order_by(Source.name)):
            sources[story_id or 0].append(name)
        figures: dict[int, list[MetricObservation]] = {i: [] for i in ids}
        observed = select(MetricObservation).where(MetricObservation.story_id.in_(ids))
        for figure in self.session.scalars(observed.order_by(MetricObservation.id)):
            figures[figure.story_id].append(figure)
        rules: dict[int, list[str]] = {i: [] for i in ids}
        fired = select(Alert.story_id, Alert.rule).where(Alert.story_id.in_(ids)).distinct()
        for story_id, rule in self.session.execute(fired.order_by(Alert.rule)):
            rules[story_id or 0].append(rule)
        return {i: StoryFacts(sources[i], figures[i], rules[i]) for i in ids}

    def story(self, story_id: int) -> StoryDetail | None:
        """Story ``story_id`` with everything its page shows."""
        story = self.session.get(Story, story_id)
        if story is None:
            return None
        copies = select(Article).where(Article.story_id == story_id)
        copies = copies.options(joinedload(Article.source)).order_by(dated(Article), Article.id)
        articles = list(self.session.scalars(copies))
        revisions: dict[int, list[ArticleRevision]] = {a.id: [] for a in articles}
        revised = select(ArticleRevision).where(ArticleRevision.article_id.in_(list(revisions)))
        for revision in self.session.scalars(revised.order_by(ArticleRevision.revision)):
            revisions[revision.article_id].append(revision)
        return StoryDetail(
            story, articles, revisions, self._figures(story_id), self._alerts(story_id)
        )

    def _figures(self, story_id: int) -> list[MetricObservation]:
        query = select(MetricObservation).where(MetricObservation.story_id == story_id)
        query = query.options(joinedload(MetricObservation.article).joinedload(Article.source))
        return list(self.session.scalars(query.order_by(MetricObservation.id)))

    def _alerts(self, story_id: int) -> list[Alert]:
        query = select(Alert).where(Alert.story_id == story_id)
        query = query.options(selectinload(Alert.deliveries))
        return list(self.session.scalars(query.order_by(Alert.id)))

    def observations(self, metric: str | None = None) -> list[MetricObservation]:
        """Observations (of ``metric``, or all) by metric, period and report time."""
        query: Select[Any] = select(MetricObservation)
        if metric is not None:
            query = query.where(MetricObservation.metric == metric)
        query = query.options(_OBSERVED_ARTICLE)
        order = (MetricObservation.metric, MetricObservation.period, MetricObservation.observed_at)
        return list(self.session.scalars(query.order_by(*order, MetricObservation.id)))

    def observation_page(
        self, metric: str | None = None, after: int | None = None, limit: int = 100
    ) -> tuple[list[MetricObservation], int | None]:
        """Observations (of ``metric``, or all) in stored order, and the next page's key."""
        query: Select[Any] = select(MetricObservation)
        if metric is not None:
            query = query.where(MetricObservation.metric == metric)
        if after is not None:
            query = query.where(MetricObservation.id > after)
        query = query.options(_OBSERVED_ARTICLE)
        rows = list(self.session.scalars(query.order_by(MetricObservation.id).limit(limit + 1)))
        return rows[:limit], rows[limit - 1].id if len(rows) > limit else None

    def deliveries(
        self, status: str | None = None, after: tuple[int, str] | None = None, limit: int = 50
    ) -> tuple[list[Delivery], tuple[int, str] | None]:
        """Deliveries with their alerts, newest alert first, and the next page's key."""
        query = select(Delivery).options(joinedload(Delivery.alert))
        if status is not None:
            query = query.where(Delivery.status == status)
        if after is not None:
            alert_id, delivery_id = after
            query = query.where(
                or_(
                    Delivery.alert_id < alert_id,
                    and_(Delivery.alert_id == alert_id, Delivery.id > delivery_id),
                )
            )
        query = query.order_by(Delivery.alert_id.desc(), Delivery.id).limit(limit + 1)
        rows = list(self.session.scalars(query))
        last = rows[limit - 1] if len(rows) > limit else None
        return rows[:limit], (last.alert_id, last.id) if last else None

    def delivery(self, delivery_id: str) -> Delivery | None:
        """One delivery with its alert."""
        query = select(Delivery).options(joinedload(Delivery.alert))
        return self.session.scalars(query.where(Delivery.id == delivery_id)).first()

    def source_health(self) -> list[SourceHealth]:
        """Every known source with its last run and article count, by name."""
        counted = select(Article.source_id, func.count()).group_by(Article.source_id)
        counts = {source_id: n for source_id, n in self.session.execute(counted)}
        latest = select(func.max(CrawlRun.id)).group_by(CrawlRun.source_id)
        runs = {
            run.source_id: run
            for run in self.session.scalars(select(CrawlRun).where(CrawlRun.id.in_(latest)))
        }
        sources = self.session.scalars(select(Source).order_by(Source.name))
        return [SourceHealth(s, runs.get(s.id), int(counts.get(s.id, 0))) for s in sources]

    def choices(self) -> dict[str, list[str]]:
        """The values the list filters offer: sources, categories, languages, entities, rules."""
        found = {
            "source": self._distinct(Source.name),
            "category": self._distinct(Source.category),
            "language": self._distinct(Article.language),
            "rule": self._distinct(Alert.rule),
            "entity": [],
        }
        column = entity_table_column()
        if column is not None:
            found["entity"] = self._distinct(column)
        elif "entity" in MetricObservation.__table__.c:
            found["entity"] = self._distinct(MetricObservation.__table__.c.entity)
        return found

    def _distinct(self, column: Any) -> list[str]:
        query = select(column).where(column.is_not(None)).distinct().order_by(column)
        return [str(value) for value in self.session.scalars(query)]


def _plain_conditions(article: Any, filters: StoryFilter) -> list[ColumnElement[bool]]:
    """Conditions on the article's own columns and its entity and rule links."""
    found: list[ColumnElement[bool]] = []
    if filters.category:
        found.append(article.category == filters.category)
    if filters.language:
        found.append(article.language == filters.language)
    if filters.since is not None:
        found.append(dated(article) >= filters.since)
    if filters.until is not None:
        found.append(dated(article) < filters.until)
    if filters.rule:
        fired = select(Alert.story_id).where(Alert.rule == filters.rule)
        found.append(article.story_id.in_(fired))
    if filters.entity:
        found.append(_entity_condition(article, filters.entity))
    return found


def _entity_condition(article: Any, entity: str) -> ColumnElement[bool]:
    """Articles tagged with ``entity``, or stories with a figure about it."""
    column = entity_table_column()
    if column is not None:
        tagged = select(column.table.c.article_id).where(column == entity)
        return article.id.in_(tagged)  # type: ignore[no-any-return]
    columns = MetricObservation.__table__.c
    if "entity" in columns:
        about = select(columns.story_id).where(columns.entity == entity)
        return article.story_id.in_(about)  # type: ignore[no-any-return]
    return and_(article.id.is_(None), article.id.is_not(None))  # no entities recorded: none


def _story_key(article: Article) -> StoryKey:
    return (article.published_at or article.fetched_at, article.id)
