"""Find the terms of metric definitions in text, fast: the matcher is built once per set.

English terms match whole words, case-blind, joined by spaces or hyphens, with an optional
plural "s"/"es" on the last word; Chinese terms match as written (after normalisation, so
Traditional text matches Simplified terms). Where terms overlap, the leftmost and then the
longest wins, so "monthly active users" is not read as "users".
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, Protocol

from crawler._text import normalize

logger = logging.getLogger(__name__)

_WORD_RE = re.compile(r"[A-Za-z]+")

Signature = tuple[tuple[str, str, tuple[str, ...]], ...]


class Definition(Protocol):
    """The parts of a metric definition the matcher reads."""

    @property
    def key(self) -> str: ...
    @property
    def terms(self) -> Sequence[str]: ...
    @property
    def unit(self) -> str: ...


class Term(NamedTuple):
    """One occurrence of a metric's term in the text."""

    start: int
    end: int
    metric: int  # index into the matcher's keys and units


@dataclass(frozen=True)
class TermMatcher:
    """Finds every metric term in a text: English by first word, Chinese by first character.

    Dictionary look-ups on each word replace one big alternation of every term, which
    Python's regex engine would try term by term at every position (about 20x slower).
    """

    words: dict[str, tuple[tuple[re.Pattern[str] | None, int], ...]]  # first word -> rests
    literals: dict[str, tuple[tuple[str, int], ...]]  # first char -> (term, metric)
    first_chars: re.Pattern[str] | None
    keys: tuple[str, ...]
    units: tuple[str, ...]

    def find(self, text: str, spans: Sequence[tuple[int, int]]) -> list[Term]:
        """Every term occurrence inside ``spans`` of normalised ``text``, in order."""
        lowered = text.lower()
        if len(lowered) != len(text):  # a few non-ASCII letters lengthen when lower-cased
            lowered = text
        terms: list[Term] = []
        for start, end in spans:
            terms += self._find_words(lowered, start, end)
            terms += self._find_literals(text, start, end)
        terms.sort(key=lambda term: term.start)
        return terms

    def _find_words(self, lowered: str, start: int, stop: int) -> list[Term]:
        words = self.words
        found: list[Term] = []
        end = 0
        for match in _WORD_RE.finditer(lowered, start, stop):
            word = match.group().lower()
            # Most words start no term: decide that with one or two dictionary look-ups.
            if word not in words and not (
                word[-1] == "s" and (word[:-1] in words or word[:-2] in words)
            ):
                continue
            term = self._word_term_at(lowered, match, word) if match.start() >= end else None
            if term is not None:
                found.append(term)
                end = term.end
        return found

    def _word_term_at(self, text: str, match: re.Match[str], word: str) -> Term | None:
        """The longest term starting with ``word`` at ``match`` (plural forms allowed)."""
        for key in (word, word[:-1], word[:-2]) if word.endswith("s") else (word,):
            for rest, metric in self.words.get(key, ()):
                if rest is None and word[len(key) :] in ("", "s", "es"):
                    return Term(match.start(), match.end(), metric)
                tail = rest.match(text, match.end()) if rest is not None and key == word else None
                if tail is not None:
                    return Term(match.start(), tail.end(), metric)
        return None

    def _find_literals(self, text: str, start: int, stop: int) -> list[Term]:
        found: list[Term] = []
        if self.first_chars is None:
            return found
        end = 0
        for match in self.first_chars.finditer(text, start, stop):
            pos = match.start()
            if pos < end:
                continue
            for term, metric in self.literals[match.group()]:
                if text.startswith(term, pos):
                    end = pos + len(term)
                    found.append(Term(pos, end, metric))
                    break
        return found


def matcher_for(definitions: Sequence[Definition]) -> TermMatcher:
    """The term matcher of ``definitions``, built once per distinct set (cached)."""
    return _build(tuple((d.key, d.unit, tuple(d.terms)) for d in definitions))


@lru_cache(maxsize=32)
def _build(signature: Signature) -> TermMatcher:
    """Compile the matcher for one set of (key, unit, terms)."""
    words: dict[str, list[tuple[int, re.Pattern[str] | None, int]]] = {}
    literals: dict[str, list[tuple[str, int]]] = {}
    for index, (_, _, terms) in enumerate(signature):
        for term in (normalize(t.strip()) for t in terms if t.strip()):
            if term.isascii():
                split = tuple(_WORD_RE.findall(term.lower()))
                words.setdefault(split[0], []).append((len(split), _rest_pattern(split), index))
            else:
                literals.setdefault(term[0], []).append((term, index))
    chars = "".join(re.escape(c) for c in sorted(literals))
    return TermMatcher(
        words={key: _longest_first_words(entries) for key, entries in words.items()},
        literals={key: tuple(sorted(v, key=lambda e: -len(e[0]))) for key, v in literals.items()},
        first_chars=re.compile(f"[{chars}]") if chars else None,
        keys=tuple(key for key, _, _ in signature),
        units=tuple(unit for _, unit, _ in signature),
    )


def _longest_first_words(
    entries: list[tuple[int, re.Pattern[str] | None, int]],
) -> tuple[tuple[re.Pattern[str] | None, int], ...]:
    """(rest pattern, metric) pairs ordered by word count, longest first."""
    return tuple((rest, metric) for _, rest, metric in sorted(entries, key=lambda e: -e[0]))


def _rest_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """Regex for the words after the first: joined by spaces/hyphens, plural allowed at the end."""
    if len(words) == 1:
        return None
    body = "".join(rf"[\s-]+{re.escape(word)}" for word in words[1:])
    return re.compile(rf"(?i:{body})(?:e?s)?(?![A-Za-z])")
