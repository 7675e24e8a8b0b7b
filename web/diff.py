"""Side-by-side diff of two revisions' texts, paragraph by paragraph, words marked."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from storage.cjk import HAN

_WORDS = re.compile(rf"\s+|[{HAN}]|[^\s{HAN}]+")


@dataclass(frozen=True)
class Piece:
    """A run of text and whether it changed."""

    text: str
    changed: bool


@dataclass(frozen=True)
class DiffRow:
    """One aligned row: the old and new paragraph (either may be absent) and its kind."""

    kind: str  # equal | replace | delete | insert
    old: list[Piece]
    new: list[Piece]


def paragraphs(text: str) -> list[str]:
    """Non-empty paragraphs (lines) of a text."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def side_by_side(old_text: str, new_text: str, *, context: int = 1) -> list[DiffRow]:
    """Aligned rows of changed paragraphs with ``context`` unchanged ones around them."""
    old, new = paragraphs(old_text), paragraphs(new_text)
    rows: list[DiffRow] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        for tag, i1, i2, j1, j2 in group:
            rows.extend(_rows(tag, old[i1:i2], new[j1:j2]))
    return rows


def _rows(tag: str, old: list[str], new: list[str]) -> list[DiffRow]:
    if tag == "equal":
        return [
            DiffRow("equal", [Piece(o, False)], [Piece(n, False)])
            for o, n in zip(old, new, strict=False)
        ]
    rows = []
    for index in range(max(len(old), len(new))):
        before = old[index] if index < len(old) else None
        after = new[index] if index < len(new) else None
        kind = "delete" if after is None else ("insert" if before is None else "replace")
        rows.append(DiffRow(kind, *_marked(before, after)))
    return rows


def _marked(before: str | None, after: str | None) -> tuple[list[Piece], list[Piece]]:
    """Both paragraphs split into pieces, the words that differ marked changed."""
    if before is None or after is None:
        return ([Piece(before, True)] if before else []), ([Piece(after, True)] if after else [])
    old, new = _WORDS.findall(before), _WORDS.findall(after)
    left: list[Piece] = []
    right: list[Piece] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        changed = tag != "equal"
        if i2 > i1:
            left.append(Piece("".join(old[i1:i2]), changed))
        if j2 > j1:
            right.append(Piece("".join(new[j1:j2]), changed))
    return left, right
