"""Local references: 本市, 该市, 全市, "this city" name the city or province a text is about.

The references are cue words (``cues.py``); the place is the nearest province or city of the
catalogue named before the reference, else the first one its title names, else the region of
the source (a city government's portal); with none of these, the reference names no region.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crawler.metrics.entities import EntityFinder, Mention
from crawler.metrics.text import normalize

Spans = Sequence[tuple[int, int]]
_ENGLISH = re.compile(r"(?i:th(?:is|e)\s+(?:city|province))")


def local_mentions(
    text: str,
    finder: EntityFinder,
    title: str | None,
    known: tuple[Spans, list[Mention]],
    references: Sequence[int],
    region: str | None = None,
) -> list[Mention]:
    """The local references at offsets ``references`` of normalised ``text`` as mentions of
    the place they stand for; ``known``: the spans already searched for names, and the names
    found there; ``region``: the source's own city or province, the last resort."""
    if not references:
        return []
    spans, mentions = known
    named = sorted(mentions + _names_in_gaps(text, finder, spans, references[-1]))
    named = [m for m in named if m.key in finder.local]
    titled = [m for m in finder.find(normalize(title)) if m.key in finder.local] if title else []
    fallback = titled[0].key if titled else (region if region in finder.local else None)
    found = []
    for start in references:
        before = [m for m in named if m.end <= start]
        home = before[-1].key if before else fallback
        if home is not None:
            found.append(Mention(start, start + _length(text, start), home, "region"))
    return found


def _length(text: str, start: int) -> int:
    """The length of the reference at ``start``: 本市, or "the city"."""
    if text[start].isascii():
        match = _ENGLISH.match(text, start)
        return len(match.group()) if match else 0
    return 2


def _names_in_gaps(text: str, finder: EntityFinder, spans: Spans, end: int) -> list[Mention]:
    """The names in the stretches of [0, end) outside ``spans``, each stretch read on its own
    (they are short: sentences without a number)."""
    found = []
    for start, stop in _gaps(spans, end):
        found += [
            m._replace(start=m.start + start, end=m.end + start)
            for m in finder.find(text[start:stop])
        ]
    return found


def _gaps(spans: Spans, end: int) -> Spans:
    """The stretches of [0, end) outside ``spans`` (sorted, apart)."""
    gaps, last = [], 0
    for start, stop in spans:
        if start >= end:
            break
        if start > last:
            gaps.append((last, start))
        last = stop
    return [*gaps, (last, end)] if last < end else gaps
