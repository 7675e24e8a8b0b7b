"""Keeping an archive: prune old articles with what belongs to them; back up SQLite online."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from storage import BackupUnsupported, IngestResult, MetricObservation, Store, backup
from tests.support.archive import src_record

NOW = datetime(2026, 12, 1, tzinfo=UTC)
OLD = NOW - timedelta(days=400)
FIGURE = {
    "metric": "market_value",
    "value": 5e10,
    "unit": "CNY",
    "period": "2024",
    "kind": "level",
    "qualifier": None,
    "quote": "q",
    "raw": "50 billion yuan",
}


def _ingest(
    store: Store, url: str, text: str, published: datetime, *, band: int, join: bool = False
) -> IngestResult:
    record = src_record(url, text, published, signature=b"sig", bands=(band,))
    with store.transaction(write=True) as tx:
        source = tx.sources.ensure("src", "rss", "https://x.org/feed", "media")
        result = tx.articles.ingest(record, source, lambda _a, _b: join)
        figure = {**FIGURE, "value": float(ord(url[-1]))}
        tx.metrics.add_all(result.story_id or 0, result.article_id, [figure], new_story=True)
        tx.commit()
    return result


def _alert(store: Store, story_id: int | None) -> None:
    with store.transaction(write=True) as tx:
        tx.alerts.add_alert(
            rule="r",
            kind="keyword",
            dedupe_key=f"r:{story_id}",
            story_id=story_id,
            article_id=None,
            source_id=None,
            payload={},
            created_at=NOW,
        )
        tx.commit()


def _search(store: Store, query: str) -> list[int]:
    with store.transaction() as tx:
        return [article.id for article in tx.archive.search(query)]


@pytest.fixture
def archive(store: Store) -> dict[str, IngestResult]:
    """An old lone story, an old story with an alert, and a story with an old and a new copy."""
    found = {
        "lone": _ingest(store, "https://a.org/lone", "zebra lone", OLD, band=1),
        "alerted": _ingest(store, "https://a.org/alerted", "zebra alerted", OLD, band=2),
    }
    found["mixed_old"] = _ingest(store, "https://a.org/m1", "zebra mixed", OLD, band=3)
    found["mixed_new"] = _ingest(store, "https://a.org/m2", "zebra fresh", NOW, band=3, join=True)
    _alert(store, found["alerted"].story_id)
    return found


def test_dry_run_counts_and_changes_nothing(store: Store, archive: dict[str, IngestResult]) -> None:
    with store.transaction(write=True) as tx:
        report = tx.maintenance.prune(NOW - timedelta(days=365), dry_run=True)
        tx.commit()
    assert (report.articles, report.stories, report.kept_for_alerts) == (2, 1, 1)
    assert (report.figures, report.revisions, report.urls) == (2, 2, 2)
    assert len(_search(store, "zebra")) == 4


def test_prune_removes_articles_with_their_index_bands_and_figures(
    store: Store, archive: dict[str, IngestResult]
) -> None:
    with store.transaction(write=True) as tx:
        report = tx.maintenance.prune(NOW - timedelta(days=365))
        tx.commit()
    assert (report.articles, report.stories) == (2, 1)
    kept = {archive["alerted"].article_id, archive["mixed_new"].article_id}
    assert set(_search(store, "zebra")) == kept
    with store.transaction() as tx:
        assert tx.articles.get(archive["lone"].article_id) is None
        assert {c.article_id for c in tx.articles.story_candidates([1, 2, 3])} == kept
        survivors = tx.articles.story_articles(archive["mixed_new"].story_id or 0)
        assert [a.id for a in survivors] == [archive["mixed_new"].article_id]
        assert survivors[0].story is not None and survivors[0].story.article_count == 1
        figures = tx.session.scalars(select(MetricObservation.article_id))
        assert set(figures) == kept


def test_prune_with_alerts_removes_alerted_stories_too(
    store: Store, archive: dict[str, IngestResult]
) -> None:
    with store.transaction(write=True) as tx:
        report = tx.maintenance.prune(NOW - timedelta(days=365), with_alerts=True)
        tx.commit()
    assert (report.articles, report.stories, report.kept_for_alerts) == (3, 2, 0)
    assert _search(store, "zebra") == [archive["mixed_new"].article_id]


def test_backup_copies_a_consistent_sqlite_file(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'live.db'}")
    store.migrate()
    _ingest(store, "https://a.org/1", "zebra one", NOW, band=1)
    size = backup(store, tmp_path / "copy.db")
    with sqlite3.connect(tmp_path / "copy.db") as copy:
        assert copy.execute("SELECT count(*) FROM article").fetchone() == (1,)
    assert size == (tmp_path / "copy.db").stat().st_size
    with pytest.raises(Exception, match="already exists"):
        backup(store, tmp_path / "copy.db")
    store.dispose()


@pytest.mark.postgres
def test_backup_of_postgresql_points_at_pg_dump(store: Store, tmp_path: Path) -> None:
    if store.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")
    with pytest.raises(BackupUnsupported, match="pg_dump"):
        backup(store, tmp_path / "copy.db")
