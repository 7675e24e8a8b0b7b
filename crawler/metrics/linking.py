"""Link a number to the metric term it measures and the period it belongs to.

A term counts in the number's clause or, for a growth figure or a clause that continues the
previous one, earlier in the sentence; the period is the nearest year, quarter or month range.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from crawler.metrics.amounts import CHANGE_UNITS, CURRENCIES, Amount

if TYPE_CHECKING:
    from crawler.metrics.document import Document, Place
    from crawler.metrics.periods import Period
    from crawler.metrics.tags import Tagger
    from crawler.metrics.terms import Term, TermMatcher

_MAX_TERM_GAP = 80  # characters between a number and a term of the same clause
_OWNER_GAP = 12  # "233 branded micro-dramas": a term this close after a number is its noun
_CONTINUATION = re.compile(
    r"\s*(?:(?i:topping|reaching|hitting|exceeding|surpassing|totall?ing|amounting\s+to"
    r"|nearly|almost|up|down|compared|versus|vs\b)"
    # 预计2025年将超过…, 目标是到2027年达到…, 到2027年力争达到…: the same figure, forecast or
    # planned.
    r"|(?:(?:预计|目标是?|力争|有望|计划|争取)?(?:到|在)?(?:\d{4}年(?:底|末)?)?"
    r"(?:预计|力争|有望|计划|争取)?(?:将|有望|可望)?)(?:达到?|突破|超过)"
    r"|较|同比|环比|合计|总计|共计|计)"
)
_PERIOD_LABEL = re.compile(r"\s*(?:\d{4}(?:年|-?[HQ][1-4])?|[HQ][1-4]\s\d{4})\s*[:：]?\s*")
# Between a number and a period, these mean the period belongs to another number.
_JOINER_RE = re.compile(r" (?:to|and|vs\.?|while|compared) |[至到而和]")


def _compatible(amount: Amount, metric_unit: str) -> bool:
    """Whether a number of this unit and kind can measure a metric of ``metric_unit``."""
    unit = amount.unit
    if unit in CURRENCIES:
        return metric_unit in CURRENCIES
    if unit == "percent":
        return amount.kind == "change" or metric_unit == "percent"
    if unit in CHANGE_UNITS:
        return True
    if unit in ("minutes", "count"):
        return metric_unit == unit
    return metric_unit != "percent"


def choose_term(doc: Document, matcher: TermMatcher, amount: Amount, place: Place) -> Term | None:
    """The nearest eligible term in the number's clause, else one from earlier clauses."""
    best, best_gap = None, _MAX_TERM_GAP + 1
    for term in doc.terms_in(place.clause_start, place.clause_end):
        # Characters between the number and the term (0 when they touch or overlap).
        before = term.end <= amount.start
        gap = amount.start - term.end if before else max(0, term.start - amount.end)
        if (
            gap < best_gap  # the first of equally near terms wins
            and _compatible(amount, matcher.units[term.metric])
            and not (before and _owned(doc, term, amount, place.clause_start))
        ):
            best, best_gap = term, gap
    return best if best is not None else _earlier_term(doc, matcher, amount, place)


def _owned(doc: Document, term: Term, amount: Amount, clause_start: int) -> bool:
    """True when the term, which ends before the number, is the noun of an earlier number:
    "55 million MAU and 1,000 staff"."""
    others = doc.amounts_in(clause_start, term.start)  # most terms open their clause: none
    return bool(others) and any(
        other is not amount and 0 <= term.start - other.end <= _OWNER_GAP for other in others
    )


def _earlier_term(doc: Document, matcher: TermMatcher, amount: Amount, place: Place) -> Term | None:
    """For growth figures, the nearest earlier term of the sentence; for levels, of the
    previous clause when that clause holds no number or this clause continues it."""
    if place.clause_start <= place.sentence_start:
        return None
    if amount.kind == "change":
        lo = place.sentence_start
    else:
        lo, _ = doc.segments.clause_span(place.clause - 1)
        # "Market size, 2024: 50.44 billion yuan": a clause that is only a period labels the
        # figure; the term is in the clause before it.
        if lo > place.sentence_start and _PERIOD_LABEL.fullmatch(doc.text, lo, place.clause_start):
            lo, _ = doc.segments.clause_span(place.clause - 2)
        continues = _CONTINUATION.match(doc.text, place.clause_start, amount.start)
        if doc.amounts_in(lo, place.clause_start) and not continues:
            return None
    eligible = [
        t
        for t in doc.terms_in(lo, place.clause_start)
        if _compatible(amount, matcher.units[t.metric])
    ]
    return eligible[-1] if eligible else None


def choose_period(doc: Document, amount: Amount, place: Place, tagger: Tagger) -> str | None:
    """The period nearest the number in its clause, else in its sentence (bases excluded)."""
    # "30 million users and plans to double that next year": next year is the plan's.
    periods = doc.periods_of(place)
    if periods and periods[-1].start >= amount.end:  # periods are in text order
        # A plan's cue before a period makes it the plan's, and so every period after it.
        plan = tagger.first_plan(amount.end, periods[-1].start)
        if plan < periods[-1].start:
            periods = [p for p in periods if p.start < amount.end or p.start <= plan]
    if amount.unit == "multiple":
        periods = [p for p in periods if not _is_multiple_base(doc.text, p, amount)]
    if len(periods) < 2:  # nothing to weigh
        return periods[0].value if periods else None
    best: tuple[bool, int, Period] | None = None
    for period in periods:
        outside = not place.clause_start <= period.start < place.clause_end
        key = (outside, _period_score(doc, period, amount), period)
        if best is None or key[:2] < best[:2]:
            best = key
    return None if best is None else best[2].value


def _is_multiple_base(text: str, period: Period, amount: Amount) -> bool:
    """True for the base of a multiple: "4x Q1 2024", 是去年的9倍."""
    if period.start >= amount.end:
        return not text[amount.end : period.start].strip()
    return text[period.end : amount.start].strip() in ("", "的", "of")


def _period_score(doc: Document, period: Period, amount: Amount) -> int:
    """Distance in characters, penalised across "to"/至 and across other numbers."""
    lo, hi = (
        (period.end, amount.start) if period.end <= amount.start else (amount.end, period.start)
    )
    score = max(0, hi - lo)
    if hi - lo > 2 and _JOINER_RE.search(doc.text, lo, hi):
        score += 20
    if any(other.end <= hi for other in doc.amounts_in(lo, hi)):
        score += 100
    return score
