"""The sources page and API tell a warning run (read, with a hint) from a failing one."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import httpx

from storage import RunStats, Store
from tests.support.web import serve_app

HINT = "http://127.0.0.1:9/list/: 0 article links: try link_selector: 'div.list a'"


def test_a_warning_run_shows_its_hint_and_no_failure(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'w.db'}")
    try:
        store.migrate()
        with store.transaction() as tx:
            row = tx.sources.ensure("list", "html", "http://127.0.0.1:9/list/", "government")
            tx.sources.record_run(row, datetime.now(UTC), RunStats(), None, None, [HINT])
            tx.commit()
        with serve_app(store) as base:
            page = httpx.get(f"{base}/sources", timeout=10).text
            listed = httpx.get(f"{base}/api/v1/sources", timeout=10).json()
        assert 'class="source warning"' in page and "failing" not in page
        assert "try link_selector: &#39;div.list a&#39;" in page
        (source,) = listed["items"]
        assert (source["status"], source["warnings"], source["consecutive_failures"]) == (
            "warning",
            [HINT],
            0,
        )
    finally:
        store.dispose()
