"""A page laid out by a table, read by trafilatura as data: the layout table comes back as one
table row ("| 标题 正文…… 编辑：李倩 | 图片新闻 点击排行 |"), the article's paragraphs run together
in one cell beside the sidebar's. The row comes in one of two texts, each with its own remedy:

- The row is the whole text, or most of it beside the short rows of nested layout tables, or,
  when the text is rows only, one four times as long as any other (:func:`layout_text`, before
  the text is split into paragraphs): the article is only in the row, so the page's cell
  holding the row's longest cell is read block by block, keeping the blocks trafilatura kept
  in it.
- The row follows the paragraphs, which trafilatura also found outside the table
  (:func:`drop_row_copies`, on the paragraphs): the article is already there, and the row is
  a second copy of it, dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crawler.extract.lines import BREAK
from crawler.extract.meta import squash

if TYPE_CHECKING:
    from collections.abc import Callable

    from lxml.html import HtmlElement

_ROW_SHARE = 0.95  # the row makes up this share of the text: the text is the layout table
_MAIN_SHARE = 0.6  # a row of several making up this share of the text holds the article
_DOMINANT = 4  # ... and so does one this many times as long as any other, all lines rows
_PROBES, _PROBE = (0.25, 0.5, 0.75), 12  # pieces of the row's cell sought in the page's cells
_MIN_BLOCKS = 2  # a layout cell holds paragraphs, divisions or broken lines, a data cell its value
_COPY_PARA = 20  # a paragraph this long (no whitespace) found whole in a table row is copied
_COPY_PARAS = 2  # ... and a row holding this many such paragraphs ...
_COPY_SHARE = 0.5  # ... with this share of the text outside rows copies the text


def layout_text(text: str, root: HtmlElement, read: Callable[[HtmlElement], str]) -> str | None:
    """The blocks (``read``: one line per block) of the page's smallest table cell holding the
    longest cell of ``text``'s longest row that are in that cell, when that row is the whole
    text and has two cells or more, or one of several rows (nested layout tables: a menu's, a
    byline's) holding most of the text or, when every line is a row, far longer than the rest;
    and the page's cell is made of blocks (paragraphs, divisions, lines a ``<br>`` breaks);
    else None."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    rows = [line for line in lines if line.startswith("|") and line.endswith("|")]
    total = sum(map(len, lines))
    row = max(rows, key=len, default="")
    whole = len(rows) == 1 and len(row) >= _ROW_SHARE * total
    others = max((len(line) for line in lines if line is not row), default=0)
    dominant = len(rows) == len(lines) and len(row) >= _DOMINANT * others
    if not whole and len(row) < _MAIN_SHARE * total and not dominant:
        return None  # a data table has rows; a layout row holds the page or most of it
    cells = [cell for cell in row.strip("|").split(" | ") if cell.strip()]
    if not cells or (whole and len(cells) < 2):  # a table wrapping the page, nothing beside it
        return None
    longest = squash(max(cells, key=len))
    if len(longest) < 4 * _PROBE:
        return None
    probes = [longest[int(at * len(longest)) :][:_PROBE] for at in _PROBES]
    holding = (
        (len(key), cell)
        for cell in root.iter("td", "th")
        if all(probe in (key := squash(cell.text_content())) for probe in probes)
    )
    found = min(holding, key=lambda pair: pair[0], default=None)
    if found is None or len(list(found[1].iter("p", "div", "br"))) < _MIN_BLOCKS:
        return None
    blocks = read(found[1]).splitlines()
    return "\n".join(line for line in blocks if _kept(line, longest))


def _kept(line: str, row: str) -> bool:
    """Tell whether a block's line is blank (layout) or text the row's cell holds."""
    key = squash(line.replace(BREAK, ""))
    return not key or key in row


def drop_row_copies(paras: list[str]) -> list[str]:
    """The paragraphs less table rows ("| cell | cell |") that hold several of the paragraphs
    that are not rows, and most of their text."""
    rows = [i for i, para in enumerate(paras) if para.startswith("|")]
    if not rows:
        return paras
    keys = ["".join(para.split()) for para in paras]
    prose = [key for key in keys if len(key) >= _COPY_PARA and not key.startswith("|")]
    total = sum(len(key) for key in keys if not key.startswith("|"))
    copies = set()
    for i in rows:
        held = [key for key in prose if key in keys[i]]
        if len(held) >= _COPY_PARAS and sum(map(len, held)) >= _COPY_SHARE * total:
            copies.add(i)
    return [para for i, para in enumerate(paras) if i not in copies]
