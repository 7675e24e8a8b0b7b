"""Words of neighbouring elements kept apart where the markup writes no space between them.

Pages set names, labels and prices side by side in elements a stylesheet shows as separate
boxes (``<span>Osprey</span><span>Atmos AG 65 Pack</span><span>$370.00</span>``) or lose a
space at an inline tag (``doing in<em>Starship Troopers</em>``). Read as text, the words run
together ("OspreyAtmos", "Pack$370.00"). Where tags alone part the end of a word or sentence
from a capital letter, a currency or number sign, or a capital from a capitalised word, a space
is put after them. Lower-case text after a tag (a plural's "s" after a link, ``<b>W</b>ord``),
sub- and superscripts (``H<sub>2</sub>O``) and scripts without capitals are left as they are.
The page is read as its UTF-8 markup, before parsing: walking the parsed tree's texts costs
several times more.
"""

from __future__ import annotations

import re
from itertools import pairwise

_UPPER = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LOWER = frozenset(b"abcdefghijklmnopqrstuvwxyz")
_WORD_ENDS = _LOWER | frozenset(b"0123456789.!?)")  # a word or sentence ends ...
# Elements that hold text: inline ones, and the blocks a list item or a link may hold, whose
# texts trafilatura runs together (the tags of lists, tables and sections come before these).
_HOLDERS = b"a|span|em|strong|b|i|u|font|small|mark|cite|q|abbr|time|label|div|p|li|h[1-6]|t[dh]"
# A run of tags after a letter, a figure or a closing mark, and followed by a capital, a
# currency or a number sign: the only runs that may part two words.
_RUN_RE = re.compile(
    rb"<(?<=[A-Za-z0-9.!?)]<)[^<>]{0,2000}>(?:<[^<>]{0,2000}>)*(?=[A-Z$#]|\xe2\x82\xac|\xc2\xa3)"
)
_HOLDER_RE = re.compile(rb"</?(?:%s)(?:[\s/][^<>]{0,2000})?>" % _HOLDERS)
_KEEP_TAG_RE = re.compile(rb"</?(?:sub|sup|script|style)\b", re.IGNORECASE)


def space_boundaries(page: bytes) -> bytes:
    """The UTF-8 ``page`` with a space after each run of tags that alone parts two words (see
    the module's docstring)."""
    cuts = [m.end() for m in _RUN_RE.finditer(page) if _glued(page, m.start(), m.end())]
    if not cuts:
        return page
    return b" ".join(page[start:stop] for start, stop in pairwise([0, *cuts, len(page)]))


def _glued(page: bytes, start: int, after: int) -> bool:
    """Tell whether the run of tags ``page[start:after]`` parts a word's end from the start of
    a new word: its last tag holds text, and none of its tags is a sub- or superscript's, a
    script's or a style's."""
    if not _HOLDER_RE.fullmatch(page, page.rfind(b"<", start, after), after):
        return False
    last = page[start - 1]
    if last not in _WORD_ENDS and not (
        page[after] in _UPPER and page[after + 1 : after + 2].islower()
    ):
        return False
    return not _KEEP_TAG_RE.search(page, start, after)
