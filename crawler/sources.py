"""Source rows: every configured source is recorded before its pages are crawled."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from config import SourceConfig
    from storage import Store


def register_sources(store: Store, sources: Sequence[SourceConfig]) -> None:
    """Create (or keep) the source rows the pipelines' articles refer to."""
    with store.transaction(write=True) as tx:  # it reads, then writes: a writer from its start
        for source in sources:
            tx.sources.ensure(source.name, source.kind, source.url, source.category)
        tx.commit()
