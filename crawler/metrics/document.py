"""One normalised text indexed for linking numbers: sentences, clauses, terms, amounts, periods."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from crawler.metrics.amounts import Amount, find_amounts
from crawler.metrics.entities import EntityFinder, Mention
from crawler.metrics.periods import Period, PeriodFinder
from crawler.metrics.terms import Term, TermMatcher, find_each
from crawler.metrics.text import Phrases, Segments, Words, maker, normalize, read_words, segment

# A digit, or the start of a Chinese numeral (三千, 两亿, 十五): where figures can be.
_DIGIT_RE = re.compile(r"\d|[一二两三四五六七八九十][十百千万亿]|十[一二三四五六七八九]")
# The first characters of those: one character class lets the regex engine skip ahead.
_DIGIT_START = re.compile(r"[\d一二两三四五六七八九十]")
_TITLE_RE = re.compile(r"《[^》\n]{1,80}》")
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
# Before or after a period, these make it the start of a running total.
_SINCE_BEFORE = re.compile(r"(?i:\bsince\b)[^\d,;.]{0,25}$")
_SINCE_AFTER = re.compile(r"[^\d，。；,;]{0,8}以来")


@dataclass
class Document:
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

    def read_periods(self, sentences: list[int]) -> None:
        """Find the periods of ``sentences`` (in order) in one pass, for :meth:`periods_of`:
        outside book titles, comparison bases (较2023年) and starts of running totals left out."""
        starts, ends = self.segments.sentence_starts, self.segments.sentence_ends
        spans = [(starts[sentence], ends[sentence]) for sentence in sentences]
        for sentence, found in zip(sentences, self.periods.find(spans), strict=True):
            self._periods[sentence] = [
                p
                for p in found
                if not _is_base(self.text, p)
                and not _is_start(self.text, p)
                and not (self.titles and self._in_title(p.start))
            ]

    def periods_of(self, place: Place) -> list[Period]:
        """The periods of a number's sentence (read here if :meth:`read_periods` did not)."""
        if place.sentence not in self._periods:
            self.read_periods([place.sentence])
        return self._periods[place.sentence]

    def _in_title(self, pos: int) -> bool:
        """True when ``pos`` falls inside a book title (titles are apart and in order: only the
        last one that starts at or before ``pos`` can hold it)."""
        index = bisect.bisect_right(self.titles, (pos, len(self.text))) - 1
        return index >= 0 and pos < self.titles[index][1]


def build_document(
    original: str, matcher: TermMatcher, finder: EntityFinder | None, year: int | None
) -> Document:
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
    lowered = words.matched if words.lowered else None  # the text lower-cased, read once
    amounts = find_amounts(text, _blocked(text, segments, terms, titles), lowered)
    return Document(
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


def _numeric_sentences(text: str, segments: Segments) -> list[tuple[int, int]]:
    """Spans of the runs of sentences that hold a digit: only they can hold observations."""
    spans: list[tuple[int, int]] = []
    starts, ends = segments.sentence_starts, segments.sentence_ends  # read once per sentence
    lead = _DIGIT_START.search(text)
    while lead is not None:
        # A decimal digit is what \d matches: no regex for it; 一 or 三 alone is a word.
        if not lead[0].isdecimal() and not _DIGIT_RE.match(text, lead.start()):
            lead = _DIGIT_START.search(text, lead.start() + 1)
            continue
        sentence = bisect.bisect_right(starts, lead.start()) - 1
        start, end = starts[sentence], ends[sentence]
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


class Place(NamedTuple):
    """Where a number sits: its sentence and clause, by index and span."""

    sentence: int
    sentence_start: int
    sentence_end: int
    clause: int
    clause_start: int
    clause_end: int

    @classmethod
    def of(cls, segments: Segments, pos: int) -> Place:
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


_place = maker(Place)


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
