"""A pass records its runs even while another process writes to the same SQLite store."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from dramawatch import runner
from dramawatch.report import PassReport, SourceResult
from storage import Store
from storage.repository import SourceRepository


def test_a_run_is_recorded_when_another_writer_commits_during_its_transaction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'runs.db'}"
    store, other = Store(url), Store(url)
    store.migrate()
    started = datetime.now(UTC)
    with store.transaction(write=True) as tx:
        source = tx.sources.ensure("nrta-notices", "html", "https://www.nrta.gov.cn/", "regulator")
        run_id = tx.sources.open_run(source, started, {"host": "here", "pid": 1})
        tx.commit()

    def another_process_writes() -> None:  # the daemon, or another source's pass
        with other.transaction(write=True) as tx:
            tx.sources.ensure("cnsa-news", "html", "https://www.cnsa.cn/", "association")
            tx.commit()

    record_run = SourceRepository.record_run
    writer = threading.Thread(target=another_process_writes)

    def record_after_a_write(self: SourceRepository, *args: Any, **kwargs: Any) -> Any:
        writer.start()
        writer.join(timeout=1.0)  # a transaction that holds the write lock makes it wait
        return record_run(self, *args, **kwargs)

    monkeypatch.setattr(SourceRepository, "record_run", record_after_a_write)
    runner._record_runs(
        store, PassReport([SourceResult("nrta-notices")]), started, {"nrta-notices": run_id}
    )
    monkeypatch.undo()
    writer.join()
    with store.transaction() as tx:
        assert not tx.sources.unfinished_runs()
        recorded = tx.sources.last_run(tx.sources.get("nrta-notices"))
        assert recorded is not None and recorded.id == run_id and recorded.ok
        assert tx.sources.get("cnsa-news") is not None  # the other writer went on afterwards
    store.dispose()
    other.dispose()


def test_a_run_the_store_refuses_is_reported_as_failed_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(f"sqlite:///{tmp_path / 'runs.db'}")
    store.migrate()
    started = datetime.now(UTC)
    with store.transaction(write=True) as tx:
        source = tx.sources.ensure("nrta-notices", "html", "https://www.nrta.gov.cn/", "regulator")
        run_id = tx.sources.open_run(source, started, {"host": "here", "pid": 1})
        tx.commit()

    def refuse(self: SourceRepository, *args: Any, **kwargs: Any) -> Any:
        raise OSError("disk I/O error\nsecond line")

    monkeypatch.setattr(SourceRepository, "record_run", refuse)
    report = PassReport([SourceResult("nrta-notices")])
    runner._record_runs(store, report, started, {"nrta-notices": run_id})
    assert report.results[0].error == "could not record the run: disk I/O error"
    assert report.as_dict()["sources"][0]["ok"] is False
    store.dispose()
