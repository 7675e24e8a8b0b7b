"""Find amounts in normalised text, judged by the words around them: figure, hedge, kind.

Everything here works on text from :func:`crawler.metrics.text.normalize`, so full-width digits
and Traditional 萬/億 are already ASCII digits and 万/亿. The words around a number (hedges,
thresholds, growth verbs) are looked up in phrase tables at the end of the text before it
and the start of the text after it: dictionary look-ups, not a regex search per number.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import NamedTuple

from crawler.metrics.amount_parts import (
    AMOUNT_RE,
    PREFIX_END,
    Parts,
    read_parts,
    unit_of,
    value_of,
)
from crawler.metrics.numerals import find_numerals
from crawler.metrics.text import Phrases, maker

logger = logging.getLogger(__name__)

CURRENCIES = frozenset({"CNY", "USD", "HKD", "EUR"})
CHANGE_UNITS = frozenset({"percentage_points", "multiple"})

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
_NOT_FIGURES = frozenset({"code", "threshold"})


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
                             "passed", "passing", "crossed", "crossing", "above",
                             "upwards of", "in excess of", ">", "超过", "超出", "超",
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


_new_amount = maker(Amount)


def find_amounts(text: str, blocked: bytearray, lowered: str | None = None) -> list[Amount]:
    """Amounts in ``text``, skipping codes, dates, rule thresholds and bracketed restatements.

    ``blocked`` marks with 1 the characters (titles, sentences without a term) to skip;
    ``lowered`` is ``text.lower()``, when it is at hand.
    """
    # Each stage runs over all numbers in turn (the regex scan, the checks, the reading):
    # one tight loop per stage keeps its code and tables in the processor's caches.
    matches = [(match, *match.span()) for match in AMOUNT_RE.finditer(text)]
    # Checked before the parts are read: most numbers that are not figures fail here.
    numbers = [
        read_parts(text, match)
        for match, start, end in matches
        if blocked.find(1, start, end) == -1
        and not _is_glued_after(text, end, match["unit"])
        and not (end - start == 4 and _is_bare_year(text, start, end))
    ]
    windows = _windows(text, lowered)
    amounts = [amount for amount in (_amount(text, parts, windows) for parts in numbers) if amount]
    if not text.isascii():
        numerals = _cjk_amounts(text, blocked, windows)
        if numerals:  # the others are in text order already
            amounts = sorted(amounts + numerals)
    return _drop_restatements(text, amounts)


def _is_bare_year(text: str, start: int, end: int) -> bool:
    """True for a four-character number that is a year nothing around can make a figure
    ("in 2024"), decided before the parts are read (``_amount`` would drop it too: one number
    in five is a year)."""
    digits = text[start:end]
    if not digits.isdigit() or not 1900 <= int(digits) <= 2100:
        return False
    before = start - 1 if start and text[start - 1] == " " else start
    return not (before and text[before - 1] in PREFIX_END)  # no "$" or "RMB" before it


def _cjk_amounts(text: str, blocked: bytearray, lowered: _Lowered) -> list[Amount]:
    """Amounts written in Chinese numerals, outside the blocked stretches of text."""
    amounts = []
    for numeral in find_numerals(text, blocked):
        if _is_glued_after(text, numeral.end, numeral.unit):
            continue
        parts = Parts(
            numeral.start, numeral.end, str(numeral.value), False, None, None, numeral.unit,
            numeral.suffix, not (numeral.unit or numeral.scaled),
        )  # fmt: skip
        amount = _amount(text, parts, lowered)
        if amount is not None:
            amounts.append(amount)
    return amounts


class _SlicesLowered:
    """Slices of a text, each lower-cased: for a text that lower-casing lengthens."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __getitem__(self, window: slice) -> str:
        return self.text[window].lower()


_Lowered = str | _SlicesLowered


def _windows(text: str, lowered: str | None) -> _Lowered:
    """The text lower-cased once, when its slices are those of the text lower-cased (no letter
    changed length; a final sigma differs, which no phrase holds); else slices lower-cased one
    by one."""
    if lowered is None:
        lowered = text.lower()
    return lowered if len(lowered) == len(text) else _SlicesLowered(text)


def _amount(text: str, parts: Parts, lowered: _Lowered) -> Amount | None:
    """The Amount for one number, or None when it is not a figure (``lowered``: the text
    lower-cased, where the words around it are looked up)."""
    start, end = parts.start, parts.end
    if _is_glued_before(text, start) or (parts.bare and _is_id_or_year(parts.number)):
        return None
    before = lowered[max(0, start - _WINDOW) : start].rstrip()
    after = lowered[end : end + _WINDOW].lstrip()
    # The phrase tables' first and last characters rule out most windows without a call.
    hit = _BEFORE.ending(before) if before[-1:] in _BEFORE.lasts else None
    label = hit[0] if hit else ""
    after_label = _AFTER.starting(after) if after[:1] in _AFTER.firsts else None
    # Each check of the rest first reads the characters it needs: most numbers call none.
    if label in _NOT_FIGURES or (label == "rank" and parts.bare) or after_label == "skip":
        return None  # a rank, a document number, a date or a rule threshold
    if (before[-1:] in _DASHES or after[:1] in _DASHES) and _is_range(before, after):
        return None
    unit = unit_of(parts.pre, parts.unit)
    qualifier, unhedged = _qualifier(parts, hit, before) if hit or parts.suffix else (None, before)
    change = (
        after_label == "change"
        or parts.sign
        or unit in CHANGE_UNITS
        or label == "change"
        or ((unhedged is not before or unhedged[-1:] in _FILLERS_END) and _grows(unhedged, before))
    )
    return _new_amount(
        (start, end, value_of(parts), unit, qualifier, "change" if change else "level")
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


def _is_range(before: str, after: str) -> bool:
    """True for one end of a dashed range: "30万元(含)—100万元", "60-100 episodes"."""
    if before[-1:] in _DASHES and before[:-1].rstrip()[-1:] in _RANGE_ENDS:
        return True
    return after[:1] in _DASHES and after[1:].lstrip()[:1] in ("$", "¥", *"0123456789")


def _qualifier(parts: Parts, hit: tuple[str, int] | None, before: str) -> tuple[str | None, str]:
    """The hedge (about, more_than, ...) and the text before the number without it."""
    if parts.suffix:
        return _SUFFIX_QUALIFIERS[parts.suffix], before
    if hit is None or not (hit[0].startswith("q:") or hit[0] == "rank"):
        return None, before
    qualifier = "more_than" if hit[0] == "rank" else hit[0][2:]  # "top $3 billion"
    return qualifier, before[: hit[1]].rstrip()


def _grows(before: str, window: str) -> bool:
    """True when a growth word ends ``before`` once fillers ("by", 了, 达) are dropped: "up ...
    by" (``window``: the whole text before the number, whose look-up found none; ``before``:
    the same without its hedge; the look-up is only repeated when dropping changed it)."""
    stripped = _strip_fillers(before)
    if stripped == window:
        return False
    hit = _BEFORE.ending(stripped)
    return hit is not None and hit[0] == "change"


def _strip_fillers(before: str) -> str:
    """Drop "by", "of", "a", 了, 达 ... between a growth verb and its number.

    No filler ends another, so at most one matches at a time and the order does not matter;
    the fillers are filed by their last character, so most ends are ruled out by one look-up.
    """
    fillers = _FILLERS_END.get(before[-1:])
    while fillers:
        for filler in fillers:
            if before.endswith(filler):
                before = before[: -len(filler)].rstrip()
                break
        else:
            break
        fillers = _FILLERS_END.get(before[-1:])
    return before


def _drop_restatements(text: str, amounts: list[Amount]) -> list[Amount]:
    """Drop a bracketed money amount that restates the one before: 20,000 yuan (US$2,829)."""
    kept: list[Amount] = []
    for amount in amounts:
        # Only money restates money: the units are checked here, without a call for the rest.
        if amount.unit in CURRENCIES and kept and _restates(text, kept[-1], amount):
            logger.debug("Skipping restated amount at %d", amount.start)
            continue
        kept.append(amount)
    return kept


def _restates(text: str, previous: Amount, amount: Amount) -> bool:
    """True when ``amount``, an amount of money, is a bracketed currency conversion of
    ``previous``."""
    if previous.unit not in CURRENCIES:
        return False
    gap = text[previous.end : amount.start].strip().lower()
    return gap in ("(", "（") or (gap[:1] in "(（" and gap[1:].strip() in _CONVERSION_WORDS)


_CONVERSION_WORDS = frozenset(
    {"about", "approx.", "approximately", "around", "roughly", "or", "约合", "约", "合", "~"}
)
