"""Ingest the labelled set into a store, in a given order: one of two racing processes."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from crawler.fingerprint import signatures_match
from crawler.pipelines.store import MAX_ATTEMPTS
from storage import Store
from tests.support.stories import labelled_articles, record_for


def main(database: str, order: str, start_flag: str) -> None:
    """Wait for the start flag, then ingest every labelled article (retrying lost races)."""
    store = Store(database)
    indexed = list(enumerate(labelled_articles()))
    if order == "reversed":
        indexed.reverse()
    while not Path(start_flag).exists():
        time.sleep(0.01)
    for index, article in indexed:
        _ingest(store, record_for(article, index))


def _ingest(store: Store, record: object) -> None:
    for attempt in range(MAX_ATTEMPTS):
        try:
            with store.transaction(write=True) as tx:
                source = tx.sources.ensure("labelled", "rss", "https://example.org/", "media")
                tx.articles.ingest(record, source, signatures_match)  # type: ignore[arg-type]
                tx.commit()
                return
        except Exception:
            if attempt == MAX_ATTEMPTS - 1:
                raise


if __name__ == "__main__":
    main(*sys.argv[1:4])
