"""Find the time periods named in normalised text: years, quarters, halves, month ranges.

Every period holds a year: four digits, or a relative year (this year, 今年) that resolves
against the publication year (None when that is unknown). The finder scans for those anchors
once, then tries the forms of :mod:`crawler.metrics.period_forms` only around them: forms that
start with the year by matching at the anchor, left to right; forms that end with it by a
search that must end at the anchor, right to left so that a range wins over its own first year.
Scanning the whole text with every form was about ten times slower.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Sequence
from typing import NamedTuple

from crawler.metrics.period_forms import (
    FORWARD_RE,
    Unresolved,
    build_value,
    check_word_start,
    search_backward,
)
from crawler.metrics.text import maker

logger = logging.getLogger(__name__)

_YEAR_ANCHOR = re.compile(r"\d(?<!\d\d)\d{3}(?!\d)")
_YEAR_WORD = re.compile(r"[Yy]ear(?![A-Za-z])")
_ZH_RELATIVE_ANCHOR = re.compile(r"[今去前明本上]年")
# Words before "of/in <year>" that make it part of a longer form, read by the regex instead.
_LONGER_FORMS = frozenset(
    "months quarters quarter half year the end as first second third fourth h1 h2 q1 q2 q3 q4"
    " jan january feb february mar march apr april may jun june jul july aug august sep sept"
    " september oct october nov november dec december".split()
)
_YEAR_PREPOSITIONS = frozenset(
    "in of for during since by through throughout across until fiscal".split()
)
_AFTER_FORWARD_YEAR = frozenset("HQ年'’")
_AFTER_FORWARD_SPACE = frozenset("HQ年")
_LABEL_ENDS = (":", "：")
_LOOK_BEHIND = 48  # the longest backward form: "first eleven months of the year this year"


class Period(NamedTuple):
    """A period expression: where it is and its normalised value (None if unresolvable)."""

    start: int
    end: int
    value: str | None


class PeriodFinder:
    """Finds periods in chosen spans of one text; its anchors are scanned once, up front."""

    def __init__(self, text: str, published_year: int | None) -> None:
        self.text = text
        self.published_year = published_year
        # A number that is not a year (3000余名, 5000万元) starts and ends no form: left out
        # (the years of 1990 to 2100).
        self._years = [m.start() for m in _YEAR_ANCHOR.finditer(text) if 1990 <= int(m[0]) <= 2100]
        self._zh_relative = [m.start() for m in _ZH_RELATIVE_ANCHOR.finditer(text)]
        self._year_words = [
            m.end() for m in _YEAR_WORD.finditer(text) if _after_relative_word(text, m.start())
        ]

    def find(self, spans: Sequence[tuple[int, int]]) -> list[list[Period]]:
        """Every period expression in each of ``spans`` (apart), in order, without overlaps.

        The forms that start with their year are read in every span, then those that end with
        it: one tight loop each keeps its regex and code in the processor's caches.
        """
        scopes = [self._scope(start, end) for start, end in spans]
        found = [_forward(scope) if scope is not None else [] for scope in scopes]
        for periods, scope in zip(found, scopes, strict=True):
            if scope is not None:
                periods += _backward(scope)
                if len(periods) > 1:
                    periods.sort(key=_start)
        return found

    def _scope(self, start: int, end: int) -> _Scope | None:
        """The scope of [start, end) with the anchors to try there; None when it names no
        year (most sentences)."""
        left, years = bisect.bisect_left, self._years
        years = years[left(years, start) : left(years, end - 3)]
        # Most texts have no relative years: no look-up for them (the slices written out).
        relative, year_words = self._zh_relative, self._year_words
        if relative:
            relative = relative[left(relative, start) : left(relative, end)]
        if year_words:
            year_words = year_words[left(year_words, start + 1) : left(year_words, end + 1)]
        if not (years or relative or year_words):
            return None
        ends = [year + 4 for year in reversed(years)]
        return _new_scope((
            self.text, start, end, self.published_year, bytearray(end - start),
            sorted(years + relative) if relative else years,
            sorted(ends + year_words, reverse=True) if year_words else ends,
        ))  # fmt: skip


_period = maker(Period)


def _start(period: Period) -> int:
    return period.start


class _Scope(NamedTuple):
    """The slice of text being searched and the offsets (relative to start) already taken."""

    text: str
    start: int
    end: int
    published: int | None
    taken: bytearray
    forward: list[int]  # where forms that start with their year may start, in order
    backward: list[int]  # where forms that end with their year may end, last first

    def is_taken(self, start: int, end: int) -> bool:
        """True when any character in [start, end) already belongs to a period."""
        return self.taken.find(1, start - self.start, end - self.start) != -1

    def take(self, start: int, end: int) -> None:
        """Mark [start, end) as belonging to a period."""
        self.taken[start - self.start : end - self.start] = b"\x01" * (end - start)


_new_scope = maker(_Scope)


def _forward(scope: _Scope) -> list[Period]:
    """Forms that start with their year: 2025年1-8月, 今年上半年, 2025 Q1, 2024's."""
    periods = []
    text, taken, offset = scope.text, scope.taken, scope.start
    for start in scope.forward:
        if taken[start - offset]:
            continue
        # A year that labels what follows it: "Market size, 2024: 50.44 billion yuan".
        if text[start + 4 : start + 5] in _LABEL_ENDS and text[start].isdigit():
            scope.take(start, start + 4)
            periods.append(Period(start, start + 4, text[start : start + 4]))
            continue
        if _may_start_forward_form(text, start):
            period = _build(scope, FORWARD_RE.match(text, start, scope.end))
            if period is not None:
                periods.append(period)
    return periods


def _backward(scope: _Scope) -> list[Period]:
    """Forms that end with their year: Q1 2025, January to August 2025, in 2024, last year."""
    periods = []
    text, taken, offset = scope.text, scope.taken, scope.start
    for end in scope.backward:
        if taken[end - 1 - offset]:
            continue
        period = _simple_year(scope, end)
        if period is None and _may_end_backward_form(text, end):
            window = max(offset, _window_start(text, end))
            period = _build(scope, search_backward(text, window, end))
        if period is not None:
            periods.append(period)
    return periods


def _simple_year(scope: _Scope, end: int) -> Period | None:
    """The common "in 2024" / "of 2025", read without a regex search; None for anything else
    (including "months of 2025" and "half of 2025", which the longer forms must read)."""
    text, digits = scope.text, scope.text[end - 4 : end]
    head = text[max(scope.start, end - 28) : end - 4]
    # The ends of years are those of valid years already: only "year" (this year) has no digits.
    if not head.endswith(" ") or not digits.isdigit():
        return None
    words = head.lower().split()[-2:]
    previous = words[-2] if len(words) > 1 else ""
    if not words or words[-1] not in _YEAR_PREPOSITIONS or previous in _LONGER_FORMS:
        return None
    start = end - 4 - len(head) + len(head.rstrip()) - len(words[-1])
    if (start > 0 and text[start - 1].isalpha()) or scope.is_taken(start, end):
        return None
    scope.take(start, end)
    return _period((start, end, digits))


def _may_start_forward_form(text: str, start: int) -> bool:
    """False when no form can start at the year at ``start``: what follows its digits fits
    none (every form goes on with H, Q, 年 or 's, after at most one space); relative years
    (今年) may."""
    if not text[start].isdigit():
        return True
    after = text[start + 4 : start + 5]
    if after.isspace():
        return text[start + 5 : start + 6] in _AFTER_FORWARD_SPACE
    return after in _AFTER_FORWARD_YEAR


def _may_end_backward_form(text: str, end: int) -> bool:
    """False when no English form can end here: the year follows CJK text or a bracket."""
    if text[end - 4 : end] == "year":
        return True
    before = text[max(0, end - 12) : end - 4].rstrip()[-1:]
    return before.isascii() and (before.isalnum() or before in ".,")


def _after_relative_word(text: str, start: int) -> bool:
    """True when "year" at ``start`` follows this, last or next."""
    return text[max(0, start - 6) : start].rstrip().lower().endswith(("this", "last", "next"))


def _window_start(text: str, end: int) -> int:
    """Where a backward search may start: far enough back, not inside a word."""
    start = max(0, end - _LOOK_BEHIND)
    while start > 0 and text[start - 1].isalpha() and text[start].isalpha():
        start -= 1
    return start


def _build(scope: _Scope, match: re.Match[str] | None) -> Period | None:
    """The Period of a form's match, marking its span as taken; None if it is not one."""
    if match is None:
        return None
    start, end = match.span()
    if scope.is_taken(start, end):
        return None
    try:
        check_word_start(scope.text, start)
        value = build_value(match, scope.published)
    except Unresolved:
        return None
    scope.take(start, end)
    return _period((start, end, value))
