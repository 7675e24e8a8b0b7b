"""Per-source fingerprints of text blocks: what repeats across a source's pages is chrome.

Extraction hands back a 64-bit fingerprint for each text block of a page; ``record`` counts,
per source, on how many pages each block was seen, and ``repeated`` returns those seen on
several. Every process and worker reads and writes the same table. A source keeps at most
``MAX_BLOCKS`` fingerprints: past that, the least seen (then the oldest) are forgotten.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from functools import lru_cache

from sqlalchemy import delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import Insert

from storage.models import SourceBlock, utcnow

MAX_BLOCKS = 5000  # fingerprints kept per source
REPEATED = 3  # pages on which a block must have been seen to count as the source's chrome


class BoilerplateRepository:
    """Counts of text-block fingerprints per source."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def repeated(self, source: str, pages: int = REPEATED) -> frozenset[int]:
        """Fingerprints of the blocks seen on at least ``pages`` of the source's pages."""
        query = select(SourceBlock.fingerprint).where(
            SourceBlock.source == source, SourceBlock.pages >= pages
        )
        return frozenset(self.session.scalars(query))

    def record(
        self, source: str, fingerprints: Collection[int], at: datetime | None = None
    ) -> None:
        """Count one more page for each block, then forget the least seen beyond the bound."""
        if not fingerprints:
            return
        seen = at or utcnow()
        rows = [{"source": source, "fingerprint": f, "pages": 1, "seen_at": seen}
                for f in sorted(set(fingerprints))]  # fmt: skip
        dialect = self.session.get_bind().dialect.name
        self.session.execute(_count_statement(dialect), rows)
        self._trim(source)

    def _trim(self, source: str) -> None:
        count = self.session.scalar(
            select(func.count()).select_from(SourceBlock).where(SourceBlock.source == source)
        )
        if not count or count <= MAX_BLOCKS:
            return
        oldest = (
            select(SourceBlock.fingerprint)
            .where(SourceBlock.source == source)
            .order_by(SourceBlock.pages, SourceBlock.seen_at)
            .limit(count - MAX_BLOCKS)
        )
        self.session.execute(
            delete(SourceBlock).where(
                SourceBlock.source == source, SourceBlock.fingerprint.in_(oldest.scalar_subquery())
            )
        )


@lru_cache(maxsize=2)
def _count_statement(dialect: str) -> Insert:
    """INSERT a block, or add one page to its count when the source already has it."""
    insert = (postgresql if dialect == "postgresql" else sqlite).insert(SourceBlock)
    return insert.on_conflict_do_update(
        index_elements=["source", "fingerprint"],
        set_={"pages": SourceBlock.pages + 1, "seen_at": insert.excluded.seen_at},
    )
