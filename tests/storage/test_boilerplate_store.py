"""Per-source block fingerprints: counted per page, repeated ones returned, bounded in size."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from storage import Store, boilerplate

T0 = datetime(2025, 12, 7, 8, 0, tzinfo=UTC)


def _record(store: Store, source: str, blocks: list[int], at: datetime = T0) -> None:
    with store.transaction(write=True) as tx:
        tx.boilerplate.record(source, blocks, at)
        tx.commit()


def _repeated(store: Store, source: str, pages: int = 3) -> frozenset[int]:
    with store.transaction() as tx:
        return tx.boilerplate.repeated(source, pages)


def test_blocks_seen_on_several_pages_are_repeated(store: Store) -> None:
    for page in range(3):
        _record(store, "variety", [1, 2, -(2**63), 100 + page])
    _record(store, "deadline", [1])
    assert _repeated(store, "variety") == {1, 2, -(2**63)}
    assert _repeated(store, "variety", pages=1) == {1, 2, -(2**63), 100, 101, 102}
    assert _repeated(store, "deadline") == frozenset()


def test_a_block_twice_on_one_page_counts_once(store: Store) -> None:
    _record(store, "s", [7, 7, 7])
    assert _repeated(store, "s", pages=2) == frozenset()


def test_each_source_is_bounded(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(boilerplate, "MAX_BLOCKS", 4)
    for page in range(3):
        _record(store, "s", [1, 2], T0 + timedelta(minutes=page))
    _record(store, "s", [10, 11, 12], T0 + timedelta(hours=1))
    kept = _repeated(store, "s", pages=1)
    assert len(kept) == 4 and {1, 2} <= kept
