"""Synthetic stored articles (~2 KB of English or Chinese text) and bulk loading into a Store.

Bulk loading writes the storage layer's own tables (``article``, ``article_fts`` in the
format of ``storage.cjk.index_text``, ``story``, ``story_band``, ``article_url``) with
executemany on one connection, a transaction per batch: the repository's one-article-at-a-time
``ingest`` would take hours for a million articles. Timestamps go through the column types'
own bind processors, so they are stored exactly as the ORM stores them.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from bench import textgen

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement

    from storage import Store

T = TypeVar("T")
R = TypeVar("R")
ARCHIVE_SEED = 4242
TEXT_BYTES = 2000
CHINESE_SHARE = 0.35
SOURCES = 20
START = datetime(2024, 1, 1, tzinfo=UTC)
SPAN = timedelta(days=730)
# A handful of words so rare that each is in ~10 articles of a million (the "rare" class).
RARE_WORDS = tuple(f"zyx{name}" for name in ("amber", "basil", "cobalt", "dune", "ember"))
RARE_SHARE = 1e-5


@dataclass(frozen=True)
class Synthetic:
    """One generated article."""

    index: int
    source: int
    language: str
    title: str
    text: str
    published_at: datetime

    @property
    def url(self) -> str:
        """Its URL (unique per index)."""
        return f"https://source{self.source:02d}.example/{self.language}/a{self.index:07d}.html"


def synthetic_article(index: int, total: int, seed: int = ARCHIVE_SEED) -> Synthetic:
    """Article ``index`` of ``total``: published in index order over two years."""
    rng = random.Random(seed * 10_007 + index)
    language = "zh" if rng.random() < CHINESE_SHARE else "en"
    sentences: list[str] = []
    size = 0
    while size < TEXT_BYTES:
        sentence = textgen.sentence(rng, language)
        sentences.append(sentence)
        size += len(sentence.encode("utf-8")) + 1
    if rng.random() < RARE_SHARE * len(RARE_WORDS):
        sentences.append(f"Archivists flagged the {rng.choice(RARE_WORDS)} file.")
    separator = "" if language == "zh" else " "
    published = START + SPAN * (index / max(total, 1)) + timedelta(minutes=rng.randint(0, 600))
    return Synthetic(
        index,
        rng.randrange(SOURCES),
        language,
        textgen.title(rng, language),
        separator.join(sentences),
        published,
    )


def binder(column: ColumnElement[Any], store: Store) -> Any:
    """The column type's bind processor on the store's dialect (identity if it has none)."""
    dialect = store.engine.dialect
    process = column.type.dialect_impl(dialect).bind_processor(dialect)
    return process or (lambda value: value)


def ensure_sources(store: Store, count: int = SOURCES) -> list[int]:
    """Create ``source00`` .. and return their ids in order."""
    with store.transaction() as tx:
        ids = [
            tx.sources.ensure(
                f"source{i:02d}", "rss", f"https://source{i:02d}.example/feed", "media"
            ).id
            for i in range(count)
        ]
        tx.commit()
    return ids


def insert_batches(
    store: Store, statement: str, batches: Iterable[Sequence[tuple[Any, ...]]]
) -> int:
    """executemany ``statement`` for each batch, one transaction each; returns rows written."""
    raw = store.engine.raw_connection()
    written = 0
    try:
        cursor = raw.cursor()
        for batch in batches:
            cursor.execute("BEGIN")
            cursor.executemany(statement, batch)
            cursor.execute("COMMIT")
            written += len(batch)
        cursor.close()
    finally:
        raw.close()
    return written


def parallel_map(
    function: Callable[[T], R], items: Sequence[T], workers: int | None
) -> Iterator[R]:
    """``map`` in a process pool, in order; in this process when ``workers`` is 1."""
    if workers == 1 or len(items) <= 1:
        yield from map(function, items)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(function, items)
