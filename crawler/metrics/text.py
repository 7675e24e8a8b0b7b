"""Text helpers for metric extraction: width/script normalisation and sentence/clause spans."""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, partial
from typing import Any, NamedTuple, TypeVar

from storage.cjk import character_folds

logger = logging.getLogger(__name__)

_T = TypeVar("_T", bound=tuple[Any, ...])


def maker(cls: type[_T]) -> Callable[[tuple[Any, ...]], _T]:
    """A constructor of the named tuple ``cls`` from a tuple of its fields, in field order:
    ``tuple.__new__`` called directly, without the generated ``__new__`` (twice as fast, for
    the tuples made once per number, term or name)."""
    return partial(tuple.__new__, cls)


# Characters that matter to number parsing, mapped one-to-one so that offsets into the
# normalised text are offsets into the original (quotes and raw text come from the original).
_BASE_MAP: dict[int, str] = {
    **{0xFF10 + i: str(i) for i in range(10)},
    **{0xFF21 + i: chr(ord("A") + i) for i in range(26)},
    **{0xFF41 + i: chr(ord("a") + i) for i in range(26)},
    0xFF05: "%",
    0xFF0E: ".",
    0xFF04: "$",
    0xFF0B: "+",
    0xFF0D: "-",
    0xFFE5: "¥",
    0xFFE0: "$",
    0x3000: " ",
    0x00A0: " ",
    0x2009: " ",
    0x202F: " ",
}

_ABBREVIATIONS = frozenset(
    "no nos vs mr mrs ms dr prof inc ltd co corp approx est fig vol st jan feb mar apr jun "
    "jul aug sep sept oct nov dec e.g i.e".split()
)
# A plain character class lets the regex engine skip ahead; each hit is classified in Python.
# The lookaheads drop what is never a boundary: decimal points ("1.33"), thousands separators
# ("20,000") and all but the last character of a run of sentence ends ("\n\n", "。\n").
_BOUNDARY = re.compile(
    r"[。！？!?；;\n.，：:,–—]"
    r"(?!(?<=[。！？!?；;\n.])[。！？!?；;\n])(?!(?<=\.)[0-9A-Za-z])(?!(?<=\d,)\d{3}(?!\d))"
)
_SENTENCE_ENDS = frozenset("。！？!?；;\n")
_PLAIN_KINDS = {**dict.fromkeys(_SENTENCE_ENDS, "sentence"), **dict.fromkeys("，：:", "clause")}
_CLOSING_QUOTES = "\"'”’)]"
_WORD_BEFORE_DOT = re.compile(r"([A-Za-z][A-Za-z.]{0,5})$")
_THOUSANDS_TAIL = re.compile(r"\d{3}(?!\d)")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# "[A-Za-z]+" written as a class first: the regex engine skips ahead to letters (Chinese text).
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z]*")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@cache
def _translation() -> tuple[dict[int, str], re.Pattern[str]]:
    """The normalisation table (full-width forms, Traditional characters) and a regex of
    its keys: a character class scan is fast, and most text holds none of them."""
    table = dict(_BASE_MAP)
    table.update(character_folds())
    table = {key: value for key, value in table.items() if chr(key) != value}
    bmp = "".join(re.escape(chr(key)) for key in sorted(table) if key <= 0xFFFF)
    # Characters outside the BMP would turn the class into a slow list; a range keeps it fast.
    return table, re.compile(f"[{bmp}]|[\U00010000-\U0010ffff]")


def normalize(text: str) -> str:
    """Map full-width digits/letters and Traditional characters to ASCII/Simplified, 1:1."""
    if text.isascii():
        return text
    table, keys = _translation()
    return keys.sub(lambda m: table.get(ord(m.group()), m.group()), text)


class Words(NamedTuple):
    """The ASCII words of chosen spans of a text, read once for terms, names and cue words."""

    rests: str  # where a term's words after the first are read
    per_span: list[list[re.Match[str]]]  # each span's words, matched in lower-cased text
    strings: list[list[str]]  # the same words as strings, span by span
    lowered: bool  # str.lower kept the text's length: the words are those of each span lowered
    matched: str  # the lower-cased text the words were matched in


def read_words(text: str, spans: Sequence[tuple[int, int]], like: Words | None = None) -> Words:
    """The words inside ``spans`` of normalised ``text``, in order, lower-cased (``like``: words
    read earlier from the same text, whose lower-cased text is reused)."""
    if like is not None:
        lowered, rests, same = like.matched, like.rests, like.lowered
    else:
        lowered = rests = text.lower()
        same = len(lowered) == len(text)
        if not same:  # a few non-ASCII letters lengthen when lower-cased:
            lowered, rests = text.translate(_ASCII_LOWER), text  # then words only, as written
    per_span = [list(_WORD_RE.finditer(lowered, s, e)) for s, e in spans]
    strings = [[match[0] for match in matches] for matches in per_span]
    return Words(rests, per_span, strings, same, lowered)


@dataclass(frozen=True, slots=True)
class Segments:
    """Sentence and clause boundaries of one text, for position look-ups."""

    sentence_starts: tuple[int, ...]
    sentence_ends: tuple[int, ...]
    clause_starts: tuple[int, ...]

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence holding ``pos``."""
        return bisect.bisect_right(self.sentence_starts, pos) - 1

    def clause_of(self, pos: int) -> int:
        """Index of the clause holding ``pos``."""
        return bisect.bisect_right(self.clause_starts, pos) - 1

    def sentence_span(self, index: int) -> tuple[int, int]:
        """Start and end offsets of sentence ``index``."""
        return self.sentence_starts[index], self.sentence_ends[index]

    def clause_span(self, index: int) -> tuple[int, int]:
        """Start and end offsets of clause ``index`` (end is the next clause's start)."""
        starts = self.clause_starts
        end = starts[index + 1] if index + 1 < len(starts) else self.sentence_ends[-1]
        return starts[index], end


def segment(text: str) -> Segments:
    """Split normalised ``text`` into sentences, and sentences into clauses."""
    sentence_starts, sentence_ends, clause_starts = [0], [], [0]
    for match in _BOUNDARY.finditer(text):
        kind = _PLAIN_KINDS.get(match[0]) or _boundary_kind(text, match.start())
        if kind is None:
            continue
        end = match.end()
        if kind == "sentence":
            sentence_ends.append(end)
            sentence_starts.append(end)
        clause_starts.append(end)
    sentence_ends.append(len(text))
    return Segments(tuple(sentence_starts), tuple(sentence_ends), tuple(clause_starts))


def _boundary_kind(text: str, pos: int) -> str | None:
    """ "sentence", "clause" or None for the punctuation character at ``pos``."""
    char = text[pos]
    if char in _SENTENCE_ENDS:
        return "sentence"
    if char == ".":
        return "sentence" if _ends_sentence(text, pos) else None
    if char == ",":
        return None if _is_thousands_separator(text, pos) else "clause"
    if char in "–—":
        return "clause" if _is_dash_break(text, pos) else None
    return "clause"


def _ends_sentence(text: str, dot: int) -> bool:
    """True for a full stop: whitespace after it (past closing quotes), no abbreviation."""
    after = dot + 1
    while after < len(text) and text[after] in _CLOSING_QUOTES:
        after += 1
    if after < len(text) and not text[after].isspace():
        return False
    return not _is_abbreviation(text, dot)


def _is_dash_break(text: str, pos: int) -> bool:
    """True for a spaced dash (" – ") or a doubled Chinese dash ("——") between clauses."""
    spaced = 0 < pos < len(text) - 1 and text[pos - 1].isspace() and text[pos + 1].isspace()
    return spaced or text[pos : pos + 2] == "——"


def _is_thousands_separator(text: str, comma: int) -> bool:
    """True for the comma in "20,000": a digit before it and exactly three after it."""
    return comma > 0 and text[comma - 1].isdigit() and bool(_THOUSANDS_TAIL.match(text, comma + 1))


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the word before the dot at ``dot`` is an abbreviation or an initial."""
    match = _WORD_BEFORE_DOT.search(text, max(0, dot - 6), dot)
    if match is None:
        return False
    word = match.group(1)
    last = word.rsplit(".", 1)[-1]
    if len(last) == 1 and last.isupper():
        return True
    return last.lower() in _ABBREVIATIONS or word.lower() in _ABBREVIATIONS


class Phrases:
    """Phrases to find at the end or the start of a lower-cased window, longest first.

    Phrases are filed under their last (or first) two characters, one-character phrases under
    that character, so a look-up is two dictionary accesses and a few ``endswith`` calls.
    English phrases only match whole words: "no" never matches the end of "casino".
    """

    def __init__(self, phrases: Mapping[str, str]) -> None:
        # Each entry: (phrase, value, whether its outer letter needs a word boundary there).
        self._ends: dict[str, list[tuple[str, str, bool]]] = {}
        self._starts: dict[str, list[tuple[str, str, bool]]] = {}
        for phrase, value in sorted(phrases.items(), key=lambda item: -len(item[0])):
            self._ends.setdefault(phrase[-2:], []).append((phrase, value, is_letter(phrase[0])))
            self._starts.setdefault(phrase[:2], []).append((phrase, value, is_letter(phrase[-1])))
        # A two-character key also lists the one-character phrases of its last character (the
        # shortest, so last): the look-up of a window's last two characters finds them all.
        for key, entries in list(self._ends.items()):
            if len(key) == 2:
                self._ends[key] = entries + self._ends.get(key[-1], [])
        # The characters phrases end and start with: most windows are ruled out by one look-up.
        self.lasts = frozenset(phrase[-1] for phrase in phrases)
        self.firsts = frozenset(phrase[0] for phrase in phrases)

    def ending(self, text: str) -> tuple[str, int] | None:
        """(value, start) of the longest phrase ``text`` ends with."""
        last = text[-1:]
        if last not in self.lasts:
            return None
        for phrase, value, bounded in self._ends.get(text[-2:]) or self._ends.get(last, []):
            if text.endswith(phrase):
                start = len(text) - len(phrase)
                if not (bounded and start and text[start - 1] in _ASCII_LETTERS):
                    return value, start
        return None

    def starting(self, text: str) -> str | None:
        """The value of the longest phrase ``text`` starts with."""
        first = text[:1]
        if first not in self.firsts:
            return None
        for key in (text[:2], first):
            for phrase, value, bounded in self._starts.get(key, ()):
                if text.startswith(phrase) and not (
                    bounded and text[len(phrase) : len(phrase) + 1] in _ASCII_LETTERS
                ):
                    return value
        return None


def is_letter(char: str) -> bool:
    """True for one ASCII letter (CJK characters count as alphabetic to ``str.isalpha``)."""
    return char.isascii() and char.isalpha()
