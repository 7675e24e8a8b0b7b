"""Contract JSON shapes of stored objects."""

from __future__ import annotations

from typing import Any

from storage import CrawlRun, Source


def source_json(source: Source, run: CrawlRun | None, articles: int) -> dict[str, Any]:
    """A source with its last run and article count."""
    errors = (run.errors or {}).get("items", []) if run else []
    return {
        "source": source.name,
        "kind": source.kind,
        "category": source.category,
        "articles": articles,
        "last_run_at": run.finished_at.isoformat() if run and run.finished_at else None,
        "ok": run.ok if run else None,
        "status": run.status if run else None,
        "fetched": run.fetched if run else 0,
        "kept": run.kept if run else 0,
        "new": run.new if run else 0,
        "dropped": dict(run.dropped or {}) if run else {},
        "consecutive_failures": source.consecutive_failures,
        "last_error": (run.error or (errors[-1]["error"] if errors else None)) if run else None,
        "warnings": list(run.warnings or ()) if run else [],
        "warning": run.warnings[0] if run and run.warnings else None,
    }
