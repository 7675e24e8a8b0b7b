"""Numeric metric observations from article text ("1.33 million jobs" -> jobs = 1330000).

A number becomes an observation of a metric when one of the metric's terms is in the same
clause (or, for a growth figure or a clause that continues the previous one, earlier in the
sentence). Units come from the number's own currency or unit words, else from the metric;
periods from the nearest year, quarter or month range. Thresholds in rules, codes, dates and
bracketed currency conversions are not observations.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple, Protocol

from crawler.metrics.amounts import CHANGE_UNITS, CURRENCIES, Amount, find_amounts
from crawler.metrics.entities import EntityDefinition, EntityFinder, Mention, finder_for
from crawler.metrics.periods import Period, PeriodFinder
from crawler.metrics.tags import TERM_REGION, Tagger
from crawler.metrics.terms import Term, TermMatcher, find_each, matcher_for
from crawler.metrics.text import Phrases, Segments, Words, maker, normalize, read_words, segment

if TYPE_CHECKING:
    from datetime import date

__all__ = ["MetricDefinition", "Observation", "extract_observations"]

logger = logging.getLogger(__name__)

_MAX_TERM_GAP = 80  # characters between a number and a term of the same clause
_OWNER_GAP = 12  # "233 branded micro-dramas": a term this close after a number is its noun
# A digit, or the start of a Chinese numeral (三千, 两亿, 十五): where figures can be.
_DIGIT_RE = re.compile(r"\d|[一二两三四五六七八九十][十百千万亿]|十[一二三四五六七八九]")
# The first characters of those: one character class lets the regex engine skip ahead.
_DIGIT_START = re.compile(r"[\d一二两三四五六七八九十]")
_TITLE_RE = re.compile(r"《[^》\n]{1,80}》")
_CONTINUATION = re.compile(
    r"\s*(?:(?i:topping|reaching|hitting|exceeding|surpassing|totall?ing|amounting\s+to"
    r"|nearly|almost|up|down|compared|versus|vs\b)"
    # 预计2025年将超过…, 目标是到2027年达到…, 到2027年力争达到…: the same figure, forecast or
    # planned.
    r"|(?:(?:预计|目标是?|力争|有望|计划|争取)?(?:到|在)?(?:\d{4}年(?:底|末)?)?"
    r"(?:预计|力争|有望|计划|争取)?(?:将|有望|可望)?)(?:达到?|突破|超过)"
    r"|较|同比|环比|合计|总计|共计|计)"
)
_BASE_BEFORE = Phrases(
    dict.fromkeys(
        [
            "较",
            "比",
            "相比",
            "与",
            "vs",
            "vs.",
            "versus",
            "compared to",
            "compared with",
            "over",
            "than",
            "against",
            "same period of",
            "same period in",
        ],
        "base",
    )
)
_PERIOD_LABEL = re.compile(r"\s*(?:\d{4}(?:年|-?[HQ][1-4])?|[HQ][1-4]\s\d{4})\s*[:：]?\s*")
# Before or after a period, these make it the start of a running total.
_SINCE_BEFORE = re.compile(r"(?i:\bsince\b)[^\d,;.]{0,25}$")
_SINCE_AFTER = re.compile(r"[^\d，。；,;]{0,8}以来")
# Between a number and a period, these mean the period belongs to another number.
_JOINER_RE = re.compile(r" (?:to|and|vs\.?|while|compared) |[至到而和]")


class MetricDefinition(Protocol):
    """What the extractor needs of a metric; the config's frozen pydantic model fits."""

    # Read-only properties so that frozen models and dataclasses satisfy the protocol.
    @property
    def key(self) -> str:
        """The metric's identifier, e.g. "market_value"."""
        ...

    @property
    def terms(self) -> Sequence[str]:
        """English and Chinese words that name the metric in a sentence."""
        ...

    @property
    def unit(self) -> str:
        """The unit of a number that carries none of its own (CNY, USD, count, percent ...)."""
        ...


@dataclass(frozen=True)
class Observation:
    """One figure for one metric, in base units, with the sentence it came from."""

    metric: str
    value: float
    unit: str
    period: str | None
    qualifier: str | None
    quote: str
    raw: str
    kind: str = "level"  # "level" or "change" (growth rates, multiples, percentage points)
    entity: str | None = None  # the platform, company or regulator it is about; None: sector
    region: str | None = None  # cn, overseas, global, a province or city; None: unstated
    status: str = "actual"  # actual | forecast | target
    basis: str = "period"  # period | cumulative (a running total)


# fmt: off
def _observation(
    metric: str, value: float, unit: str, period: str | None, qualifier: str | None, quote: str,
    raw: str, kind: str, entity: str | None, region: str | None, status: str, basis: str,
) -> Observation:
    """An Observation made without the frozen dataclass's one ``object.__setattr__`` call per
    field: its attribute dictionary is set at once (equal, hashed and pickled alike)."""
    made = object.__new__(Observation)
    object.__setattr__(made, "__dict__", {
        "metric": metric, "value": value, "unit": unit, "period": period,
        "qualifier": qualifier, "quote": quote, "raw": raw, "kind": kind, "entity": entity,
        "region": region, "status": status, "basis": basis,
    })
    return made
# fmt: on


@dataclass
class _Document:
    """One normalised text with its sentences, clauses, terms and amounts; periods on demand."""

    text: str
    segments: Segments
    amounts: list[Amount]
    amount_starts: list[int]
    terms: list[Term]
    term_starts: list[int]
    titles: list[tuple[int, int]]
    periods: PeriodFinder
    spans: list[tuple[int, int]]  # the runs of sentences that hold a number
    words: Words  # the words of those sentences
    mentions: list[Mention]  # entity names in those sentences
    _periods: dict[int, list[Period]] = field(default_factory=dict)

    def terms_in(self, start: int, end: int) -> list[Term]:
        """Terms that start inside [start, end)."""
        lo = bisect.bisect_left(self.term_starts, start)
        hi = bisect.bisect_left(self.term_starts, end)
        return self.terms[lo:hi]

    def amounts_in(self, start: int, end: int) -> list[Amount]:
        """Amounts that start inside [start, end)."""
        lo = bisect.bisect_left(self.amount_starts, start)
        hi = bisect.bisect_left(self.amount_starts, end)
        return self.amounts[lo:hi]

    def periods_of(self, place: _Place) -> list[Period]:
        """Periods of a sentence outside book titles, comparison bases (较2023年) left out;
        found once per sentence, when first needed."""
        found = self._periods.get(place.sentence)
        if found is None:
            found = self._periods[place.sentence] = [
                p
                for p in self.periods.find(place.sentence_start, place.sentence_end)
                if not _is_base(self.text, p)
                and not _is_start(self.text, p)
                and not self._in_title(p.start)
            ]
        return found

    def _in_title(self, pos: int) -> bool:
        """True when ``pos`` falls inside a book title (titles are apart and in order: only the
        last one that starts at or before ``pos`` can hold it)."""
        index = bisect.bisect_right(self.titles, (pos, len(self.text))) - 1
        return index >= 0 and pos < self.titles[index][1]


def extract_observations(
    text: str,
    definitions: Sequence[MetricDefinition],
    *,
    published_at: date | None = None,
    entities: Sequence[EntityDefinition] = (),
    title: str | None = None,
    region: str | None = None,
) -> list[Observation]:
    """Every metric observation in ``text``, once per (metric, value, period, tags), in text
    order; with an entity catalogue, tagged with the entity and region it is about (``title``:
    the headline, where 本市 or "the city" may find the city it means; ``region``: the city or
    province of the source, what 本市 means when neither text nor title names one)."""
    if not text or not definitions:
        return []
    matcher, finder = matcher_for(definitions), finder_for(entities)
    doc = _document(text, matcher, finder, published_at.year if published_at else None)
    mentions = _term_regions(doc) if finder is not None else []
    names = (finder, mentions, title, region)
    tagger = Tagger(doc.text, doc.segments, doc.amounts, (doc.spans, doc.words), names)
    observations: list[Observation] = []
    seen: set[tuple[object, ...]] = set()
    for index, amount in enumerate(doc.amounts):
        place = _Place.of(doc.segments, amount.start)
        term = _choose_term(doc, matcher, amount, place)
        if term is None:
            continue
        metric, unit = matcher.keys[term.metric], amount.unit or matcher.units[term.metric]
        period = _choose_period(doc, amount, place, tagger)
        tags = tagger.tag(index, place, (term.start, term.end), unit in CURRENCIES, period)
        key = (metric, amount.value, period, tags)
        if tags is None or key in seen:
            continue
        seen.add(key)
        observations.append(
            _observation(
                metric, amount.value, unit, period, amount.qualifier,
                text[place.sentence_start : place.sentence_end].strip(),
                text[amount.start : amount.end].strip(), amount.kind, *tags,
            )
        )  # fmt: skip
    return observations


def _document(
    original: str, matcher: TermMatcher, finder: EntityFinder | None, year: int | None
) -> _Document:
    """Normalise ``original`` and find its sentences, terms, entity mentions and amounts."""
    text = normalize(original)
    segments = segment(text)
    spans = _numeric_sentences(text, segments)
    words = read_words(text, spans)  # for terms, names and cue words alike
    if finder is None:
        terms, mentions = find_each((matcher,), text, spans, words)[0], []
    else:
        terms, names = find_each((matcher, finder.matcher), text, spans, words)
        mentions = finder.mentions(names)
    titles = [m.span() for m in _TITLE_RE.finditer(text)]
    amounts = find_amounts(text, _blocked(text, segments, terms, titles))
    return _Document(
        text,
        segments,
        amounts,
        [a.start for a in amounts],
        terms,
        [t.start for t in terms],
        titles,
        PeriodFinder(text, year),
        spans,
        words,
        mentions,
    )


def _term_regions(doc: _Document) -> list[Mention]:
    """The mentions, a region inside a metric's term ("overseas revenue", 海外收入) marked as
    that term's own: it is the region of that term's figures and of no other."""
    found = []
    for mention in doc.mentions:
        if mention.role == "region":
            index = bisect.bisect_right(doc.term_starts, mention.start) - 1
            if index >= 0 and doc.terms[index].end >= mention.end:
                mention = mention._replace(role=TERM_REGION)
        found.append(mention)
    return found


def _numeric_sentences(text: str, segments: Segments) -> list[tuple[int, int]]:
    """Spans of the runs of sentences that hold a digit: only they can hold observations."""
    spans: list[tuple[int, int]] = []
    lead = _DIGIT_START.search(text)
    while lead is not None:
        if not _DIGIT_RE.match(text, lead.start()):  # 一 or 三 alone: a word, not a figure
            lead = _DIGIT_START.search(text, lead.start() + 1)
            continue
        start, end = segments.sentence_span(segments.sentence_of(lead.start()))
        if spans and spans[-1][1] == start:
            start = spans.pop()[0]
        spans.append((start, end))
        lead = _DIGIT_START.search(text, end)
    return spans


def _blocked(
    text: str, segments: Segments, terms: list[Term], titles: list[tuple[int, int]]
) -> bytearray:
    """Characters whose numbers need no parsing: book titles and sentences without a term."""
    blocked = bytearray(b"\x01") * len(text)
    starts = segments.sentence_starts  # Segments.sentence_of, written out: once per term
    for sentence in {bisect.bisect_right(starts, term.start) - 1 for term in terms}:
        start, end = segments.sentence_span(sentence)
        blocked[start:end] = bytes(end - start)
    for start, end in titles:
        blocked[start:end] = b"\x01" * (end - start)
    return blocked


class _Place(NamedTuple):
    """Where a number sits: its sentence and clause, by index and span."""

    sentence: int
    sentence_start: int
    sentence_end: int
    clause: int
    clause_start: int
    clause_end: int

    @classmethod
    def of(cls, segments: Segments, pos: int) -> _Place:
        """The place of text position ``pos``."""
        # The Segments look-ups written out: this runs once per number.
        starts, ends = segments.sentence_starts, segments.sentence_ends
        clauses = segments.clause_starts
        sentence = bisect.bisect_right(starts, pos) - 1
        clause = bisect.bisect_right(clauses, pos) - 1
        clause_end = clauses[clause + 1] if clause + 1 < len(clauses) else ends[-1]
        return _place(
            (sentence, starts[sentence], ends[sentence], clause, clauses[clause], clause_end)
        )


_place = maker(_Place)


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


def _gap(amount: Amount, term: Term) -> int:
    """Characters between the number and the term (0 when they touch or overlap)."""
    if term.end <= amount.start:
        return amount.start - term.end
    return max(0, term.start - amount.end)


def _choose_term(
    doc: _Document, matcher: TermMatcher, amount: Amount, place: _Place
) -> Term | None:
    """The nearest eligible term in the number's clause, else one from earlier clauses."""
    best, best_gap = None, _MAX_TERM_GAP + 1
    for term in doc.terms_in(place.clause_start, place.clause_end):
        gap = _gap(amount, term)
        if (
            gap < best_gap  # the first of equally near terms wins
            and _compatible(amount, matcher.units[term.metric])
            and not (term.end <= amount.start and _owned(doc, term, amount, place.clause_start))
        ):
            best, best_gap = term, gap
    return best if best is not None else _earlier_term(doc, matcher, amount, place)


def _owned(doc: _Document, term: Term, amount: Amount, clause_start: int) -> bool:
    """True when the term, which ends before the number, is the noun of an earlier number:
    "55 million MAU and 1,000 staff"."""
    return any(
        other is not amount and 0 <= term.start - other.end <= _OWNER_GAP
        for other in doc.amounts_in(clause_start, term.start)
    )


def _earlier_term(
    doc: _Document, matcher: TermMatcher, amount: Amount, place: _Place
) -> Term | None:
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


def _choose_period(doc: _Document, amount: Amount, place: _Place, tagger: Tagger) -> str | None:
    """The period nearest the number in its clause, else in its sentence (bases excluded)."""
    # "30 million users and plans to double that next year": next year is the plan's.
    periods = doc.periods_of(place)
    if periods and periods[-1].start >= amount.end:  # periods are in text order
        periods = [
            p for p in periods if p.start < amount.end or not tagger.planned(amount.end, p.start)
        ]
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


def _is_base(text: str, period: Period) -> bool:
    """True for a comparison base: 较2023年, "compared with 2023", 比去年同期."""
    window = text[max(0, period.start - 20) : period.start].lower().rstrip()
    return _BASE_BEFORE.ending(window) is not None


def _is_start(text: str, period: Period) -> bool:
    """True for the start of a running total: "since its launch in 2022", 2022年上线以来."""
    before = max(0, period.start - 30)
    if "ince" in text[before : period.start]:  # since, Since (a substring test is cheap)
        return _SINCE_BEFORE.search(text, before, period.start) is not None
    return "以来" in text[period.end : period.end + 10] and bool(
        _SINCE_AFTER.match(text, period.end)
    )


def _is_multiple_base(text: str, period: Period, amount: Amount) -> bool:
    """True for the base of a multiple: "4x Q1 2024", 是去年的9倍."""
    if period.start >= amount.end:
        return not text[amount.end : period.start].strip()
    return text[period.end : amount.start].strip() in ("", "的", "of")


def _period_score(doc: _Document, period: Period, amount: Amount) -> int:
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
