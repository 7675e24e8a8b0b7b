"""A user's search query, parsed once and written for FTS5 (SQLite) or as a ``tsquery``.

Terms are ANDed; ``"quoted phrases"`` match as written; ``OR`` between two terms; ``-term``
or ``NOT term`` excludes. An unquoted Latin term matches its spelling variants the way the
topic filter does: micro-drama, micro drama, microdrama and their plurals are one term.
Chinese terms become bigram phrases (storage/cjk.py), Traditional folded to Simplified.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storage import postgres
from storage.cjk import term_tokens

_ITEM = re.compile(r'(-?)"([^"]+)"|(\S+)')
_LATIN_WORD = re.compile(r"[a-z]+")
_MIN_SPLIT = 4
"""Shortest part when a one-word term is also tried as two words (microdrama: micro drama)."""
_MAX_SPLIT_WORD = 20


@dataclass(frozen=True)
class Phrase:
    """Tokens that must follow each other; ``prefix``: the last one may continue."""

    tokens: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class Term:
    """One query term: any of its spellings matches."""

    spellings: tuple[Phrase, ...]


@dataclass(frozen=True)
class ParsedQuery:
    """The included terms in order, with ``None`` marking an OR, and the excluded terms."""

    included: tuple[Term | None, ...]
    excluded: tuple[Term, ...]


def parse_query(query: str) -> ParsedQuery | None:
    """The query's terms; None when it has no term at all."""
    included: list[Term | None] = []
    excluded: list[Term] = []
    negate = False
    for match in _ITEM.finditer(query):
        minus, phrase, word = match.groups()
        if word in ("OR", "NOT"):
            if word == "NOT":
                negate = True
            elif included and included[-1] is not None:
                included.append(None)
            continue
        if word and word.startswith("-") and len(word) > 1:
            minus, word = "-", word[1:]
        term = _term(phrase, word)
        if term is not None:
            (excluded if negate or minus else included).append(term)
        negate = False
    while included and included[-1] is None:
        included.pop()
    if not included and not excluded:
        return None
    return ParsedQuery(tuple(included), tuple(excluded))


def _term(phrase: str | None, word: str | None) -> Term | None:
    raw, prefix = term_tokens(phrase or word or "")
    # Folded as both indexes fold: lower case, no diacritics (FTS5's unicode61 does the same).
    tokens = tuple(postgres.tokens(" ".join(raw)))
    if not tokens:
        return None
    if phrase is None and all(_LATIN_WORD.fullmatch(token) for token in tokens):
        return Term(tuple(Phrase(spelling) for spelling in latin_spellings(tokens)))
    return Term((Phrase(tokens, prefix),))


def latin_spellings(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The spellings a Latin term matches: separated or joined, singular or plural."""
    joined = "".join(words)
    forms = [words]
    if len(words) > 1:
        forms.append((joined,))
    elif _MIN_SPLIT * 2 <= len(joined) <= _MAX_SPLIT_WORD:
        forms += [(joined[:i], joined[i:]) for i in range(_MIN_SPLIT, len(joined) - 3)]
    spellings: dict[tuple[str, ...], None] = {}
    for form in forms:
        last = _singular(form[-1])
        spellings[(*form[:-1], last)] = None
        spellings[(*form[:-1], last + "s")] = None
    return tuple(spellings)


def _singular(word: str) -> str:
    # Only a plain plural "s" goes: "dramas" -> "drama", but "news", "series", "business" stay.
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ies")):
        return word[:-1]
    return word


def fts5_match(parsed: ParsedQuery) -> str | None:
    """The FTS5 MATCH expression of the included terms minus the excluded (None: none included)."""
    if not parsed.included:
        return None
    parts: list[str] = []
    for term in parsed.included:
        if term is None:
            parts.append("OR")
            continue
        if parts and parts[-1] != "OR":
            parts.append("AND")  # FTS5 does not AND a parenthesised group implicitly
        parts.append(_fts5_term(term))
    included = " ".join(parts)
    if not parsed.excluded:
        return included
    return f"({included}) NOT {fts5_any(parsed.excluded)}"


def fts5_any(terms: tuple[Term, ...]) -> str:
    """An FTS5 expression matching any of ``terms``."""
    return "(" + " OR ".join(_fts5_term(term) for term in terms) + ")"


def _fts5_term(term: Term) -> str:
    phrases = [_fts5_phrase(phrase) for phrase in term.spellings]
    return phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")"


def _fts5_phrase(phrase: Phrase) -> str:
    return '"' + " ".join(phrase.tokens) + '"' + ("*" if phrase.prefix else "")


def tsquery(parsed: ParsedQuery) -> str:
    """The ``tsquery`` text: included terms (& and |), then ``& !(...)`` for the excluded."""
    parts: list[str] = []
    for term in parsed.included:
        if term is None:
            parts.append("|")
            continue
        if parts and parts[-1] != "|":
            parts.append("&")
        parts.append(_ts_term(term))
    included = " ".join(parts)
    if not parsed.excluded:
        return included
    excluded = "!(" + " | ".join(_ts_term(term) for term in parsed.excluded) + ")"
    return f"({included}) & {excluded}" if included else excluded


def _ts_term(term: Term) -> str:
    phrases = [_ts_phrase(phrase) for phrase in term.spellings]
    return phrases[0] if len(phrases) == 1 else "(" + " | ".join(phrases) + ")"


def _ts_phrase(phrase: Phrase) -> str:
    quoted = [f"'{token}'" for token in phrase.tokens]
    if phrase.prefix:
        quoted[-1] += ":*"
    return quoted[0] if len(quoted) == 1 else "(" + " <-> ".join(quoted) + ")"
