"""Periods as stored on metric observations ("2024", "2025-H1", "2025-Q1", "2024-12",
"2025-01/2025-09"): the days they span, their midpoint, and their length (granularity), which
decides what a figure may be compared with: a half-year with a half-year, never with a year.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

__all__ = [
    "LENGTHS",
    "POINT",
    "YEAR",
    "granularity",
    "period_midpoint",
    "period_span",
    "spellings",
    "timeless",
    "year_after",
]

_PERIOD = re.compile(r"(\d{4})(?:-(?:(\d{2})|Q([1-4])|H([12])))?$")
YEAR, POINT = "year", "point"
LENGTHS = {12: YEAR, 6: "half", 3: "quarter", 1: "month"}  # months -> granularity


def granularity(period: str | None) -> str:
    """The length of ``period``: year, half, quarter, month, "N months" for another range,
    point for no period (or a form without a known span)."""
    span = period_span(period)
    if span is None:
        return POINT
    start, end = span
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    return LENGTHS.get(months, f"{months} months")


def timeless(period: str | None, status: str | None) -> bool:
    """True for a forecast or target that states no period ("力争…达到300亿元"): it has no
    place in time (its report date is not its date) and no neighbour to compare with."""
    return not period and (status or "actual") != "actual"


def period_midpoint(period: str | None) -> date | None:
    """The middle day of a period ("2024", "2024-12", "2025-Q1", "2024-H1", "A/B"), or None."""
    span = period_span(period)
    if span is None:
        return None
    start, end = span
    return start + (end - start) / 2


def period_span(period: str | None) -> tuple[date, date] | None:
    """First and last day of a period, or None for no period or an unknown form."""
    if not period:
        return None
    if "/" in period:
        first, _, last = period.partition("/")
        opening, closing = period_span(first), period_span(last)
        return (opening[0], closing[1]) if opening and closing else None
    match = _PERIOD.match(period)
    if match is None:
        return None
    year, month, quarter, half = match.groups()
    first_month, months = 1, 12
    if month:
        first_month, months = int(month), 1
    elif quarter:
        first_month, months = 3 * int(quarter) - 2, 3
    elif half:
        first_month, months = 6 * int(half) - 5, 6
    start = date(int(year), first_month, 1)
    return start, _add_months(start, months) - timedelta(days=1)


def spellings(period: str) -> list[str]:
    """The ways a period's span is stored: "2025-H1" and "2025-01/2025-06" are one half."""
    span = period_span(period)
    if span is None:
        return [period]
    start, end = span
    forms = {period, f"{start:%Y-%m}/{end:%Y-%m}"}
    length, first = granularity(period), start.month - 1
    if length == YEAR and first == 0:
        forms.add(f"{start.year}")
    elif length == "half" and first % 6 == 0:
        forms.add(f"{start.year}-H{first // 6 + 1}")
    elif length == "quarter" and first % 3 == 0:
        forms.add(f"{start.year}-Q{first // 3 + 1}")
    elif length == "month":
        forms.add(f"{start:%Y-%m}")
    return sorted(forms)


def year_after(period: str) -> str:
    """A bound every stored period starting no later than ``period``'s year sorts below."""
    span = period_span(period)
    return str(span[0].year + 1) if span else period


def _add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    return date(day.year + index // 12, index % 12 + 1, 1)
