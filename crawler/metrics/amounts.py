"""Find amounts in normalised text: value, scale, unit, hedge and level/change kind.

Everything here works on text from :func:`crawler.metrics.text.normalize`, so full-width digits
and Traditional 萬/億 are already ASCII digits and 万/亿. The words around a number (hedges,
thresholds, growth verbs) are looked up in phrase tables at the end of the text before it
and the start of the text after it: dictionary look-ups, not a regex search per number.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from crawler.metrics.numerals import find_numerals
from crawler.metrics.text import Phrases, maker

logger = logging.getLogger(__name__)

CURRENCIES = frozenset({"CNY", "USD", "HKD", "EUR"})
CHANGE_UNITS = frozenset({"percentage_points", "multiple"})

# Starts with a digit so that the regex engine can skip ahead to digits; the currency prefix
# and sign before the number are read separately by _PREFIX_RE. The lookaheads list the first
# characters of the scale and unit words: most numbers have neither, and one character class
# fails faster than trying every word.
_AMOUNT_RE = re.compile(
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
_PREFIX_END = frozenset("$¥€DdBbYy币+")
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
_SUFFIX_QUALIFIERS = {
    "多": "more_than", "余": "more_than", "以上": "more_than", "+": "more_than", "左右": "about",
}  # fmt: skip

_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
_CODE_BEFORE = _WORD_CHARS | frozenset("./:#@&=〔[")
_JOINERS_AFTER = frozenset("-/:.–")
# A bare number followed by one of these is a date, time, age, edition or document number.
_DATE_SUFFIXES = frozenset("月日号时点年岁后届期版季秒周天度〕]")
_DASHES = frozenset("—–~～-")
_RANGE_ENDS = frozenset("0123456789%)）元万亿")
_WINDOW = 28


def _table(value: str, phrases: Iterable[str]) -> dict[str, str]:
    return dict.fromkeys(phrases, value)


_MONTH_NAMES = (
    "jan january feb february mar march apr april may jun june jul july aug august sep sept"
    " september oct october nov november dec december"
).split()
# The words just before a number: it is not a figure ("code", "rank" when bare), a rule
# threshold, a hedge ("q:<qualifier>") or a growth verb ("change"). Longest phrase wins.
_BEFORE = Phrases(
    _table("code", ["no.", "no", "#", "tel", "tel.", "phone", "fax", "id", "第", "编号", "电话",
                    "热线", "传真", "代码", *_MONTH_NAMES, *(m + "." for m in _MONTH_NAMES)])
    | _table("threshold", ["不少于", "不低于", "不超过", "不高于", "不多于", "不足", "最高", "最多",
                           "最低", "上限", "上限为", "not more than", "not less than",
                           "not fewer than", "no more than", "no less than", "no fewer than",
                           "up to", "not exceed", "not exceeding", "maximum", "maximum of",
                           "a maximum of", "minimum", "minimum of", "a minimum of", "capped at"])
    # "top 20 apps" is a rank, but "top $3 billion" is a hedge: only bare numbers are ranks.
    | _table("rank", ["top", "rank", "ranked", "number"])
    | _table("q:more_than", ["more than", "over", "topping", "topped", "tops", "exceed",
                             "exceeds", "exceeded", "exceeding", "surpassing", "surpassed",
                             "above", "upwards of", "in excess of", ">", "超过", "超出", "超",
                             "逾", "突破"])
    | _table("q:nearly", ["nearly", "almost", "close to", "just under", "approaching", "将近",
                          "接近", "近"])
    | _table("q:about", ["about", "around", "approximately", "approx.", "roughly", "some",
                         "an estimated", "~", "约合", "大约", "约", "约为", "约有"])
    | _table("q:at_least", ["at least", "至少"])
    | _table("q:less_than", ["less than", "fewer than", "under", "below", "<", "不到"])
    | _table("change", ["up", "down", "rose", "rise", "rises", "risen", "rising", "increase",
                        "increased", "increasing", "grew", "grow", "grows", "growing", "growth",
                        "growth rate", "surge", "surged", "surging", "jump", "jumped", "soar",
                        "soared", "climb",
                        "climbed", "fell", "falling", "drop", "dropped", "decline", "declined",
                        "decrease", "decreased", "gain", "gained", "gains", "year-on-year",
                        "year on year", "year-over-year", "year over year", "yoy", "同比", "环比",
                        "增长", "增加", "提升", "提高", "上升", "下降", "减少", "下滑", "激增",
                        "增幅", "涨幅", "增速", "增长率", "上涨", "下跌"])
)  # fmt: skip
# "growth of 20%", "growth was 20%", "增速达20%": the words between a growth noun and its figure;
# then filed by their last character, so a window that ends with one tries one or two.
_CHANGE_FILLERS = (
    " by", " of", " an", " a", " was", " is", " reached", " hit", " at", " stood", "了", "达到",
    "达", "为",
)  # fmt: skip
_FILLERS_END = {f[-1]: tuple(g for g in _CHANGE_FILLERS if g[-1] == f[-1]) for f in _CHANGE_FILLERS}
# After a number: a rule threshold, a date ("7 December"), or a growth marker.
_AFTER = Phrases(
    _table("skip", ["及以上", "及以下", "以下", "以内", "或以上", "(含)", "（含）", "or more",
                    "or above", "or less", "or below", "and above", "and below", "months",
                    "month", "years", "days", "weeks", *_MONTH_NAMES])
    | _table("change", ["year-on-year", "year on year", "year-over-year", "year over year", "yoy",
                        "y/y", "increase", "growth", "rise", "jump", "gain", "decline", "drop",
                        "同比", "环比"])
)  # fmt: skip


class Amount(NamedTuple):
    """One number with its scale and unit, where it sits, and how it is hedged."""

    start: int
    end: int
    value: float
    unit: str | None  # None: a bare number, which takes the metric's unit
    qualifier: str | None
    kind: str  # "level" | "change"


class _Parts(NamedTuple):
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


_new_amount, _new_parts = maker(Amount), maker(_Parts)


def find_amounts(text: str, blocked: bytearray) -> list[Amount]:
    """Amounts in ``text``, skipping codes, dates, rule thresholds and bracketed restatements.

    ``blocked`` marks with 1 the characters (titles, sentences without a term) to skip.
    """
    amounts = []
    for match in _AMOUNT_RE.finditer(text):
        start, end = match.span()
        # Checked before the parts are read: most numbers that are not figures fail here.
        if (
            blocked.find(1, start, end) == -1
            and not _is_glued_after(text, end, match["unit"])
            and not _is_bare_year(text, start, end)
        ):
            amount = _amount(text, _parts(text, match))
            if amount is not None:
                amounts.append(amount)
    if not text.isascii():
        amounts = sorted(amounts + _cjk_amounts(text, blocked))
    return _drop_restatements(text, amounts)


def _is_bare_year(text: str, start: int, end: int) -> bool:
    """True for a year that nothing around can make a figure ("in 2024"), decided before the
    parts are read (``_amount`` would drop it too: one number in five is a year)."""
    digits = text[start:end]
    if end - start != 4 or not digits.isdigit() or not 1900 <= int(digits) <= 2100:
        return False
    before = start - 1 if start and text[start - 1] == " " else start
    return not (before and text[before - 1] in _PREFIX_END)  # no "$" or "RMB" before it


def _cjk_amounts(text: str, blocked: bytearray) -> list[Amount]:
    """Amounts written in Chinese numerals, outside the blocked stretches of text."""
    amounts = []
    for numeral in find_numerals(text, blocked):
        if _is_glued_after(text, numeral.end, numeral.unit):
            continue
        parts = _Parts(
            numeral.start, numeral.end, str(numeral.value), False, None, None, numeral.unit,
            numeral.suffix, not (numeral.unit or numeral.scaled),
        )  # fmt: skip
        amount = _amount(text, parts)
        if amount is not None:
            amounts.append(amount)
    return amounts


def _parts(text: str, match: re.Match[str]) -> _Parts:
    """Read the groups of one match and the currency prefix and sign written before it."""
    start = number_start = match.start()
    # One call for all groups, in the regex's order (tail, q1, wscale, cscale, lscale, ...).
    _, q1, wscale, cscale, lscale, q2, unit, q3 = match.groups()
    sign, pre = False, None
    before = start - 1 if start and text[start - 1] == " " else start
    if before and text[before - 1] in _PREFIX_END:
        prefix = _prefix(text, start)
        if prefix is not None:
            sign, pre = bool(prefix["sign"]), prefix["pre"]
            start = prefix.start("pre") if pre else start
    scale = wscale or lscale or cscale
    return _new_parts((
        start, match.end(), text[number_start : match.end(1)], sign, pre, scale, unit,
        q1 or q2 or q3, not (sign or pre or scale or unit),
    ))  # fmt: skip


def _prefix(text: str, end: int) -> re.Match[str] | None:
    """The leftmost sign and currency prefix that ends at ``end``, if any."""
    lead = _PREFIX_START.search(text, max(0, end - _PREFIX_SPAN), end)
    while lead is not None:
        prefix = _PREFIX_RE.match(text, lead.start(), end)
        if prefix is not None:
            return prefix
        lead = _PREFIX_START.search(text, lead.start() + 1, end)
    return None


def _amount(text: str, parts: _Parts) -> Amount | None:
    """The Amount for one number, or None when it is not a figure."""
    start, end = parts.start, parts.end
    if _is_glued_before(text, start) or (parts.bare and _is_id_or_year(parts.number)):
        return None
    before = text[max(0, start - _WINDOW) : start].lower().rstrip()
    after = text[end : end + _WINDOW].lower().lstrip()
    hit = _BEFORE.ending(before)
    label = hit[0] if hit else ""
    after_label = _AFTER.starting(after)
    if _is_skipped(parts, label, after_label) or _is_range(before, after):
        return None
    unit = _unit_of(parts.pre, parts.unit)
    qualifier, unhedged = _qualifier(parts, hit, before)
    change = after_label == "change" or _is_change(parts, unit, label, unhedged, before)
    return _new_amount(
        (start, end, _value(parts), unit, qualifier, "change" if change else "level")
    )


def _is_id_or_year(num: str) -> bool:
    """True for long digit runs (IDs, phone numbers), zero-padded codes and years."""
    if "," in num or "." in num:
        return False
    return len(num) >= 8 or (len(num) > 1 and num.startswith("0")) or 1900 <= int(num) <= 2100


def _is_glued_before(text: str, start: int) -> bool:
    """True when the number (with its prefix) at ``start`` follows a code, URL or word."""
    prev = text[start - 1] if start else " "
    return prev in _CODE_BEFORE or (prev in "-–" and start > 1 and text[start - 2] in _WORD_CHARS)


def _is_glued_after(text: str, end: int, unit: str | None) -> bool:
    """True when the number ending at ``end`` runs into a code, date, time or document number."""
    nxt = text[end] if end < len(text) else " "
    if nxt in _WORD_CHARS or (nxt in _JOINERS_AFTER and text[end + 1 : end + 2].isdigit()):
        return True
    # "8个月", "3个月": a duration, never a figure (the classifier 个 is consumed as a unit).
    return nxt == "月" or (unit is None and nxt in _DATE_SUFFIXES)


def _is_skipped(parts: _Parts, label: str, after_label: str | None) -> bool:
    """True for ranks, document numbers, dates and rule thresholds around a number."""
    if label in ("code", "threshold") or (label == "rank" and parts.bare):
        return True
    return after_label == "skip"


def _is_range(before: str, after: str) -> bool:
    """True for one end of a dashed range: "30万元(含)—100万元", "60-100 episodes"."""
    if before[-1:] in _DASHES and before[:-1].rstrip()[-1:] in _RANGE_ENDS:
        return True
    return after[:1] in _DASHES and after[1:].lstrip()[:1] in ("$", "¥", *"0123456789")


def _value(parts: _Parts) -> float:
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
def _unit_of(pre: str | None, word: str | None) -> str | None:
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


def _qualifier(parts: _Parts, hit: tuple[str, int] | None, before: str) -> tuple[str | None, str]:
    """The hedge (about, more_than, ...) and the text before the number without it."""
    if parts.suffix:
        return _SUFFIX_QUALIFIERS[parts.suffix], before
    if hit is None or not (hit[0].startswith("q:") or hit[0] == "rank"):
        return None, before
    qualifier = "more_than" if hit[0] == "rank" else hit[0][2:]  # "top $3 billion"
    return qualifier, before[: hit[1]].rstrip()


def _is_change(parts: _Parts, unit: str | None, label: str, before: str, window: str) -> bool:
    """True for growth figures: signs, multiples, points, "同比增长", "up ... by".

    ``label`` is the look-up of the whole ``window`` before the number, ``before`` the window
    without its hedge; the look-up is only repeated when dropping hedge or fillers changed it.
    """
    if parts.sign or unit in CHANGE_UNITS or label == "change":
        return True
    stripped = _strip_fillers(before)
    if stripped == window:
        return False
    hit = _BEFORE.ending(stripped)
    return hit is not None and hit[0] == "change"


def _strip_fillers(before: str) -> str:
    """Drop "by", "of", "a", 了, 达 ... between a growth verb and its number.

    No filler ends another, so at most one matches at a time and the order does not matter.
    """
    while before.endswith(_CHANGE_FILLERS):
        for filler in _FILLERS_END[before[-1]]:
            if before.endswith(filler):
                before = before[: -len(filler)].rstrip()
                break
    return before


def _drop_restatements(text: str, amounts: list[Amount]) -> list[Amount]:
    """Drop a bracketed money amount that restates the one before: 20,000 yuan (US$2,829)."""
    kept: list[Amount] = []
    for amount in amounts:
        previous = kept[-1] if kept else None
        if previous is not None and _restates(text, previous, amount):
            logger.debug("Skipping restated amount at %d", amount.start)
            continue
        kept.append(amount)
    return kept


def _restates(text: str, previous: Amount, amount: Amount) -> bool:
    """True when ``amount`` is a bracketed currency conversion of ``previous``."""
    if previous.unit not in CURRENCIES or amount.unit not in CURRENCIES:
        return False
    gap = text[previous.end : amount.start].strip().lower()
    return gap in ("(", "（") or (gap[:1] in "(（" and gap[1:].strip() in _CONVERSION_WORDS)


_CONVERSION_WORDS = frozenset(
    {"about", "approx.", "approximately", "around", "roughly", "or", "约合", "约", "合", "~"}
)
