"""Read one number as written: digits, sign, currency prefix, scale and unit word."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from crawler.metrics.text import maker

# Starts with a digit so that the regex engine can skip ahead to digits; the currency prefix
# and sign before the number are read separately by _PREFIX_RE. The lookaheads list the first
# characters of the scale and unit words: most numbers have neither, and one character class
# fails faster than trying every word.
AMOUNT_RE = re.compile(
    r"""
    \d(?P<tail>\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)
    (?P<q1>多|余)?
    (?:\s?(?=[tTbBmM十百千万亿])
         (?:(?P<wscale>(?i:trillion|billion|million|thousand|bn|mn|tn))(?![A-Za-z])
           |(?P<cscale>[十百千]?万亿|[十百千]?亿|[十百千]?万))
      |(?P<lscale>[mMbBkK])(?![A-Za-z])
    )?
    (?P<q2>多|余)?
    (?:\s?(?=[元人美港欧yYrRcCuUdDhH%pP个倍tT\-fFxX×分mM次家部集条款位名篇项场户])(?P<unit>
        元人民币|元|人民币|美元|港元|港币|欧元
       |(?i:yuan|RMB|CNY|US\s+dollars|U\.S\.\s+dollars|dollars|USD|HKD)(?![A-Za-z])
       |%|(?i:percent|per\s+cent|pct)(?![A-Za-z])
       |个百分点|(?i:percentage\s+points?|pp|ppts?)(?![A-Za-z])
       |倍|(?i:times|-?fold)(?![A-Za-z])|[xX×](?![A-Za-z])
       |分钟|(?i:minutes?|mins?)(?![A-Za-z])
       |人次|人|家|部|集|个|次|条|款|位|名|篇|项|场|户
    ))?
    (?P<q3>以上|左右|\+)?
    """,
    re.VERBOSE,
)
PREFIX_END = frozenset("$¥€DdBbYy币+")
_CODE_ENDS = frozenset("DdBbYy")  # the last letters of USD, HKD, RMB and CNY
_CODES = frozenset({"usd", "hkd", "rmb", "cny"})
_PREFIX_RE = re.compile(
    r"(?P<sign>\+\s?)?(?P<pre>(?<![A-Za-z])(?i:US\s?\$|USD\s?\$?|HK\$|HKD\s?\$?|RMB\s?¥?"
    r"|CNY\s?¥?)|\$|¥|€|人民币)?$"
)
# The characters a sign or currency prefix can start with: the prefix is matched only where
# one stands, not tried at every character of the window before the number.
_PREFIX_START = re.compile(r"[+UuHhRrCc$¥€人]")
_PREFIX_SPAN = 7  # the longest sign and prefix: "+ USD $"
_SCALES = {
    "trillion": 10**12, "tn": 10**12, "billion": 10**9, "bn": 10**9, "b": 10**9,
    "million": 10**6, "mn": 10**6, "m": 10**6, "thousand": 10**3, "k": 10**3,
}  # fmt: skip
_CJK_SCALES = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
_UNITS = {
    "元": "CNY", "元人民币": "CNY", "人民币": "CNY", "yuan": "CNY", "rmb": "CNY", "cny": "CNY",
    "rmb¥": "CNY", "cny¥": "CNY", "¥": "CNY", "美元": "USD", "us dollars": "USD",
    "u.s. dollars": "USD", "dollars": "USD", "usd": "USD", "us$": "USD", "usd$": "USD",
    "$": "USD", "港元": "HKD", "港币": "HKD", "hkd": "HKD", "hk$": "HKD", "hkd$": "HKD",
    "欧元": "EUR", "€": "EUR", "%": "percent", "percent": "percent", "per cent": "percent",
    "pct": "percent", "个百分点": "percentage_points", "percentage point": "percentage_points",
    "percentage points": "percentage_points", "pp": "percentage_points",
    "ppt": "percentage_points", "ppts": "percentage_points", "倍": "multiple",
    "times": "multiple", "fold": "multiple", "-fold": "multiple", "x": "multiple",
    "×": "multiple", "分钟": "minutes", "minute": "minutes", "minutes": "minutes",
    "min": "minutes", "mins": "minutes",
}  # fmt: skip


class Parts(NamedTuple):
    """One number: its digits, the prefix and sign before it and the words glued after it."""

    start: int  # where the prefix, or else the number, starts
    end: int
    number: str
    sign: bool
    pre: str | None
    scale: str | None  # "billion", "M", "亿" ...
    unit: str | None  # the unit word as written: "yuan", "%", "部" ...
    suffix: str | None  # 多, 余, 以上, 左右, +
    bare: bool  # no currency, scale, unit or sign


_new_parts = maker(Parts)


def read_parts(text: str, match: re.Match[str]) -> Parts:
    """Read the groups of one match and the currency prefix and sign written before it."""
    start = number_start = match.start()
    # One call for all groups, in the regex's order (tail, q1, wscale, cscale, lscale, ...).
    _, q1, wscale, cscale, lscale, q2, unit, q3 = match.groups()
    sign, pre = False, None
    before = start - 1 if start and text[start - 1] == " " else start
    if before and text[before - 1] in PREFIX_END and _may_be_prefix(text, before):
        prefix = _prefix(text, start)
        if prefix is not None:
            sign, pre = bool(prefix["sign"]), prefix["pre"]
            start = prefix.start("pre") if pre else start
    scale = wscale or lscale or cscale
    return _new_parts((
        start, match.end(), text[number_start : match.end(1)], sign, pre, scale, unit,
        q1 or q2 or q3, not (sign or pre or scale or unit),
    ))  # fmt: skip


def _may_be_prefix(text: str, end: int) -> bool:
    """False when the word ending at ``end`` in a letter ("reached", "by") is none of the
    currency codes a prefix can end with (most words before numbers): no search then."""
    if text[end - 1] not in _CODE_ENDS:
        return True
    # casefold() maps every letter the case-blind regex takes for another ("ſ", "K") to it.
    return text[max(0, end - 3) : end].casefold() in _CODES


def _prefix(text: str, end: int) -> re.Match[str] | None:
    """The leftmost sign and currency prefix that ends at ``end``, if any."""
    lead = _PREFIX_START.search(text, max(0, end - _PREFIX_SPAN), end)
    while lead is not None:
        prefix = _PREFIX_RE.match(text, lead.start(), end)
        if prefix is not None:
            return prefix
        lead = _PREFIX_START.search(text, lead.start() + 1, end)
    return None


def value_of(parts: Parts) -> float:
    """The number times its scale, rounded once (50.44 billion -> 50440000000.0 exactly)."""
    number = parts.number.replace(",", "")
    if not parts.scale:
        return float(number)
    whole, _, fraction = number.partition(".")
    # Integer arithmetic and one true division: no binary rounding error from 50.44 * 1e9.
    divisor = 10 ** len(fraction)
    return int(whole + fraction) * _scale(parts.scale) / divisor


@lru_cache(maxsize=256)
def _scale(scale: str) -> int:
    """The multiplier of a scale word, letter or CJK magnitude (万亿 = 10**12)."""
    if scale[0].isascii():
        # The regex folds case beyond ASCII ("bİllion"): then find the word it matched.
        multiplier = _SCALES.get(scale.lower())
        if multiplier is None:
            word = next(w for w in _SCALES if re.fullmatch(w, scale, re.IGNORECASE))
            multiplier = _SCALES[word]
        return multiplier
    product = 1
    for char in scale:
        product *= _CJK_SCALES[char]
    return product


@lru_cache(maxsize=256)
def unit_of(pre: str | None, word: str | None) -> str | None:
    """CNY/USD/... from the currency prefix or the unit word as written, percent, minutes,
    multiple, count, or None (a handful of spellings: cached)."""
    for token in (pre, word):
        if token:
            unit = _UNITS.get(token) or _UNITS.get(" ".join(token.lower().split()))
            if unit is None:
                unit = _UNITS.get(token.lower().replace(" ", ""))
            if unit is not None:
                return unit
    return "count" if word else None
