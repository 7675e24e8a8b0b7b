"""Chinese numerals: 三千 = 3000, 一万二千 = 12000, 两亿 = 2e8, 十五 = 15, 三百四十万 = 3.4e6.

Only numerals with a magnitude character (十百千万亿) and a digit (or a leading 十) are read: a lone
一 or 三 is more often a word (一季度, 一部剧本, 三年) than a figure, and 十四五 (the
14th Five-Year Plan) or 二〇二四 are not numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_LARGE = {"万": 10**4, "亿": 10**8}
CHARS = "".join(_DIGITS) + "".join(_SMALL) + "".join(_LARGE)
# Runs of two or more numeral characters (one alone is never a valid figure here), found in
# one pass over the text; then what follows a run: a hedge and a unit word.
# (Two classes rather than one repeated: a pattern that opens with a class lets the regex
# engine skip ahead to those characters, about three times faster on a page.)
_RUN_RE = re.compile(f"[{CHARS}][{CHARS}]+")
_AFTER_RE = re.compile(
    r"(?P<q2>多|余)?(?P<unit>元人民币|元|人民币|美元|港元|港币|欧元|个百分点|倍|分钟|人次|人|家|部|集|个"
    r"|次|条|款|位|名|篇|项|场|户)?(?P<q3>以上|左右)?"
)


class Numeral(NamedTuple):
    """A number written in Chinese numerals, with its unit word and hedge as written."""

    start: int
    end: int
    value: int
    unit: str | None  # "%" for 百分之
    suffix: str | None  # 多, 余, 以上, 左右
    scaled: bool  # ends in 万 or 亿


def find_numerals(text: str, blocked: bytearray) -> Iterator[Numeral]:
    """The Chinese numerals of ``text`` outside the stretches ``blocked`` marks with 1."""
    for run in _RUN_RE.finditer(text):
        start, end = run.span()
        if blocked.find(1, start, end) != -1:
            continue
        value = numeral_value(run[0])
        if value is None:
            continue
        after = _AFTER_RE.match(text, end)
        assert after is not None  # every part is optional
        percent = text[max(0, start - 3) : start] == "百分之"
        unit = "%" if percent else after["unit"]
        yield Numeral(
            start - 3 if percent else start,
            after.end(),
            value,
            unit,
            after["q2"] or after["q3"],
            run[0][-1] in "万亿",
        )


def numeral_value(numeral: str) -> int | None:
    """The value of a Chinese numeral, or None when it is not one."""
    # A digit is needed (千万 may be "by all means"), except for a leading 十 (十万, 十五).
    if numeral[0] in _LARGE or not (numeral[0] == "十" or any(c in _DIGITS for c in numeral)):
        return None
    if not any(char in _SMALL or char in _LARGE for char in numeral):
        return None  # 一, 三: words more often than figures
    total = section = 0
    digit: int | None = None
    last_small = 10**5
    for char in numeral:
        if char in _DIGITS:
            if digit is not None and digit != 0:
                return None  # two digits in a row: 十四五, 二〇二四
            digit = _DIGITS[char]
        elif char in _SMALL:
            unit = _SMALL[char]
            if unit >= last_small:
                return None  # 十百: magnitudes must fall within a section
            section += (1 if digit is None and unit == 10 else digit or 0) * unit
            digit, last_small = None, unit
        else:
            total = _close(total, section + (digit or 0), _LARGE[char])
            section, digit, last_small = 0, None, 10**5
    return total + section + (digit or 0)


def _close(total: int, section: int, large: int) -> int:
    """Apply 万 or 亿: 一万亿 scales everything before it, 一亿二千万 only its section."""
    if large == 10**8 or total == 0:
        return (total + section) * large
    return total + section * large
