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
from typing import Any, NamedTuple, Protocol

from crawler.metrics.text import Words, maker, normalize

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


_term = maker(Term)


class _FirstWord(NamedTuple):
    """The terms that start with one English word."""

    rests: re.Pattern[str] | None  # the words after it, one branch per term, longest first
    next_letters: frozenset[str]  # the first letters, either case, of the second words
    rest_metrics: tuple[int, ...]  # the metric of each branch
    single: int | None  # the metric of the one-word term, if there is one


@dataclass(frozen=True)
class TermMatcher:
    """Finds every metric term in a text: English by first word, Chinese in one regex.

    Dictionary look-ups on each word replace one big alternation of every English term, which
    Python's regex engine would try term by term at every position (about 20x slower). Chinese
    terms all start with a literal character, so their alternation skips ahead to those.
    """

    words: dict[str, _FirstWord]  # first word -> the terms it starts
    candidates: frozenset[str]  # first words and their plurals: the words worth a look-up
    forms: dict[str, tuple[tuple[str, _FirstWord], ...]]  # candidate -> the first words it is
    literals: re.Pattern[str] | None  # every Chinese term, longest first
    literal_metrics: tuple[int, ...]  # the metric of each Chinese term, in branch order
    keys: tuple[str, ...]
    units: tuple[str, ...]

    def words_in(self, rests: str, words: list[tuple[re.Match[str], str]]) -> list[Term]:
        """Terms that start with one of ``words`` (matches in ASCII-lower-cased text, in
        order, with the words they matched); the words after the first are read in ``rests``."""
        candidates = self.candidates
        found: list[Term] = []
        end = 0
        for match, word in words:
            if word in candidates and match.start() >= end:
                term = self._word_term_at(rests, match, word)
                if term is not None:
                    found.append(term)
                    end = term.end
        return found

    def _word_term_at(self, text: str, match: re.Match[str], word: str) -> Term | None:
        """The longest term starting with ``word``, matched at ``match`` (plural forms allowed)."""
        for key, first in self.forms[word]:
            if first.rests is not None and key == word and _may_go_on(first, text, match.end()):
                tail = first.rests.match(text, match.end())
                if tail is not None:
                    return _term((match.start(), tail.end(), first.rest_metrics[_branch(tail)]))
            if first.single is not None and word[len(key) :] in ("", "s", "es"):
                return _term((match.start(), match.end(), first.single))
        return None

    def literals_in(self, text: str, start: int, stop: int) -> list[Term]:
        """Chinese terms in ``text[start:stop]``: leftmost, then longest."""
        if self.literals is None:
            return []
        metrics = self.literal_metrics
        # Every branch ends in its own empty group: lastindex is set (_branch written out).
        return [
            _term((*match.span(), metrics[match.lastindex - 1]))  # type: ignore[operator]
            for match in self.literals.finditer(text, start, stop)
        ]


def find_each(
    matchers: Sequence[TermMatcher], text: str, spans: Sequence[tuple[int, int]], words: Words
) -> list[list[Term]]:
    """The terms of each matcher inside ``spans`` of normalised ``text``, in order, from the
    spans' ``words`` read once for all matchers; each keeps its own leftmost-longest choice."""
    candidates = _candidates(matchers)
    found: list[list[Term]] = [[] for _ in matchers]
    for (start, end), matches, strings in zip(spans, words.per_span, words.strings, strict=True):
        # Most words start no term: a set look-up in a comprehension filters them out.
        firsts = [pair for pair in zip(matches, strings, strict=True) if pair[1] in candidates]
        for matcher, terms in zip(matchers, found, strict=True):
            terms += matcher.words_in(words.rests, firsts)
            terms += matcher.literals_in(text, start, end)
    for terms in found:
        terms.sort(key=_start)
    return found


def _start(term: Term) -> int:
    return term.start


def _candidates(matchers: Sequence[TermMatcher]) -> frozenset[str]:
    """The words worth a look-up for any of ``matchers`` (their union, kept per set)."""
    if len(matchers) == 1:
        return matchers[0].candidates
    key = tuple(id(matcher) for matcher in matchers)
    kept = _UNIONS.get(key)
    if kept is None or any(a is not b for a, b in zip(kept[0], matchers, strict=True)):
        union = frozenset().union(*(matcher.candidates for matcher in matchers))
        kept = _UNIONS[key] = (tuple(matchers), union)
    return kept[1]


_UNIONS: dict[tuple[int, ...], tuple[tuple[TermMatcher, ...], frozenset[str]]] = {}


def _may_go_on(first: _FirstWord, text: str, end: int) -> bool:
    """False when what follows ``end`` cannot start a longer term: after one separator, an
    ASCII character that is no separator and starts no second word ("of the", "in 2024").
    Non-ASCII characters, which the regex may fold to ASCII letters ("İ"), are left to it."""
    after = text[end + 1 : end + 2]
    return not after.isascii() or after.isspace() or after == "-" or after in first.next_letters


def matcher_for(definitions: Sequence[Definition]) -> TermMatcher:
    """The term matcher of ``definitions``, built once per distinct set (cached)."""
    # A crawl passes the same tuple of frozen definitions for every page: skip its signature.
    last = _LAST.get("definitions")
    if last is not None and last[0] is definitions:
        return last[1]
    matcher = _build(tuple((d.key, d.unit, tuple(d.terms)) for d in definitions))
    if isinstance(definitions, tuple):
        _LAST["definitions"] = (definitions, matcher)
    return matcher


_LAST: dict[str, tuple[Sequence[Definition], TermMatcher]] = {}


@lru_cache(maxsize=32)
def _build(signature: Signature) -> TermMatcher:
    """Compile the matcher for one set of (key, unit, terms)."""
    words: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    literals: list[tuple[str, int]] = []
    for index, (_, _, terms) in enumerate(signature):
        for term in (normalize(t.strip()) for t in terms if t.strip()):
            if term.isascii():
                split = tuple(_WORD_RE.findall(term.lower()))
                words.setdefault(split[0], []).append((split[1:], index))
            else:
                literals.append((term, index))
    literals.sort(key=lambda entry: -len(entry[0]))  # stable: the first of equals wins
    literal_re, literal_metrics = _trie(literals) if literals else (None, ())
    firsts = {key: _first_word(entries) for key, entries in words.items()}
    candidates = frozenset(key + plural for key in words for plural in ("", "s", "es"))
    return TermMatcher(
        words=firsts,
        candidates=candidates,
        forms={word: _forms(word, firsts) for word in candidates},
        literals=literal_re,
        literal_metrics=literal_metrics,
        keys=tuple(key for key, _, _ in signature),
        units=tuple(unit for _, unit, _ in signature),
    )


def _forms(word: str, firsts: dict[str, _FirstWord]) -> tuple[tuple[str, _FirstWord], ...]:
    """The first words ``word`` may be, itself first, then without a plural "s" or "es"."""
    keys = (word, word[:-1], word[:-2]) if word.endswith("s") else (word,)
    return tuple((key, firsts[key]) for key in keys if key in firsts)


def _first_word(entries: list[tuple[tuple[str, ...], int]]) -> _FirstWord:
    """The terms of one first word: (words after it, metric) in definition order."""
    rests = sorted((entry for entry in entries if entry[0]), key=lambda entry: -len(entry[0]))
    singles = [metric for rest, metric in entries if not rest]
    letters = {rest[0][0] for rest, _ in rests}
    return _FirstWord(
        rests=_alternation([_rest_pattern(rest) for rest, _ in rests]) if rests else None,
        next_letters=frozenset(letters | {letter.upper() for letter in letters}),
        rest_metrics=tuple(metric for _, metric in rests),
        single=singles[0] if singles else None,
    )


def _rest_pattern(words: tuple[str, ...]) -> str:
    """Regex for the words after the first: joined by spaces/hyphens, plural allowed at the end."""
    body = "".join(rf"[\s-]+{re.escape(word)}" for word in words)
    return rf"(?i:{body})(?:e?s)?(?![A-Za-z])"


def _alternation(branches: list[str]) -> re.Pattern[str]:
    """One regex of the branches, tried in order; branch i ends in group i + 1 (lastindex)."""
    return re.compile("|".join(f"{branch}()" for branch in branches))


def _trie(literals: list[tuple[str, int]]) -> tuple[re.Pattern[str], tuple[int, ...]]:
    """One regex of the Chinese terms (longest first), nested by their shared beginnings, and
    the metric of each of its groups: it matches what their alternation would (at each
    character a longer term is tried first, so the longest wins; of equal terms the first),
    but tries one branch per next character, not one per term."""
    root: dict[str, Any] = {}
    for term, metric in literals:
        node = root
        for char in term:
            node = node.setdefault(char, {})
        node.setdefault("", metric)  # "" marks a term's end
    metrics: list[int] = []
    return re.compile(_trie_pattern(root, metrics)), tuple(metrics)


def _trie_pattern(node: dict[str, Any], metrics: list[int]) -> str:
    """The regex of one node of the trie: its branches, then its own end, an empty group
    (``metrics`` gains the metric of each group, in the order they open)."""
    branches = [
        re.escape(char) + _trie_pattern(child, metrics) for char, child in node.items() if char
    ]
    if "" in node:
        metrics.append(node[""])
        branches.append("()")
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def _branch(match: re.Match[str]) -> int:
    """The index of the branch of an :func:`_alternation` regex that matched."""
    return (match.lastindex or 0) - 1
