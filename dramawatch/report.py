"""The outcome of a pass: one SourceResult per source."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from storage import RunStats


@dataclass
class SourceResult:
    """What one source's pass did; ``error`` is set when the source as a whole failed.

    ``warnings`` are set when it was read but not as it should be (a listing that yielded no
    article link): such a run is not ok either.
    """

    source: str
    stats: RunStats = field(default_factory=RunStats)
    revisions: int = 0
    error: str | None = None
    done: bool = False  # the source's crawl has closed (for the live progress)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the source was read cleanly (page-level errors may still be listed)."""
        return self.error is None and not self.warnings

    @property
    def status(self) -> str:
        """ok, warning or failed."""
        return "failed" if self.error else "warning" if self.warnings else "ok"

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready summary."""
        s = self.stats
        return {
            "source": self.source,
            "ok": self.ok,
            "status": self.status,
            "error": self.error,
            "warnings": list(self.warnings),
            "fetched": s.fetched,
            "kept": s.kept,
            "new": s.new,
            "revisions": self.revisions,
            "unchanged": s.unchanged,
            "dropped": dict(s.dropped),
            "errors": list(s.errors),
        }


@dataclass
class PassReport:
    """Every source's result for one pass."""

    results: list[SourceResult] = field(default_factory=list)
    alerts: dict[str, int] = field(default_factory=dict)  # raised, delivered, pending, failed

    @property
    def failed(self) -> list[SourceResult]:
        """The sources that failed as a whole."""
        return [result for result in self.results if result.error]

    @property
    def warned(self) -> list[SourceResult]:
        """The sources that were read with a warning."""
        return [result for result in self.results if result.warnings and not result.error]

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready summary."""
        return {"sources": [result.as_dict() for result in self.results], "alerts": self.alerts}
