"""Runs of a text whose UTF-8 bytes were once read as Latin-1 or cp1252, repaired in place.

A page can be sound as a whole and still hold pieces pasted through a wrong decoding
("donâ\x80\x99t", "1.Â\xa0Myth", or the same written as entities): the page decodes, so its
charset is right, but those pieces read as a letter with an accent followed by symbols.
Each such run is written back to the bytes it came from and read as UTF-8; a run those bytes do
not decode as is left alone, so accented words stay. The page is repaired before it is parsed,
and the text again after (runs written as entities are characters only then).
"""

from __future__ import annotations

import re

# cp1252's characters for the bytes 0x80-0x9f (Latin-1 reads them as C1 controls)
_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_TRAIL = f"\u0080-\u00bf{_CP1252_HIGH}"
# a UTF-8 lead byte read as a character, then the bytes that continue it
_RUN_RE = re.compile(f"(?:[\u00c2-\u00f4][{_TRAIL}]{{1,3}})+")
# The lead bytes of what is mangled in practice, read as characters: Â and Ã (Latin-1's symbols
# and letters), â (punctuation: ’ “ ” – …), ð (emoji). A page holding none has nothing to repair,
# and a few searches for them cost far less than a search for runs over the whole page.
_LEADS = "\u00c2\u00c3\u00e2\u00f0"


def repair_runs(text: str) -> str:
    """``text`` with each run of UTF-8 read as a single-byte charset decoded again."""
    starts = sorted(at for lead in _LEADS for at in _places(text, lead))
    if not starts:
        return text
    pieces, done = [], 0
    for at in starts:
        if at < done or (run := _RUN_RE.match(text, at)) is None:
            continue
        pieces += [text[done:at], _repaired(run.group())]
        done = run.end()
    return "".join(pieces) + text[done:] if pieces else text


def _places(text: str, char: str) -> list[int]:
    """Where ``char`` stands in ``text``."""
    places, at = [], text.find(char)
    while at >= 0:
        places.append(at)
        at = text.find(char, at + 1)
    return places


def _repaired(run: str) -> str:
    """The run read from its bytes as UTF-8; the run itself when they do not decode."""
    try:
        return bytes(_byte(char) for char in run).decode("utf-8")
    except UnicodeDecodeError:
        return run


def _byte(char: str) -> int:
    """The byte a single-byte charset reads as ``char`` (cp1252 first, else Latin-1)."""
    try:
        return char.encode("cp1252")[0]
    except UnicodeEncodeError:
        return ord(char)
