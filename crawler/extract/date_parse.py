"""Date strings to aware datetimes: ISO 8601, ``2019年05月17日 10:00``, ``Feb 17, 2026 10 AM``."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from crawler.extract.zones import offset_of

if TYPE_CHECKING:
    from collections.abc import Iterator, Set

_TIME = r"(?:[T\s-]*(\d{1,2})[:：时時](\d{2})(?:[:：分](\d{2}))?(?:\.\d+)?\s*([AaPp]\.?[Mm]\.?)?)?"
# Zones a wire or a byline names after its clock time ("08:00 ET", "9:00 AM Eastern Daylight
# Time"): a US zone without "standard" or "daylight" has the offset it has on that day; the
# others (and the abbreviations, capitals only) are fixed. Read only after a time.
_US_ZONES = {
    "E": "America/New_York",
    "C": "America/Chicago",
    "M": "America/Denver",
    "P": "America/Los_Angeles",
}
_US_HOURS = {"E": -5, "C": -6, "M": -7, "P": -8}
_FIXED_ZONES = {"BST": 1, "CET": 1, "CEST": 2, "HKT": 8, "SGT": 8, "JST": 9, "KST": 9}
ZONE_NAME = (
    r"(?-i:[ECMP][SD]?T|BST|CEST|CET|HKT|SGT|JST|KST)\b"
    r"|(?:Eastern|Central|Mountain|Pacific)(?:\s+(?:Daylight|Standard))?\s+Time"
)
_TZ = rf"\s*(Z|UTC|GMT|[+-]\d{{2}}:?\d{{2}}|{ZONE_NAME})?"
# A zone's name between the day and its time ("2025-12-05 HKT 14:32"), read as if after it.
_ZONE_FIRST = rf"(?:\s*({ZONE_NAME})(?=\s*\d{{1,2}}:\d{{2}}))?"
# A Chinese weekday between the day and the time: "2025年3月10日 星期一 10:30".
ZH_WEEKDAY = r"(?:\s*[（(]?(?:星期|周|礼拜)[一二三四五六日天][）)]?)?"
# A place's clock named between the day and its time: "2025年12月5日 香港時間16時30分".
CLOCK_NAME = r"(?:\s*(?:北京|香港|台北|澳門|澳门)[时時][间間]\s*(?=\d{1,2}[:：时時]\d{2}))?"
NUMERIC_RE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?"
    + ZH_WEEKDAY
    + _ZONE_FIRST
    + CLOCK_NAME
    + _TIME
    + _TZ
)
# The English months in their order; each is written in full, by its first three letters or,
# September, as "Sept".
_MONTH_NAMES = """January February March April May June July August September October November
    December""".split()
_MONTH_FORMS = dict.fromkeys(
    [form for name in _MONTH_NAMES for form in (name, name[:3])] + ["Sept"]
)
# A month's name or short form, capitalised, and no other word: "May" and never "Mayor" when a
# pattern goes on with what follows a month ("May 5"); for case-sensitive use.
MONTH_WORD = f"(?:{'|'.join(sorted(_MONTH_FORMS, key=len, reverse=True))})"
# Every English month name (and its usual short form) begins with one of these, in its order.
_MONTH_STARTS = [name[:3].lower() for name in _MONTH_NAMES]
_MONTHS = {m: i for i, m in enumerate(_MONTH_STARTS, 1)}
MONTH_START = f"(?:{'|'.join(_MONTH_STARTS)})"  # a month's first three letters (case-blind use)
_MONTH = f"({'|'.join(_MONTH_STARTS)})" + r"[a-z]*\.?"  # "Sept.", "December": read case-blind
MONTH_YEAR = _MONTH + r"\s+(?:19|20)\d{2}"  # "Dec 2025", for stripping only
# Before the year: a comma or a space; text joined from separate elements ("<span>May</span>
# <span>19</span>, <span>2025</span>") puts a space before the comma too.
_YEAR_GAP = r"(?:\s*,\s*|\s+)"
_WEEKDAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"  # "Dec 28 Sat 2013"
# A year after an English month and day: four digits, or two after an apostrophe ("5th Dec '26").
_FULL_OR_CUT_YEAR = r"((?:19|20)\d{2}|['’]\d{2}(?![\d'’]))"
_MDY_RE = re.compile(
    r"\b"
    + _MONTH
    + r"\s+(\d{1,2})(?:st|nd|rd|th)?"
    + _YEAR_GAP
    + _WEEKDAY
    + _FULL_OR_CUT_YEAR
    + r"(?:,?\s+at|,)?"
    + _TIME
    + _TZ,
    re.IGNORECASE,
)
_DMY_RE = re.compile(
    r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + _MONTH
    + _YEAR_GAP
    + _FULL_OR_CUT_YEAR
    + r",?"
    + _TIME
    + _TZ,
    re.IGNORECASE,
)
# Month/day/year (day/month/year when the first number cannot be a month), and day.month.year.
_SLASH_RE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})(?![\d/])" + _TIME + _TZ)
# Day and month with dashes ("25-12-2025", "12-25-2025"): both orders are in use.
_DASHED_RE = re.compile(r"(?<![\d-])(\d{1,2})-(\d{1,2})-((?:19|20)\d{2})(?![\d-])" + _TIME + _TZ)
_DOTTED_RE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?![\d.])" + _TIME + _TZ)
# A numeric date with a two-digit year ("12/05/26", "05.12.26"), read in a byline only.
_SHORT_YEAR_RE = re.compile(r"(?<![\d/.])(\d{1,2})([/.])(\d{1,2})\2(\d{2})(?![\d/.])")
# Any of these forms, for finding dates in running text. Each starts with a digit or a month's
# initial: the look-ahead lets a search pass every other position without trying each form.
ANY_DATE_RE = re.compile(
    r"(?=[\dJFMASONDjfmasond])(?:"
    + "|".join(
        f"(?:{r.pattern})"
        for r in (NUMERIC_RE, _MDY_RE, _DMY_RE, _SLASH_RE, _DASHED_RE, _DOTTED_RE)
    )
    + ")",
    re.I,
)

# A clock time written before the date it belongs to ("Published 10:30, 3 March 2025",
# "10:30 GMT 3 March 2025"), read where the date states no time of its own.
_LEADING_TIME_RE = re.compile(
    r"(?<![\d:.])(\d{1,2}):(\d{2})(?!\d)\s*([AaPp]\.?[Mm]\.?)?" + _TZ + r"\s*,?\s*(?:on\s+)?$"
)
_LEADING_CHARS = 24  # how far before the date its time may begin

# Every form holds a four-digit year (or an English month's two after an apostrophe) and is
# written with word characters, spaces and these separators only: a date lies inside one run of
# such characters that holds a year.
_YEAR_RE = re.compile(r"(?:19|20|１９|２０)\d\d|['’]\d\d(?!\d)")
# Full-width digits and colon ("２０２５年３月１０日") read as their ASCII forms, one character
# for one (positions stay where they were), in the short runs that can hold a date only.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９：", "0123456789:")
_NOT_DATE_CHAR_RE = re.compile(r"[^\w\s.,:：/+\-]")


def month_number(name: str) -> int:
    """The number of the month an English name or abbreviation names ("Dec.", "december")."""
    return _MONTHS[name[:3].casefold()]


def parse_date(text: str, default_tz: timezone) -> datetime | None:
    """Parse a date string: ISO 8601, ``YYYY年M月D日 HH:MM``, ``Feb 17, 2026 10:37 AM``..."""
    text = text.strip()
    try:
        parsed = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
    except ValueError:
        return parse_loose(text, default_tz)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=default_tz)


def parse_loose(
    text: str,
    default_tz: timezone,
    known: Set[date] = frozenset(),
    *,
    day_first: bool | None = None,
) -> datetime | None:
    """Parse the first date found in ``text`` (year-first, English month, m/d/y, d.m.y).

    A numeric day and month that read both ways ("09.10.2024") take the reading among the
    ``known`` days (those the page's metadata states) when only the other order is there, and
    else the page's order: day first (``day_first``: "05/11/2026" is 5 November) or month
    first. A dotted date reads day first ("05.12.2026") unless the page's region writes the month
    first (``day_first`` False, not None: "12.05.2026" on a US site).
    """
    text = text if text.isascii() else text.translate(_FULL_WIDTH)
    if m := NUMERIC_RE.search(text):
        y, mo, d, zone, *hms, tz = m.groups()
        return build_date(y, int(mo), d, tuple(hms), _tz(tz or zone, default_tz, hms[0]))
    if m := _MDY_RE.search(text):
        mon, d, y, *hms, tz = m.groups()
        month = month_number(mon)
        return build_date(_full_year(y), month, d, tuple(hms), _tz(tz, default_tz, hms[0]))
    if m := _DMY_RE.search(text):
        d, mon, y, *hms, tz = m.groups()
        month = month_number(mon)
        return build_date(_full_year(y), month, d, tuple(hms), _tz(tz, default_tz, hms[0]))
    if m := _SLASH_RE.search(text):
        mo, d, y, *hms, tz = m.groups()
        mo, d = (d, mo) if int(mo) > 12 or (day_first and int(d) <= 12) else (mo, d)
        return _settled(build_date(y, int(mo), d, tuple(hms), _tz(tz, default_tz, hms[0])), known)
    if m := _DASHED_RE.search(text):
        return _dashed(m, default_tz, known, day_first=day_first)
    if m := _DOTTED_RE.search(text):
        d, mo, y, *hms, tz = m.groups()
        d, mo = (mo, d) if int(mo) > 12 or (day_first is False and int(d) <= 12) else (d, mo)
        return _settled(build_date(y, int(mo), d, tuple(hms), _tz(tz, default_tz, hms[0])), known)
    return None


def short_year_date(
    text: str, default_tz: timezone, *, day_first: bool | None = None
) -> datetime | None:
    """The first numeric date with a two-digit year in ``text`` ("By Jane Doe • 12/05/26"), in
    this century, day first when the first number cannot be a month or the page's order
    (``day_first``) says so."""
    if not (m := _SHORT_YEAR_RE.search(text)):
        return None
    first, _, second, year = m.groups()
    mo, d = (
        (second, first) if int(first) > 12 or (day_first and int(second) <= 12) else (first, second)
    )
    return build_day(f"20{year}", int(mo), d, default_tz)


def _full_year(year: str) -> str:
    """A year of four digits: "'26" (after an English month and day) is 2026, in the century
    that puts it no more than a year ahead of this one ("'99" is 1999)."""
    if year[0] not in "'’":
        return year
    this_year = datetime.now(UTC).year
    full = this_year // 100 * 100 + int(year[1:])
    return str(full - 100 if full > this_year + 1 else full)


def _dashed(
    m: re.Match[str], default_tz: timezone, known: Set[date], *, day_first: bool | None
) -> datetime | None:
    """A dashed date whose order is certain, settled by a ``known`` day or by the page's
    order (``day_first``): None for "02-12-2025" (February or December) otherwise."""
    first, second, y, *hms, tz = m.groups()
    mo, d = (first, second) if int(second) > 12 else (second, first)
    found = _settled(build_date(y, int(mo), d, tuple(hms), _tz(tz, default_tz, hms[0])), known)
    if int(first) <= 12 and int(second) <= 12 and first != second and not day_first:
        return found if found is not None and found.date() in known else None
    return found


def _settled(found: datetime | None, known: Set[date]) -> datetime | None:
    """``found`` with day and month swapped when only that reading is a ``known`` day."""
    if found is None or found.day > 12 or found.date() in known:
        return found
    swapped = found.replace(month=found.day, day=found.month)
    return swapped if swapped.date() in known else found


def dates_in(
    text: str,
    default_tz: timezone,
    known: Set[date] = frozenset(),
    *,
    day_first: bool | None = None,
) -> Iterator[tuple[int, int, datetime]]:
    """Every date stated in running text, as (start, end, date), in order (``known`` and
    ``day_first`` as for :func:`parse_loose`)."""
    for start, end in _year_runs(text):
        run = text[start:end]
        run = run if run.isascii() else run.translate(_FULL_WIDTH)
        for m in ANY_DATE_RE.finditer(run):
            found = parse_loose(m.group(0), default_tz, known, day_first=day_first)
            if found is not None:
                if ":" not in m.group(0):
                    found = _leading_time(found, run[: m.start()], default_tz)
                yield start + m.start(), start + m.end(), found


def _leading_time(found: datetime, before: str, default_tz: timezone) -> datetime:
    """A day (``found``, without its time) with the clock time written just before it."""
    if not (m := _LEADING_TIME_RE.search(before[-_LEADING_CHARS:])):
        return found
    hour, minute, ampm, zone = m.groups()
    hms = (hour, minute, None, ampm)
    timed = build_date(
        str(found.year), found.month, str(found.day), hms, _tz(zone, default_tz, hour)
    )
    return timed or found


def _year_runs(text: str) -> Iterator[tuple[int, int]]:
    """The spans, in order, of the runs of date characters that hold a year: the only places a
    date of :data:`ANY_DATE_RE` can stand (the search skips the rest of a long text)."""
    reverse = ""
    pos = 0
    while (year := _YEAR_RE.search(text, pos)) is not None:
        after = _NOT_DATE_CHAR_RE.search(text, year.end())
        pos = after.start() if after else len(text)
        reverse = reverse or text[::-1]
        before = _NOT_DATE_CHAR_RE.search(reverse, len(text) - year.start())
        yield (len(text) - before.start() if before else 0), pos


def build_date(y: str, mo: int, d: str, hms: tuple[str | None, ...], tz: tzinfo) -> datetime | None:
    """Build an aware datetime from regex groups, its zone a fixed offset (that of a named zone
    on the day); None if the fields are out of range."""
    hour, minute, second, ampm = hms
    h = int(hour or 0)
    if ampm and ampm[0] in "Pp" and h < 12:
        h += 12
    elif ampm and ampm[0] in "Aa" and h == 12:
        h = 0
    try:
        found = datetime(int(y), mo, int(d), h, int(minute or 0), int(second or 0), tzinfo=tz)
    except ValueError:
        return None
    if isinstance(tz, timezone):
        return found
    return found.replace(tzinfo=timezone(found.utcoffset() or timedelta()))


def build_day(y: str, mo: int, d: str, tz: tzinfo) -> datetime | None:
    """:func:`build_date` for a day stated without a clock time (its midnight)."""
    return build_date(y, mo, d, (None, None, None, None), tz)


def _tz(code: str | None, default: timezone, hour: str | None = None) -> tzinfo:
    """Turn an offset suffix ("Z", "+0800", "+08:00") or, after a time (``hour``), a zone's
    name ("ET", "PDT", "Eastern Daylight Time") into a zone."""
    if not code:
        return default
    if code.upper() in {"Z", "UTC", "GMT"}:
        return UTC
    if code[0] not in "+-":
        return named_zone(code) if hour is not None else default
    digits = code[1:].replace(":", "")
    offset = offset_of(code[0], digits[:2], digits[2:])
    return default if offset is None else timezone(offset)


def named_zone(name: str) -> tzinfo:
    """The zone a name or abbreviation stands for: "ET" and "Eastern Time" the US zone,
    "EDT" and "Eastern Daylight Time" its fixed offset in summer, "CET" its own."""
    if name in _FIXED_ZONES:
        return timezone(timedelta(hours=_FIXED_ZONES[name]))
    words = name.split()
    region = name[0].upper()
    kind = words[1][0].upper() if len(words) == 3 else name[1] if len(name) == 3 else ""
    if not kind:
        return ZoneInfo(_US_ZONES[region])
    return timezone(timedelta(hours=_US_HOURS[region] + (kind == "D")))
