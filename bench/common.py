"""What the bench sections share: summary rows with targets, percentiles and medians."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any

Row = dict[str, Any]


def row(
    metric: str,
    value: float | str | None,
    unit: str = "",
    *,
    at_most: float | None = None,
    at_least: float | None = None,
    note: str = "",
) -> Row:
    """One line of a section's summary; ``ok`` says whether its target (if any) is met."""
    target, ok = "", None
    if isinstance(value, int | float) and at_most is not None:
        target, ok = f"≤ {at_most:g}", value <= at_most
    elif isinstance(value, int | float) and at_least is not None:
        target, ok = f"≥ {at_least:g}", value >= at_least
    return {
        "metric": metric,
        "value": value,
        "unit": unit,
        "target": target,
        "ok": ok,
        "note": note,
    }


def percentile(samples: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (``share`` in 0..1) of ``samples``."""
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def median(samples: Sequence[float]) -> float:
    """The median, or NaN without samples."""
    return statistics.median(samples) if samples else float("nan")


def skipped(reason: str) -> dict[str, Any]:
    """The result of a section that could not run."""
    return {"skipped": reason, "summary": [row("skipped", reason)]}
