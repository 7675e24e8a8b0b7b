"""Daemon children that record each crawl command and answer at once instead of running it."""

from __future__ import annotations

import json
from collections.abc import Sequence

from dramawatch.daemon.child import ChildOutcome, Children


class RecordingChildren(Children):
    """Records each command; answers with ``outcome``, or a report of its source as fine."""

    def __init__(self, outcome: ChildOutcome | None = None) -> None:
        super().__init__()
        self.started: list[list[str]] = []
        self.outcome = outcome

    def run(self, argv: Sequence[str], timeout: float) -> ChildOutcome:
        """Pretend the crawl ran: the fixed outcome, else its source reported as fine."""
        self.started.append(list(argv))
        if self.outcome is not None:
            return self.outcome
        report = {"sources": [{"source": argv[argv.index("--source") + 1], "ok": True}]}
        return ChildOutcome(0, json.dumps(report), "", 0.1)
