"""A notice's signature date: the line that closes a Chinese document under its issuer's name.

Official notices end with the issuing body and the day it signed ("某省广播电视局" then
"2025年3月10日"), the day often written in Chinese numerals ("二〇二五年三月十日", with ○ or 零 for
the zero). Only a line that is that date and nothing else, among the text's last few lines,
is read: a date inside a sentence ("申报截止时间为二〇二五年四月三十日。") is not the signature.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from crawler.extract.date_parse import build_day

if TYPE_CHECKING:
    from datetime import datetime, timezone

_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0, "Ｏ": 0, "O": 0}
_NUMERAL = "〇○零ＯO一二三四五六七八九十"
_SIGNATURE_RE = re.compile(
    rf"[（(]?\s*([\d{_NUMERAL}]{{4}})\s*年\s*([\d{_NUMERAL}]{{1,3}})\s*月"
    rf"\s*([\d{_NUMERAL}]{{1,3}})\s*日\s*[)）]?"
)
_LAST_LINES = 3  # the signature stands among the text's last this many lines


def signature_date(text: str, default_tz: timezone) -> datetime | None:
    """The date of the text's signature line, None when no line near its end is a date only."""
    pieces = text.rsplit("\n", 2 * _LAST_LINES)  # paragraphs are split by a blank line
    lines = [line.strip() for line in pieces[-2 * _LAST_LINES :] if line.strip()]
    for line in reversed(lines[-_LAST_LINES:]):
        if m := _SIGNATURE_RE.fullmatch(line):
            year, month, day = (_number(group) for group in m.groups())
            if year is not None and month is not None and day is not None:
                return build_day(str(year), month, str(day), default_tz)
    return None


def _number(written: str) -> int | None:
    """A year, month or day in Arabic digits, Chinese digits (二〇二五) or counted (三十一)."""
    if written.isdigit():
        return int(written)
    if "十" not in written:
        digits = [_DIGITS.get(c) for c in written]
        return None if None in digits else int("".join(map(str, digits)))
    tens, _, ones = written.partition("十")
    high = _DIGITS.get(tens, -1) if tens else 1
    low = _DIGITS.get(ones, -1) if ones else 0
    return None if high < 0 or low < 0 or "十" in ones else 10 * high + low
