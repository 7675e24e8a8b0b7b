"""Keeping an archive: pruning old articles with everything that belongs to them, and backups."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, delete, exists, func, select, text, update
from sqlalchemy.orm import Session

from storage import postgres
from storage.errors import DatabaseSetupError
from storage.models import (
    Alert,
    Article,
    ArticleRevision,
    ArticleUrl,
    MetricObservation,
    Story,
    StoryBand,
)

if TYPE_CHECKING:
    from storage.db import Store

_FTS_DELETE = text("DELETE FROM article_fts WHERE rowid = :id")


@dataclass(frozen=True)
class PruneReport:
    """What a prune removed (or, dry, would remove), and the old articles it kept."""

    articles: int
    stories: int
    revisions: int
    figures: int
    urls: int
    kept_for_alerts: int
    dry_run: bool


class MaintenanceRepository:
    """Archive-wide housekeeping: pruning old articles."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def prune(
        self, before: datetime, *, with_alerts: bool = False, dry_run: bool = False
    ) -> PruneReport:
        """Remove articles dated before ``before``, with their index rows, bands and figures.

        An article is dated by its publication time, else its fetch time. Stories that raised
        an alert keep all their articles unless ``with_alerts``; a story left without
        articles is removed (its alerts stay, pointing at no story).
        """
        old = select(Article.id).where(_dated() < before)
        doomed = old if with_alerts else old.where(~_alerted())
        report = self._count(doomed, old, dry_run=dry_run)
        if not dry_run and report.articles:
            self._delete(doomed)
        return report

    def _count(self, doomed: Select[Any], old: Select[Any], *, dry_run: bool) -> PruneReport:
        ids = doomed.scalar_subquery()
        count = self._count_rows
        articles = count(doomed)
        return PruneReport(
            articles=articles,
            stories=count(_emptied_stories(doomed)),
            revisions=count(select(ArticleRevision.id).where(ArticleRevision.article_id.in_(ids))),
            figures=count(
                select(MetricObservation.id).where(MetricObservation.article_id.in_(ids))
            ),
            urls=count(select(ArticleUrl.id).where(ArticleUrl.article_id.in_(ids))),
            kept_for_alerts=count(old) - articles,
            dry_run=dry_run,
        )

    def _count_rows(self, rows: Select[Any]) -> int:
        return int(self.session.scalar(select(func.count()).select_from(rows.subquery())) or 0)

    def _delete(self, doomed: Select[Any]) -> None:
        # The ids are fixed first: deleting changes what the selection would match.
        stories = set(self.session.scalars(_touched_stories(doomed)))
        ids = list(self.session.scalars(doomed))
        for start in range(0, len(ids), 500):
            self._delete_articles(ids[start : start + 500])
        self._settle_stories(stories)

    def _delete_articles(self, ids: list[int]) -> None:
        if not postgres.is_postgres(self.session):  # FTS5 rows are not tied by a foreign key
            for article_id in ids:
                self.session.execute(
                    text("DELETE FROM article_fts WHERE rowid = :id"), {"id": article_id}
                )
        for model in (StoryBand, MetricObservation, ArticleRevision, ArticleUrl):
            self.session.execute(delete(model).where(model.article_id.in_(ids)))
        self.session.execute(delete(Article).where(Article.id.in_(ids)))

    def _settle_stories(self, story_ids: set[int]) -> None:
        """Remove the stories left empty; recount the copies of the others."""
        for story_id in story_ids:
            copies = self.session.scalar(select(func.count()).where(Article.story_id == story_id))
            if copies:
                statement = update(Story).where(Story.id == story_id).values(article_count=copies)
                self.session.execute(statement)
            else:
                self.session.execute(delete(Story).where(Story.id == story_id))


def _dated() -> Any:
    return func.coalesce(Article.published_at, Article.fetched_at)


def _alerted() -> Any:
    """The article raised an alert, or belongs to a story that did."""
    by_story = exists().where(Alert.story_id == Article.story_id)
    by_article = exists().where(Alert.article_id == Article.id)
    return by_story | by_article


def _touched_stories(doomed: Select[Any]) -> Select[Any]:
    ids = doomed.scalar_subquery()
    return (
        select(Article.story_id)
        .where(Article.id.in_(ids), Article.story_id.is_not(None))
        .distinct()
    )


def _emptied_stories(doomed: Select[Any]) -> Select[Any]:
    """Stories all of whose articles are doomed."""
    ids = doomed.scalar_subquery()
    survivor = exists().where(Article.story_id == Story.id, Article.id.not_in(ids))
    return select(Story.id).where(
        Story.id.in_(_touched_stories(doomed).scalar_subquery()), ~survivor
    )


class BackupUnsupported(DatabaseSetupError):
    """A backup of a server database, which its own tools make."""


def backup(store: Store, target: Path) -> int:
    """Copy the SQLite database to ``target`` with SQLite's online backup; its size in bytes.

    Writers may keep working meanwhile: the backup API copies a consistent snapshot.
    PostgreSQL raises BackupUnsupported, pointing at pg_dump.
    """
    if store.engine.dialect.name != "sqlite":
        raise BackupUnsupported(
            store.engine.url.render_as_string(hide_password=True),
            "dramawatch backs up SQLite files only",
            "back up PostgreSQL with pg_dump --format=custom --file FILE DATABASE_URL",
        )
    if target.exists():
        raise DatabaseSetupError(str(target), "already exists", "choose a new file name")
    if not target.parent.is_dir():
        raise DatabaseSetupError(str(target), "its directory does not exist", "create it first")
    raw = store.engine.raw_connection()
    try:
        with sqlite3.connect(target) as copy:
            raw.driver_connection.backup(copy)  # type: ignore[union-attr]
        copy.close()
    finally:
        raw.close()
    return target.stat().st_size
