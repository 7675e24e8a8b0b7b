"""The period forms: one regex branch per way of writing a period, and its value builder.

Forward forms start with their year (2025年1-8月, 今年上半年, 2025 Q1); backward forms end
with it (Q1 2025, January to August 2025, in 2024, last year). Each form is a branch of one
of two regexes, most specific first, ending in an empty marker group that names its builder.
Branches start with a literal or a character class and avoid case-folding, which keeps the
regex engine fast. Values: "2024", "2025-Q1", "2025-H1", "2025-03", "2025-01/2025-08".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_COUNT_WORDS = {
    word: i + 1
    for i, word in enumerate("one two three four five six seven eight nine ten eleven".split())
}
_EN_YEAR = r"(?:\d{4}|[Tt]his\s+year|[Ll]ast\s+year|[Nn]ext\s+year)"
_ZH_YEAR = r"(?:\d\d{3}\s?年|[今去前明]年)"
_BACKWARD_BRANCHES = (
    ("en_range", rf"{_MONTH}(?:\s+(?P<en_range_y1>\d{{4}}))?\s*(?:to|through|until|and|-|–|—)"
     rf"\s*(?P<en_range_m2>{_MONTH})(?:\s+\d{{1,2}})?,?\s+(?P<en_range_y>\d{{4}})"),
    ("en_month", rf"{_MONTH}(?:\s+\d{{1,2}},?)?\s+(?P<en_month_y>\d{{4}})"),
    ("first_months", rf"[Ff]irst\s+(?P<first_months_n>\d{{1,2}}|{'|'.join(_COUNT_WORDS)})"
     rf"\s+months\s+of\s+(?:the\s+year\s+)?(?P<first_months_y>{_EN_YEAR})"),
    ("three_quarters", rf"[Ff]irst\s+three\s+quarters\s+of\s+(?P<three_quarters_y>{_EN_YEAR})"),
    ("half_word", rf"(?:[Ff]irst|[Ss]econd)\s+half\s+(?:of\s+)?(?P<half_word_y>{_EN_YEAR})"),
    ("quarter_word", rf"(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth)\s+quarter\s+(?:of\s+)?"
     rf"(?P<quarter_word_y>{_EN_YEAR})"),
    ("half_h", rf"H(?P<half_h_n>[12])\s+(?:of\s+)?(?P<half_h_y>{_EN_YEAR})"),
    ("quarter_q", rf"Q(?P<quarter_q_n>[1-4])(?:\s+of|,)?\s+(?P<quarter_q_y>{_EN_YEAR})"),
    ("en_year", r"(?:[Ii]n|[Oo]f|[Ff]or|[Dd]uring|[Ss]ince|[Bb]y|[Tt]hrough(?:out)?|[Aa]cross"
     r"|[Uu]ntil|[Ff]iscal|[Yy]ear|[Aa]s\s+of|[Ee]nd\s+of)\s+(?P<en_year_y>\d{4})"),
    ("fiscal", r"FY\s?(?P<fiscal_y>\d{4})"),
    ("en_relative", r"(?:[Tt]his|[Ll]ast|[Nn]ext)\s+year"),
)  # fmt: skip
# The first words of the backward forms, any case; a new backward form's first word goes here.
_BACKWARD_LEADS = (
    "jan feb mar apr may jun jul aug sep oct nov dec first second third fourth h1 h2 q1 q2 q3 q4"
    " in of for during since by through across until fiscal year as end fy this last next"
).split()
_FORWARD_BRANCHES = (
    ("year_half", r"\d{4}\s?H(?P<year_half_n>[12])(?![A-Za-z0-9])"),
    ("year_quarter", r"\d{4}(?:\s?|年)Q(?P<year_quarter_n>[1-4])(?![A-Za-z0-9])"),
    ("zh_range", rf"{_ZH_YEAR}(?P<zh_range_m1>\d{{1,2}})月?(?:\d{{1,2}}日)?\s*(?:至|到|—|–|-|~|～)"
     rf"\s*(?:(?P<zh_range_y2>\d{{4}})年)?(?P<zh_range_m2>\d{{1,2}})月(?:\d{{1,2}}日)?"),
    ("zh_first_months", rf"{_ZH_YEAR}(?:的)?前(?P<zh_first_months_n>\d{{1,2}}"
     rf"|[一二三四五六七八九十]{{1,2}})个月"),
    ("zh_three_quarters", rf"{_ZH_YEAR}(?:的)?前三季度"),
    ("zh_half", rf"{_ZH_YEAR}(?P<zh_half_n>上|下)半年"),
    ("zh_quarter", rf"{_ZH_YEAR}第?(?P<zh_quarter_n>[一二三四1-4])季度"),
    ("zh_month", rf"{_ZH_YEAR}(?P<zh_month_m>\d{{1,2}})月(?:\d{{1,2}}日)?"),
    ("zh_year", r"\d{4}\s?年(?!代)"),
    ("zh_relative", r"今年|本年|去年|上年|前年|明年"),
    ("possessive", r"\d{4}(?='s|’s)"),
)  # fmt: skip


def _alternation(branches: tuple[tuple[str, str], ...], suffix: str = "") -> re.Pattern[str]:
    """One regex of the branches, each followed by an empty group named after it."""
    return re.compile("|".join(f"(?:{body}){suffix}(?P<{name}>)" for name, body in branches))


def _lead_starts(leads: list[str]) -> re.Pattern[str]:
    """A regex that matches the first letter of each lead, in either case, where the lead
    starts: one letter per match, so that overlapping leads ("since" and "in") all show."""
    rests: dict[str, list[str]] = {}
    for lead in leads:
        rests.setdefault(lead[0], []).append(re.escape(lead[1:]))
    # One literal per branch, which lets the regex engine skip ahead to those letters.
    return re.compile(
        "|".join(
            f"{re.escape(letter)}(?=(?i:{'|'.join(rest)}))"
            for first, rest in rests.items()
            for letter in {first.lower(), first.upper()}
        )
    )


BACKWARD_RE = _alternation(_BACKWARD_BRANCHES, suffix="$")
FORWARD_RE = _alternation(_FORWARD_BRANCHES)
_BACKWARD_STARTS = _lead_starts(_BACKWARD_LEADS)


def search_backward(text: str, start: int, end: int) -> re.Match[str] | None:
    """``BACKWARD_RE.search(text, start, end)``, tried only where a form's first word starts
    rather than at every character (the forms have no common prefix to skip ahead with)."""
    for lead in _BACKWARD_STARTS.finditer(text, start, end):
        match = BACKWARD_RE.match(text, lead.start(), end)
        if match is not None:
            return match
    return None


_MONTHS = {
    name: i + 1 for i, name in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())
}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "上": 1, "下": 2}
_CJK_DIGITS = {c: i + 1 for i, c in enumerate("一二三四五六七八九十")}
_RELATIVE = {
    "this year": 0, "今年": 0, "本年": 0, "last year": -1, "去年": -1, "上年": -1,
    "前年": -2, "next year": 1, "明年": 1,
}  # fmt: skip
_LEADING_WORD = re.compile(r"[A-Za-z]+")


class Unresolved(Exception):
    """A match that looked like a period but is not one (bad year or month, word fragment)."""


def build_value(match: re.Match[str], published: int | None) -> str | None:
    """The value of a form's match; raises Unresolved when the match is not a period.

    A form's groups lie inside its match, so the value depends only on the form, the matched
    text and the publication year: values are kept by those (texts name the same few periods
    again and again, "2024年", "in 2025").
    """
    name = match.lastgroup or ""
    key = (name, match[0], published)
    value = _VALUES.get(key, _MISSING)
    if value is _MISSING:
        try:
            value = _BUILDERS[name](_Found(match, name), published)
        except Unresolved:
            value = _UNRESOLVED
        if len(_VALUES) >= _KEPT_VALUES:
            _VALUES.clear()
        _VALUES[key] = value
    if value is _UNRESOLVED:
        raise Unresolved
    return value


# Markers, compared by identity: not yet built, and kept for a match that is no period.
_MISSING, _UNRESOLVED = "\x00missing", "\x00unresolved"
_KEPT_VALUES = 4096
_VALUES: dict[tuple[str, str, int | None], str | None] = {}


def check_word_start(text: str, start: int) -> None:
    """Reject an English match that begins inside a word ("within 2024" is not "in 2024")."""
    if start and text[start].isascii() and text[start].isalpha() and text[start - 1].isalpha():
        raise Unresolved


class _Found(NamedTuple):
    """One branch's match, with that branch's groups addressed by their short names."""

    match: re.Match[str]
    name: str

    def get(self, group: str) -> str | None:
        """The branch's group ``group`` (the regex names it "<branch>_<group>")."""
        return self.match[f"{self.name}_{group}"]

    @property
    def text(self) -> str:
        """The whole matched text."""
        return self.match.group()


def _year(token: str | None, published: int | None) -> int | None:
    """A four-digit or relative year token as an int (None when relative and unknown)."""
    if token is None:
        raise Unresolved
    digits = token
    if not token.isdigit():  # most tokens are four digits: no clean-up needed
        token = " ".join(token.lower().split())
        digits = token.rstrip("年").strip()
    if digits.isdigit():
        if not 1990 <= int(digits) <= 2100:
            raise Unresolved
        return int(digits)
    return None if published is None else published + _RELATIVE[token]


def _leading_year(found: _Found, published: int | None) -> int | None:
    """The year a Chinese or year-first match starts with: "2025年…", "今年…", "2025 Q1"."""
    text = found.text
    return _year(text[:4] if text[0].isdigit() else text[:2], published)


def _count(token: str) -> int:
    """A month count written in digits, English words or Chinese numerals (at most 12)."""
    if token.isdigit():
        return int(token)
    if token.lower() in _COUNT_WORDS:
        return _COUNT_WORDS[token.lower()]
    if len(token) == 1:
        return _CJK_DIGITS[token]
    if token[0] == "十" and len(token) == 2:
        return 10 + _CJK_DIGITS[token[1]]
    raise Unresolved


def _month(token: str) -> int:
    """A month name or number as 1..12."""
    month = int(token) if token.isdigit() else _MONTHS[token[:3].lower()]
    if not 1 <= month <= 12:
        raise Unresolved
    return month


def _first_word(found: _Found) -> str:
    """The leading English word of the match (a month name or an ordinal)."""
    match = _LEADING_WORD.match(found.text)
    return match.group() if match else ""


def _range(year1: int | None, month1: int, year2: int | None, month2: int) -> str | None:
    """ "2025-01/2025-08", or None when a year is unknown."""
    if year1 is None or year2 is None:
        return None
    return f"{year1}-{month1:02d}/{year2}-{month2:02d}"


def _tagged(year: int | None, tag: str) -> str | None:
    """ "2025-Q1", "2025-H1", "2025-03", or None when the year is unknown."""
    return None if year is None else f"{year}-{tag}"


def _en_range(f: _Found, pub: int | None) -> str | None:
    year2 = _year(f.get("y"), pub)
    year1 = _year(f.get("y1"), pub) if f.get("y1") else year2
    return _range(year1, _month(_first_word(f)), year2, _month(f.get("m2") or ""))


def _en_month(f: _Found, pub: int | None) -> str | None:
    return _tagged(_year(f.get("y"), pub), f"{_month(_first_word(f)):02d}")


def _first_months(f: _Found, pub: int | None) -> str | None:
    year = _year(f.get("y"), pub)
    return _range(year, 1, year, _month(str(_count(f.get("n") or ""))))


def _three_quarters(f: _Found, pub: int | None) -> str | None:
    year = _year(f.get("y"), pub)
    return _range(year, 1, year, 9)


def _half_word(f: _Found, pub: int | None) -> str | None:
    return _tagged(_year(f.get("y"), pub), f"H{_ORDINALS[_first_word(f).lower()]}")


def _quarter_word(f: _Found, pub: int | None) -> str | None:
    return _tagged(_year(f.get("y"), pub), f"Q{_ORDINALS[_first_word(f).lower()]}")


def _half_h(f: _Found, pub: int | None) -> str | None:
    return _tagged(_year(f.get("y"), pub), f"H{f.get('n')}")


def _quarter_q(f: _Found, pub: int | None) -> str | None:
    return _tagged(_year(f.get("y"), pub), f"Q{f.get('n')}")


def _year_half(f: _Found, pub: int | None) -> str | None:
    return _tagged(_leading_year(f, pub), f"H{f.get('n')}")


def _year_quarter(f: _Found, pub: int | None) -> str | None:
    return _tagged(_leading_year(f, pub), f"Q{f.get('n')}")


def _zh_range(f: _Found, pub: int | None) -> str | None:
    year1 = _leading_year(f, pub)
    year2 = _year(f.get("y2"), pub) if f.get("y2") else year1
    return _range(year1, _month(f.get("m1") or ""), year2, _month(f.get("m2") or ""))


def _zh_first_months(f: _Found, pub: int | None) -> str | None:
    year = _leading_year(f, pub)
    return _range(year, 1, year, _month(str(_count(f.get("n") or ""))))


def _zh_three_quarters(f: _Found, pub: int | None) -> str | None:
    year = _leading_year(f, pub)
    return _range(year, 1, year, 9)


def _zh_half(f: _Found, pub: int | None) -> str | None:
    return _tagged(_leading_year(f, pub), f"H{_ORDINALS[f.get('n') or '']}")


def _zh_quarter(f: _Found, pub: int | None) -> str | None:
    token = f.get("n") or ""
    return _tagged(_leading_year(f, pub), f"Q{_CJK_DIGITS.get(token) or int(token)}")


def _zh_month(f: _Found, pub: int | None) -> str | None:
    return _tagged(_leading_year(f, pub), f"{_month(f.get('m') or ''):02d}")


def _plain_year(f: _Found, pub: int | None) -> str | None:
    year = _leading_year(f, pub)
    return None if year is None else str(year)


def _named_year(f: _Found, pub: int | None) -> str | None:
    year = _year(f.get("y"), pub)
    return None if year is None else str(year)


def _relative(f: _Found, pub: int | None) -> str | None:
    year = _year(f.text, pub)
    return None if year is None else str(year)


_BUILDERS: dict[str, Callable[[_Found, int | None], str | None]] = {
    "en_range": _en_range,
    "en_month": _en_month,
    "first_months": _first_months,
    "three_quarters": _three_quarters,
    "half_word": _half_word,
    "quarter_word": _quarter_word,
    "half_h": _half_h,
    "quarter_q": _quarter_q,
    "year_half": _year_half,
    "year_quarter": _year_quarter,
    "zh_range": _zh_range,
    "zh_first_months": _zh_first_months,
    "zh_three_quarters": _zh_three_quarters,
    "zh_half": _zh_half,
    "zh_quarter": _zh_quarter,
    "zh_month": _zh_month,
    "zh_year": _plain_year,
    "zh_relative": _relative,
    "possessive": _plain_year,
    "en_year": _named_year,
    "fiscal": _named_year,
    "en_relative": _relative,
}
