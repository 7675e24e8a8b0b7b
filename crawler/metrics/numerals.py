"""Chinese numerals: 三千 = 3000, 一万二千 = 12000, 两亿 = 2e8, 十五 = 15, 三百四十万 = 3.4e6.

Only numerals with a magnitude character (十百千万亿) and a digit (or a leading 十) are read: a lone
一 or 三 is more often a word (一季度, 一部剧本, 三年) than a figure, and 十四五 (the
14th Five-Year Plan) or 二〇二四 are not numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
           "七": 7, "八": 8, "九": 9}  # fmt: skip
_SMALL = {"十": 10, "百": 100, "千": 1000}
_LARGE = {"万": 10**4, "亿": 10**8}
CHARS = "".join(_DIGITS) + "".join(_SMALL) + "".join(_LARGE)
# A run of numeral characters that holds a magnitude, with what may follow it: a hedge, a
# unit, or 百分之 before it (百分之十五 = 15%).
_NUMERAL = f"[{CHARS}]*[十百千万亿][{CHARS}]*"
_AMOUNT_RE = re.compile(
    rf"(?P<pct>百分之)?(?P<num>{_NUMERAL})(?P<q2>多|余)?"
    r"(?P<unit>元人民币|元|人民币|美元|港元|港币|欧元|个百分点|倍|分钟|人次|人|家|部|集|个|次|条|款|位"
    r"|名|篇|项|场|户)?(?P<q3>以上|左右)?"
)
_MAGNITUDE_RE = re.compile("[十百千万亿]")


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
    start = blocked.find(0)
    while start != -1:
        end = blocked.find(1, start)
        end = len(text) if end == -1 else end
        if _MAGNITUDE_RE.search(text, start, end):
            yield from _numerals_in(text, start, end)
        start = blocked.find(0, end)


def _numerals_in(text: str, start: int, end: int) -> Iterator[Numeral]:
    for match in _AMOUNT_RE.finditer(text, start, end):
        value = numeral_value(match["num"])
        if value is not None:
            unit = "%" if match["pct"] else match["unit"]
            suffix = match["q2"] or match["q3"]
            yield Numeral(*match.span(), value, unit, suffix, match["num"][-1] in "万亿")


def numeral_value(numeral: str) -> int | None:
    """The value of a Chinese numeral, or None when it is not one."""
    # A digit is needed (千万 may be "by all means"), except for a leading 十 (十万, 十五).
    if numeral[0] in _LARGE or not (numeral[0] == "十" or any(c in _DIGITS for c in numeral)):
        return None
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
