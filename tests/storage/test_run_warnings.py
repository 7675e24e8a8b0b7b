"""A source run's warnings are kept apart from its error and never count as a failure."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import text

from storage import RunStats, Store
from storage.db import MIGRATIONS

T0 = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
HINT = "https://x.cn/list/: 0 article links: try link_selector: 'div.list a'"


def _run(store: Store, hours: int, error: str | None = None, warnings: tuple[str, ...] = ()) -> int:
    with store.transaction() as tx:
        source = tx.sources.ensure("list", "html", "https://x.cn/list/", "government")
        run = tx.sources.record_run(
            source, T0 + timedelta(hours=hours), RunStats(fetched=1), error, None, warnings
        )
        tx.commit()
        return int(run.id)


def test_a_warning_is_stored_apart_and_is_no_failure(store: Store) -> None:
    _run(store, 0, error="HTTP 503")
    _run(store, 1, warnings=(HINT,))
    with store.transaction() as tx:
        source = tx.sources.get("list")
        assert source is not None
        run = tx.sources.last_run(source)
        assert run is not None
        assert (run.ok, run.status, run.error, run.warnings) == (False, "warning", None, [HINT])
        assert source.consecutive_failures == 0  # the warning run read the source
        assert tx.alerts.failure_streak(source) is None


def test_a_failure_streak_starts_after_the_last_warning(store: Store) -> None:
    _run(store, 0, warnings=(HINT,))
    first = _run(store, 1, error="HTTP 503")
    _run(store, 2, error="HTTP 503")
    with store.transaction() as tx:
        source = tx.sources.get("list")
        assert source is not None and source.consecutive_failures == 2
        streak = tx.alerts.failure_streak(source)
        assert streak is not None and streak.id == first
        assert tx.sources.last_run(source).status == "failed"


def test_a_clean_run_is_ok_and_keeps_no_warnings(store: Store) -> None:
    _run(store, 0)
    with store.transaction() as tx:
        source = tx.sources.get("list")
        run = tx.sources.last_run(source)  # type: ignore[arg-type]
        assert run is not None and (run.ok, run.status, run.warnings) == (True, "ok", None)


def _alembic(store: Store, step: str, revision: str) -> None:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        getattr(command, step)(cfg, revision)


def _insert_run(store: Store, run_id: int, error: str | None) -> None:
    with store.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO crawl_run (id, source_id, started_at, finished_at, ok, fetched,"
                " kept, new, unchanged, dropped, errors, error) VALUES (:id, 1,"
                " '2026-12-01 08:00:00', '2026-12-01 08:01:00', 0, 1, 0, 0, 0, '{}', '{}', :error)"
            ),
            {"id": run_id, "error": error},
        )


def test_0010_moves_stored_warnings_out_of_error_and_recounts_failures(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'old.db'}")
    try:
        _alembic(store, "upgrade", "0009")
        with store.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO source (id, name, kind, url, category, consecutive_failures)"
                    " VALUES (1, 'list', 'html', 'https://x.cn/list/', 'government', 2)"
                )
            )
        _insert_run(store, 1, "HTTP 503")
        _insert_run(store, 2, "warning: " + HINT)
        store.migrate()
        with store.transaction() as tx:
            source = tx.sources.get("list")
            assert source is not None and source.consecutive_failures == 0
            run = tx.sources.last_run(source)
            assert run is not None and (run.error, run.warnings) == (None, [HINT])
            assert run.status == "warning"
        _alembic(store, "downgrade", "0009")
        with store.engine.begin() as connection:
            errors = connection.execute(text("SELECT error FROM crawl_run ORDER BY id")).all()
            failures = connection.execute(text("SELECT consecutive_failures FROM source")).scalar()
        assert [e for (e,) in errors] == ["HTTP 503", "warning: " + HINT] and failures == 2
    finally:
        store.dispose()
