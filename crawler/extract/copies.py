"""Layout copies: the article's text laid out twice, its short lines along with its prose.

A page that carries a second copy of the article (a desktop and a mobile layout, a print
version) gives the text twice. The prose paragraphs of the copy are dropped as repeats
(:func:`drop_prose_repeats`), but its headings, list items and other short lines repeat too,
and a short line alone may well repeat in an article ("Pros", "Cons", a refrain after a quoted
paragraph). So a run of consecutive paragraphs that all repeat earlier ones goes whole when it
holds several repeated prose paragraphs and a good share of the text (:func:`drop_copy_runs`):
a copy of the layout. A copy read as one row of a layout table goes by
:func:`crawler.extract.table_layout.drop_row_copies`, with the table's other remedy.
"""

from __future__ import annotations

from functools import lru_cache

from crawler.extract.meta import norm

_PROSE = 80  # a repeated paragraph this long (whitespace collapsed) is a copy, not a refrain
_SHARE = 0.2  # a run of repeats holding this share of the text's characters is a layout copy
_PROSE_COPIES = 2  # ... when it holds this many repeated prose paragraphs


def drop_copy_runs(paras: list[str]) -> list[str]:
    """The paragraphs less each run of repeats that copies the layout (see the module)."""
    seen: set[str] = set()
    repeated, prose = [], []
    for para in paras:
        key = _key(para)
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


def drop_prose_repeats(paras: list[str]) -> list[str]:
    """The paragraphs less the second and later copies of each one long enough to be prose: the
    page laid out twice (a desktop and a mobile copy, a sticky summary), not the author's words."""
    seen: set[str] = set()
    kept = []
    for para in paras:
        key = _key(para)
        if len(key) >= _PROSE and key in seen:
            continue
        seen.add(key)
        kept.append(para)
    return kept


@lru_cache(maxsize=1024)  # each paragraph is compared twice: in runs and as a prose repeat
def _key(para: str) -> str:
    """The paragraph as compared with the others: lower case, whitespace collapsed."""
    return norm(para.lower())
