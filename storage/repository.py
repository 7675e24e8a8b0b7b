"""Repositories for sources and their runs, and for metric observations."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import String, bindparam, delete, func, select
from sqlalchemy.orm import Session, joinedload

from storage.articles import ArticleRepository
from storage.models import (
    Article,
    CrawlRun,
    MetricObservation,
    Source,
    utcnow,
)
from storage.periods import spellings, year_after
from storage.records import SECTOR, RunStats, SeriesTags

# Earlier-period figures considered per new figure: the latest few periods suffice.
EARLIER_PERIOD_CANDIDATES = 50

__all__ = [
    "ArticleRepository",
    "MetricRepository",
    "SourceRepository",
]


class SourceRepository:
    """Sources, their crawl runs and their health."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def ensure(self, name: str, kind: str, url: str, category: str) -> Source:
        """The row for a configured source, created or updated to match the config."""
        source = self.get(name)
        if source is None:
            source = Source(name=name, kind=kind, url=url, category=category)
            self.session.add(source)
        else:
            source.kind, source.url, source.category = kind, url, category
        self.session.flush()
        return source

    def get(self, name: str) -> Source | None:
        """The source called ``name``, if it was ever crawled."""
        return self.session.scalars(select(Source).where(Source.name == name)).first()

    def all(self) -> Sequence[Source]:
        """Every known source, by name."""
        return self.session.scalars(select(Source).order_by(Source.name)).all()

    def open_run(self, source: Source, started_at: datetime, owner: dict[str, Any]) -> int:
        """Store a run as begun (no ``finished_at``) by ``owner``; its id."""
        run = CrawlRun(source_id=source.id, started_at=started_at, errors={"owner": owner})
        self.session.add(run)
        self.session.flush()
        return run.id

    def unfinished_runs(self) -> Sequence[CrawlRun]:
        """Runs begun and never finished: still going, or their crawl was killed."""
        query = select(CrawlRun).where(CrawlRun.finished_at.is_(None)).order_by(CrawlRun.id)
        return self.session.scalars(query.options(joinedload(CrawlRun.source))).all()

    def unfinished_run_since(self, source: Source, started_at: datetime) -> CrawlRun | None:
        """The latest run of ``source`` begun at or after ``started_at`` and never finished."""
        query = select(CrawlRun).where(
            CrawlRun.source_id == source.id,
            CrawlRun.finished_at.is_(None),
            CrawlRun.started_at >= started_at,
        )
        return self.session.scalars(query.order_by(CrawlRun.id.desc()).limit(1)).first()

    def interrupt_run(self, run: CrawlRun, reason: str) -> None:
        """Finish a run whose crawl died: a failure of its source."""
        run.finished_at, run.ok, run.error = utcnow(), False, reason
        run.source.last_run_at = run.finished_at
        run.source.consecutive_failures += 1
        self.session.flush()

    def record_run(
        self, source: Source, started_at: datetime, stats: RunStats, error: str | None,
        run_id: int | None = None, warnings: Sequence[str] = (),
    ) -> CrawlRun:  # fmt: skip
        """Store one finished run (the opened ``run_id``, else a new row) and the source's
        health counters: only an ``error`` counts as a failure, ``warnings`` do not."""
        now = utcnow()
        run = (self.session.get(CrawlRun, run_id) if run_id else None) or CrawlRun(
            source_id=source.id, started_at=started_at
        )
        run.finished_at, run.error = now, error
        run.warnings = list(warnings) or None
        run.ok = error is None and not warnings
        run.fetched, run.kept, run.new = stats.fetched, stats.kept, stats.new
        run.unchanged, run.dropped = stats.unchanged, dict(stats.dropped)
        run.errors = {"items": list(stats.errors)}
        self.session.add(run)
        source.last_run_at = now
        if error is None:
            source.consecutive_failures = 0
            source.last_success_at = now
        else:
            source.consecutive_failures += 1
        if stats.new:
            source.last_new_article_at = now
        self.session.flush()
        return run

    def last_run(self, source: Source) -> CrawlRun | None:
        """The most recent finished run of ``source``."""
        query = select(CrawlRun).where(
            CrawlRun.source_id == source.id, CrawlRun.finished_at.is_not(None)
        )
        return self.session.scalars(query.order_by(CrawlRun.id.desc()).limit(1)).first()

    def article_count(self, source: Source) -> int:
        """How many articles ``source`` has in the archive."""
        query = select(func.count()).select_from(Article).where(Article.source_id == source.id)
        return int(self.session.scalar(query) or 0)


_Obs = MetricObservation
# Built once: the metric-change rule asks these for every new figure, of its series only.
_EARLIER = (
    select(_Obs)
    .where(
        _Obs.metric == bindparam("metric"), _Obs.unit == bindparam("unit"),
        _Obs.kind == bindparam("kind"), _Obs.id < bindparam("before"),
        _Obs.entity.is_not_distinct_from(bindparam("entity", type_=String)),
        _Obs.region.is_not_distinct_from(bindparam("region", type_=String)),
        _Obs.status == bindparam("status"), _Obs.basis == bindparam("basis"),
    )
    .options(joinedload(_Obs.article).joinedload(Article.source))
)  # fmt: skip
_EARLIER_IN_STORY = _EARLIER.where(_Obs.story_id == bindparam("story")).order_by(_Obs.id)
# The same period's most recent figure (what a revision is compared with; a popular period
# collects many figures, so only that one is read).
_EARLIER_SAME_PERIOD = (
    _EARLIER.where(_Obs.period.in_(bindparam("periods", expanding=True)))
    .order_by(_Obs.observed_at.desc().nulls_last(), _Obs.id.desc())
    .limit(1)
)  # fmt: skip
_EARLIER_PERIODS = (
    _EARLIER.where(
        _Obs.period < bindparam("bound"), _Obs.period.not_in(bindparam("periods", expanding=True))
    )
    .order_by(_Obs.period.desc(), _Obs.id.desc())
    .limit(EARLIER_PERIOD_CANDIDATES)
)  # fmt: skip


class MetricRepository:
    """Metric observations, one per (story, series, period, value)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add_all(
        self, story_id: int, article_id: int, figures: Sequence[dict[str, Any]],
        *, new_story: bool = False,
    ) -> list[MetricObservation]:  # fmt: skip
        """Store the figures the story does not hold yet (a new story holds none)."""
        held = set() if new_story else self._held(story_id)
        rows: list[MetricObservation] = []
        for fields in figures:
            key = _figure_key(fields)
            if key not in held:
                held.add(key)
                rows.append(MetricObservation(story_id=story_id, article_id=article_id, **fields))
        self.session.add_all(rows)
        self.session.flush()
        return rows

    def _held(self, story_id: int) -> set[tuple[Any, ...]]:
        """The figures the story holds, as ``_figure_key`` tuples."""
        query = select(
            _Obs.metric, _Obs.value, _Obs.unit, _Obs.kind, _Obs.period, _Obs.entity,
            _Obs.region, _Obs.status, _Obs.basis,
        ).where(_Obs.story_id == story_id)  # fmt: skip
        return {tuple(row) for row in self.session.execute(query)}

    def earlier(
        self, metric: str, unit: str, kind: str, before_id: int,
        *, period: str | None = None, story_id: int | None = None, series: SeriesTags = SECTOR,
    ) -> Sequence[MetricObservation]:  # fmt: skip
        """The observations of the same series a new figure may be compared with, stored
        before ``before_id``.

        Without a period only the same story's figures qualify; with one, the same period's
        most recent figure and the latest earlier periods. Bounded, so the cost does not grow
        with the archive.
        """
        figure = {"metric": metric, "unit": unit, "kind": kind, "before": before_id}
        figure |= series._asdict()
        if period is None:
            return self.session.scalars(_EARLIER_IN_STORY, figure | {"story": story_id}).all()
        figure |= {"periods": spellings(period), "bound": year_after(period)}
        same = self.session.scalars(_EARLIER_SAME_PERIOD, figure)
        earlier = self.session.scalars(_EARLIER_PERIODS, figure)
        return [*same.all(), *earlier]

    def of_article(self, article_id: int) -> Sequence[MetricObservation]:
        """The observations first stored from ``article_id``."""
        query = select(MetricObservation).where(MetricObservation.article_id == article_id)
        return self.session.scalars(query.order_by(MetricObservation.id)).all()

    def stories_after(self, story_id: int, limit: int) -> list[list[Article]]:
        """The articles of the next ``limit`` stories after ``story_id``, story by story, each
        story's articles in the order they were stored."""
        ids = select(Article.story_id).where(Article.story_id > story_id).distinct()
        chosen = list(self.session.scalars(ids.order_by(Article.story_id).limit(limit)))
        if not chosen:
            return []
        query = select(Article).where(Article.story_id.in_(chosen))
        stories: dict[int, list[Article]] = {}
        for article in self.session.scalars(query.order_by(Article.story_id, Article.id)):
            stories.setdefault(article.story_id or 0, []).append(article)
        return list(stories.values())

    def replace_story(
        self, story_id: int, figures: Sequence[tuple[int, Sequence[dict[str, Any]]]]
    ) -> tuple[int, int, bool]:
        """Make ``figures`` ((article id, its figures) in story order) the story's figures, as
        ``add_all`` would have stored them: (figures before, after, whether they changed)."""
        held = {(obs.article_id, *_figure_key(obs.__dict__)) for obs in self._of_story(story_id)}
        wanted, keys = [], set()
        for article_id, found in figures:
            for fields in found:
                if _figure_key(fields) not in keys:
                    keys.add(_figure_key(fields))
                    wanted.append((article_id, fields))
        if held == {(article_id, *_figure_key(fields)) for article_id, fields in wanted}:
            return len(held), len(held), False
        self.session.execute(delete(MetricObservation).where(_Obs.story_id == story_id))
        self.session.add_all(
            MetricObservation(story_id=story_id, article_id=article_id, **fields)
            for article_id, fields in wanted
        )
        self.session.flush()
        return len(held), len(wanted), True

    def _of_story(self, story_id: int) -> Sequence[MetricObservation]:
        return self.session.scalars(
            select(MetricObservation).where(_Obs.story_id == story_id)
        ).all()

    def history(self, metric: str) -> Sequence[MetricObservation]:
        """Every observation of ``metric``, oldest first."""
        query = select(MetricObservation).where(MetricObservation.metric == metric)
        return self.session.scalars(
            query.order_by(MetricObservation.observed_at, MetricObservation.id)
        ).all()

    def all(self) -> Sequence[MetricObservation]:
        """Every observation, by metric then time."""
        query = select(MetricObservation).order_by(
            MetricObservation.metric, MetricObservation.observed_at, MetricObservation.id
        )
        return self.session.scalars(query).all()


def _figure_key(fields: dict[str, Any]) -> tuple[Any, ...]:
    return (
        fields["metric"], fields["value"], fields["unit"], fields.get("kind", "level"),
        fields.get("period"), fields.get("entity"), fields.get("region"),
        fields.get("status", "actual"), fields.get("basis", "period"),
    )  # fmt: skip
