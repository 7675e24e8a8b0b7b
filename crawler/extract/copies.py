"""Layout copies: the article's text laid out twice, its short lines along with its prose.

A page that carries a second copy of the article (a desktop and a mobile layout, a print
version) gives the text twice. The prose paragraphs of the copy are dropped as repeats (see
:func:`crawler.extract.chrome.clean_paragraphs`), but its headings, list items and other short
lines repeat too, and a short line alone may well repeat in an article ("Pros", "Cons", a
refrain after a quoted paragraph). So a run of consecutive paragraphs that all repeat earlier
ones goes whole when it holds several repeated prose paragraphs and a good share of the text:
a copy of the layout. A table row that holds several of the text's paragraphs whole is a copy
too when they are most of the text: the layout table around the article, read once more as one
row of cells.
"""

from __future__ import annotations

_PROSE = 80  # a repeated paragraph this long (whitespace collapsed) is a copy, not a refrain
_SHARE = 0.2  # a run of repeats holding this share of the text's characters is a layout copy
_PROSE_COPIES = 2  # ... when it holds this many repeated prose paragraphs
_ROW_PARA = 20  # a paragraph this long (no whitespace) found whole in a table row is copied
_ROW_SHARE = 0.5  # ... and a row holding this share of the other paragraphs copies the text


def drop_copy_runs(paras: list[str]) -> list[str]:
    """The paragraphs less each run of repeats that copies the layout (see the module)."""
    seen: set[str] = set()
    repeated, prose = [], []
    for para in paras:
        key = " ".join(para.lower().split())
        repeated.append(key in seen)
        prose.append(key in seen and len(key) >= _PROSE)
        seen.add(key)
    total = sum(map(len, paras))
    drop = [False] * len(paras)
    start = 0
    while start < len(paras):
        end = start
        while end < len(paras) and repeated[end]:
            end += 1
        if (
            sum(prose[start:end]) >= _PROSE_COPIES
            and sum(map(len, paras[start:end])) >= _SHARE * total
        ):
            drop[start:end] = [True] * (end - start)
        start = end + 1
    return [para for para, dropped in zip(paras, drop, strict=True) if not dropped]


def drop_row_copies(paras: list[str]) -> list[str]:
    """The paragraphs less table rows ("| cell | cell |") that hold several of the paragraphs
    that are not rows, and most of their text."""
    rows = [i for i, para in enumerate(paras) if para.startswith("|")]
    if not rows:
        return paras
    keys = ["".join(para.split()) for para in paras]
    prose = [key for key in keys if len(key) >= _ROW_PARA and not key.startswith("|")]
    total = sum(len(key) for key in keys if not key.startswith("|"))
    copies = set()
    for i in rows:
        held = [key for key in prose if key in keys[i]]
        if len(held) >= _PROSE_COPIES and sum(map(len, held)) >= _ROW_SHARE * total:
            copies.add(i)
    return [para for i, para in enumerate(paras) if i not in copies]
