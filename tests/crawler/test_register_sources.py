"""A pass registers its sources even while another process writes to the same store."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from config.schema import SourceConfig
from crawler.sources import register_sources
from storage import Store
from storage.repository import SourceRepository


def _source(name: str) -> SourceConfig:
    return SourceConfig(name=name, kind="html", url=f"https://{name}.example/")


def test_a_new_source_is_registered_when_another_writer_commits_meanwhile(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    register_sources(store, [_source("nrta")])
    other = Store(store.url)

    def another_process_writes() -> None:  # the daemon, or another source's pass
        with other.transaction(write=True) as tx:
            tx.sources.ensure("cnsa", "html", "https://cnsa.example/", "industry")
            tx.commit()

    writer = threading.Thread(target=another_process_writes)
    ensure = SourceRepository.ensure

    def ensure_after_a_write(self: SourceRepository, name: str, *args: Any) -> Any:
        if name == "dramabox":  # the known source was read first, in the same transaction
            writer.start()
            writer.join(timeout=1.0)  # a transaction that holds the write lock makes it wait
        return ensure(self, name, *args)

    monkeypatch.setattr(SourceRepository, "ensure", ensure_after_a_write)
    register_sources(store, [_source("nrta"), _source("dramabox")])
    monkeypatch.undo()
    writer.join()
    with store.transaction() as tx:
        assert tx.sources.get("dramabox") is not None
        assert tx.sources.get("cnsa") is not None
    other.dispose()
