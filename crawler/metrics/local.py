"""Local references: 本市, 该市, 全市, "this city" name the city or province a text is about.

The place is the nearest province or city of the catalogue named before the reference, else
the first one its title names; with neither, the reference names no region.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crawler.metrics.entities import EntityFinder, Mention
from crawler.metrics.text import normalize

Spans = Sequence[tuple[int, int]]
# 全市场 is "the whole market", not the city.
_LOCAL = re.compile(r"[本该全][市省](?!场)|(?i:\b(?:this|the)\s+(?:city|province)\b)")


def local_mentions(
    text: str, finder: EntityFinder, title: str | None, known: tuple[Spans, list[Mention]]
) -> list[Mention]:
    """The local references of normalised ``text`` as mentions of the place they stand for;
    ``known``: spans already searched for names, and the mentions found there."""
    references = list(_LOCAL.finditer(text))
    if not references:
        return []
    spans, mentions = known
    gaps = _gaps(spans, references[-1].start())
    named = [m for m in sorted(mentions + finder.find_in(text, gaps)) if m.key in finder.local]
    titled = [m for m in finder.find(normalize(title)) if m.key in finder.local] if title else []
    found = []
    for reference in references:
        before = [m for m in named if m.end <= reference.start()]
        home = before[-1] if before else (titled[0] if titled else None)
        if home is not None:
            found.append(Mention(reference.start(), reference.end(), home.key, "region"))
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
