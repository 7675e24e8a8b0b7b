"""Cue words that set a figure's status and basis ("expected", 目标, "since launch", 累计 ...)
and local references (本市, "the city").

English cues are looked up word by word (and by word pairs) in dictionaries, Chinese ones by
one regex of literals: a single regex of every cue costs more than the rest of the extraction.
The sentences that hold numbers are scanned once, from the words the term matcher read (see
``text.read_words``); a figure reads the cues of its window by bisection.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import NamedTuple

from crawler.metrics.text import Words

_WORD_CUES = {
    **dict.fromkeys(
        "aim aims aimed aiming target targets targeted targeting goal goals plan plans "
        "planned strive strives".split(),
        "target",
    ),
    **dict.fromkeys(
        "expect expects expected project projects projected forecast forecasts "
        "forecasted predict predicts predicted could estimates anticipated".split(),
        "forecast",
    ),
    "will": "future",
    "cumulative": "cumulative",
    "cumulatively": "cumulative",
    "lifetime": "cumulative",
    "shares": "share",
    "stock": "share",
    "stocks": "share",
}
# Word pairs, filed under their rarer word (so a sentence without one is skipped in one pass).
_FIRST_OF_PAIR = {
    ("seek", "to"): "target",
    ("seeks", "to"): "target",
    ("set", "to"): "forecast",
    ("likely", "to"): "forecast",
}
_SECOND_OF_PAIR = {
    ("on", "track"): "forecast",
    ("to", "date"): "cumulative",
    ("all", "time"): "cumulative",
    ("in", "total"): "cumulative",
    ("since", "launch"): "cumulative",
    ("its", "launch"): "cumulative",
    ("since", "inception"): "cumulative",
    ("its", "inception"): "cumulative",
    ("share", "price"): "share",
    ("this", "city"): "local",
    ("the", "city"): "local",
    ("this", "province"): "local",
    ("the", "province"): "local",
}
_CJK_CUES = {
    **dict.fromkeys("目标 力争 计划 争取".split(), "target"),
    **dict.fromkeys("预计 预测 有望 预期 可望".split(), "forecast"),
    "将": "future",
    **dict.fromkeys("累计 上线以来 成立以来 问世以来 迄今".split(), "cumulative"),
    **dict.fromkeys("本市 该市 全市 本省 该省 全省".split(), "local"),
    "股价": "share",
    "股票": "share",
}
_WORD = re.compile(r"[a-z]+")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# 到2027年 opening a clause is the year a plan sets (not 从…增长到2024年的); 将近 is "nearly".
_CLAUSE_OPENERS = frozenset("，,；;。！？!?\n ")
_CJK = re.compile(r"到\d{4}年|将近|" + "|".join(sorted(_CJK_CUES, key=len, reverse=True)))
_ANCHORS = frozenset(
    [
        *_WORD_CUES,
        *(first for first, _ in _FIRST_OF_PAIR),
        *(second for _, second in _SECOND_OF_PAIR),
    ]
)
# Read only where they matter (few figures), by a regex on the figure's window: a comparison
# base before a figure that would otherwise keep a forecast's status, and "as of" before money.
BASE_RE = re.compile(r"(?i:\bfrom\b|\bcompared (?:with|to)\b)|较|相比")
AS_OF_RE = re.compile(r"(?i:\bas (?:of|at)\b)|截至|截止")
PLANNED = frozenset({"target", "forecast", "year", "future"})


class Cues(NamedTuple):
    """The cues of a text: their offsets and their kinds, in order."""

    starts: list[int]
    kinds: list[str]

    def around(
        self, sentence: int, since: int, number: int, until: int
    ) -> tuple[list[str], list[str], list[str]]:
        """The kinds of cue in [sentence, since), [since, number) and [number, until), for
        ``sentence <= since <= number <= until``."""
        starts = self.starts
        if not starts or starts[-1] < sentence:
            return [], [], []
        first = bisect.bisect_left(starts, sentence)
        if starts[first] >= until:  # most figures: no cue from the sentence's start to theirs
            return [], [], []
        lo, mid = (
            bisect.bisect_left(starts, since, first),
            bisect.bisect_left(starts, number, first),
        )
        hi = bisect.bisect_left(starts, until, mid)
        return self.kinds[first:lo], self.kinds[lo:mid], self.kinds[mid:hi]

    def last_between(self, start: int, end: int, kinds: frozenset[str]) -> int:
        """The offset of the last cue of one of ``kinds`` in [start, end), else ``start``."""
        lo = bisect.bisect_left(self.starts, start)
        for index in range(bisect.bisect_left(self.starts, end, lo) - 1, lo - 1, -1):
            if self.kinds[index] in kinds:
                return self.starts[index]
        return start

    def of_kind(self, kind: str) -> list[int]:
        """The offsets of the cues of ``kind``."""
        return [
            start for start, found in zip(self.starts, self.kinds, strict=True) if found == kind
        ]

    def first_between(self, start: int, end: int, kinds: frozenset[str]) -> int:
        """The offset of the first cue of one of ``kinds`` in [start, end), else ``end``."""
        lo = bisect.bisect_left(self.starts, start)
        for index in range(lo, bisect.bisect_left(self.starts, end, lo)):
            if self.kinds[index] in kinds:
                return self.starts[index]
        return end


def find_cues(text: str, spans: Sequence[tuple[int, int]], words: Words) -> Cues:
    """The cues inside ``spans`` of normalised ``text``, whose ``words`` are already read."""
    found: list[tuple[int, str]] = []
    chinese = not text.isascii()
    for (start, end), matches, strings in zip(spans, words.per_span, words.strings, strict=True):
        if words.lowered:
            found += _english(strings, matches, 0)
        else:  # lower-cased span by span, as written
            found += _english_of(text, start, end)
        if chinese:
            found += _chinese(text, start, end)
    found.sort()
    return Cues([offset for offset, _ in found], [kind for _, kind in found])


def _english_of(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The English cues of ``text[start:end]``, its words read here."""
    span = text[start:end]
    lowered = span.lower()
    if len(lowered) != len(span):  # a few non-ASCII letters lengthen when lower-cased
        lowered = span.translate(_ASCII_LOWER)
    words = _WORD.findall(lowered)
    if _ANCHORS.isdisjoint(words):  # one C-level pass decides most spans
        return []
    return _english(words, list(_WORD.finditer(lowered)), start)


def _english(
    words: list[str], matches: Sequence[re.Match[str]], offset: int
) -> list[tuple[int, str]]:
    """The cues among ``words`` (found by ``matches``, at offsets ``offset`` too early)."""
    if _ANCHORS.isdisjoint(words):
        return []
    found = []
    for index in [i for i, word in enumerate(words) if word in _ANCHORS]:
        word = words[index]
        after = words[index + 1] if index + 1 < len(words) else ""
        pair = _SECOND_OF_PAIR.get((words[index - 1], word)) if index else None
        if pair is not None:
            found.append((offset + matches[index - 1].start(), pair))
            continue
        kind = _FIRST_OF_PAIR.get((word, after), _WORD_CUES.get(word))
        if kind is not None:
            found.append((offset + matches[index].start(), kind))
    return found


def _chinese(text: str, start: int, end: int) -> list[tuple[int, str]]:
    found = []
    for match in _CJK.finditer(text, start, end):
        cue, at = match[0], match.start()
        if cue[0] == "到":
            kind = "year" if at == start or text[at - 1] in _CLAUSE_OPENERS else None
        elif cue[0] == "全" and text[at + 2 : at + 3] == "场":  # 全市场: the whole market
            kind = None
        else:
            kind = _CJK_CUES.get(cue)
        if kind is not None:
            found.append((at, kind))
    return found
