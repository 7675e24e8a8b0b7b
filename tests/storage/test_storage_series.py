"""Metric series columns (entity, region, status, basis), the 0007 migration and mentions."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import text

from storage import ArticleRecord, SeriesTags, Store
from storage.db import MIGRATIONS

T0 = datetime(2025, 12, 7, 8, 0, tzinfo=UTC)


def _article(store: Store, url: str, body: str = "text") -> tuple[int, int]:
    record = ArticleRecord(
        url=url, source="src", category="media", title="t", published_at=T0, language="en",
        text=body, content_hash=url, fetched_at=T0,
    )  # fmt: skip
    with store.transaction() as tx:
        source = tx.sources.ensure("src", "rss", "https://x.org/feed", "media")
        result = tx.articles.ingest(record, source, lambda _a, _b: False)
        tx.commit()
    assert result.story_id is not None
    return result.story_id, result.article_id


def _figure(value: float, **tags: Any) -> dict[str, Any]:
    return {
        "metric": "mau", "value": value, "unit": "count", "period": "2025", "qualifier": None,
        "quote": "q", "raw": "r", "kind": "level", "observed_at": T0,
    } | tags  # fmt: skip


def test_figures_differing_only_in_tags_are_stored_apart(store: Store) -> None:
    story, article = _article(store, "https://a.org/1")
    figures = [
        _figure(3e7, entity="reelshort", region="overseas"),
        _figure(3e7, entity="dramabox", region="overseas"),
        _figure(3e7, status="forecast"),
        _figure(3e7, basis="cumulative"),
        _figure(3e7),
        _figure(3e7, entity="reelshort", region="overseas"),  # the same figure again
    ]
    with store.transaction() as tx:
        rows = tx.metrics.add_all(story, article, figures, new_story=True)
        tx.commit()
    assert len(rows) == 5
    with store.transaction() as tx:
        stored = tx.metrics.of_article(article)
        assert {(o.entity, o.region, o.status, o.basis) for o in stored} == {
            ("reelshort", "overseas", "actual", "period"),
            ("dramabox", "overseas", "actual", "period"),
            (None, None, "forecast", "period"),
            (None, None, "actual", "cumulative"),
            (None, None, "actual", "period"),
        }
        # Stored again from a copy: nothing new.
        assert tx.metrics.add_all(story, article, figures) == []


def test_earlier_compares_within_one_series_only(store: Store) -> None:
    story, article = _article(store, "https://a.org/1")
    old = [
        _figure(1.73e8, entity="hongguo", period="2024"),
        _figure(5.5e7, entity="reelshort", period="2024"),
        _figure(6e8, period="2024"),
        _figure(7e8, period="2025", status="forecast"),
    ]
    with store.transaction() as tx:
        tx.metrics.add_all(story, article, old, new_story=True)
        tx.commit()
    with store.transaction() as tx:

        def earlier(tags: SeriesTags) -> list[float]:
            found = tx.metrics.earlier("mau", "count", "level", 10**6, period="2025", series=tags)
            return [o.value for o in found]

        assert earlier(SeriesTags("reelshort")) == [5.5e7]
        assert earlier(SeriesTags("hongguo")) == [1.73e8]
        assert earlier(SeriesTags()) == [6e8]
        assert earlier(SeriesTags(status="forecast")) == [7e8]
        assert earlier(SeriesTags(region="cn")) == []


def test_mentions_are_replaced_and_searchable(store: Store) -> None:
    _story, first = _article(store, "https://a.org/1", "ReelShort leads")
    _story, second = _article(store, "https://a.org/2", "红果短剧 and ReelShort")
    with store.transaction() as tx:
        tx.mentions.replace(first, {"reelshort": 1})
        tx.mentions.replace(second, {"reelshort": 1, "hongguo": 2})
        tx.commit()
    with store.transaction() as tx:
        assert tx.mentions.of_article(second) == {"reelshort": 1, "hongguo": 2}
        assert [a.id for a in tx.archive.search(entity="reelshort")] == [second, first]
        assert [a.id for a in tx.archive.search(entity="hongguo")] == [second]
        assert [a.id for a in tx.archive.search(entity="hongguo", since=T0)] == [second]
        assert tx.archive.search("ReelShort", entity="dramabox") == []
        tx.mentions.replace(second, {})
        tx.commit()
    with store.transaction() as tx:
        assert tx.archive.search(entity="hongguo") == []


def _alembic(store: Store, step: str, revision: str) -> None:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        getattr(command, step)(cfg, revision)


def test_0007_keeps_old_figures_as_sector_actuals_and_downgrades(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'old.db'}")
    try:
        _alembic(store, "upgrade", "0006")
        story, article = _article(store, "https://a.org/1")
        with store.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO metric_observation (metric, value, unit, period, kind, quote,"
                    " raw, story_id, article_id, observed_at) VALUES ('jobs', 1330000, 'count',"
                    " '2025', 'level', 'q', 'r', :story, :article, '2025-12-07 08:00:00')"
                ),
                {"story": story, "article": article},
            )
        store.migrate()
        with store.transaction() as tx:
            (old,) = tx.metrics.of_article(article)
            assert (old.entity, old.region, old.status, old.basis) == (
                None, None, "actual", "period",
            )  # fmt: skip
            new = [_figure(1330000, metric="jobs", entity="hengdian")]
            assert len(tx.metrics.add_all(story, article, new)) == 1
            tx.commit()
        _alembic(store, "downgrade", "0006")  # the tagged copy of the same figure is dropped
        _alembic(store, "upgrade", "head")
        with store.transaction() as tx:
            assert [o.entity for o in tx.metrics.of_article(article)] == [None]
    finally:
        store.dispose()
