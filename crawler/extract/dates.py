"""Publication-date discovery for the article: the page's own statements first, htmldate last.

In order: the URL's day (a metadata or byline time on that day refines it, and so does a clock time
shown after the day's numbers: ``url_day.py``), published-time metadata, a date on or right after
the title line (the byline), a publication date a stamp's tooltip states (``tooltip_dates.py``), a
byline date labelled as an update, the same around the page's ``<h1>`` when the title is another
element, JSON-LD ``datePublished``, a WeChat article's script time, labelled dates in the article
region (in its text, then in an image's ``alt``: ``region_dates.py``), a day shown after the title
without its year in the year the URL (or else the copyright line) states (``yearless.py``), a
labelled day of the Minguo calendar (``minguo.py``), the day archive a breadcrumb links to, the time
a relative byline stamp's markup states (``stamp_attrs.py``), the time the script state's object
titled as the headline states (``state_times.py``), the stamp itself ("2 hours ago") when the fetch
time is known, a notice's signature line closing the text, the day the title closes on ("Daily
brief: December 2, 2026"), a ``<time>`` marked ``published`` (hAtom), a day alone in an element the
article region held whose class names it a date (``<span class="time">``, read before chrome
removal), and last htmldate on the whole page, kept only when the page states that day
(``htmldate_day.py``). A byline date days before the chosen one is the original publication (the
metadata then dates a re-post or an import), unless it stands in a paragraph of the text's prose; a
``<time>`` showing another day for its UTC instant sets the day (``shown_days.py``), and a day shown
without its time of day takes the publication time the markup states on that day. A shown numeric
date whose day and month read both ways takes the reading the markup states, else the order the
page's locale writes (``day_order.py``). Dates in page chrome (sidebars, "latest news" lists:
``date_region.py``) are never read by the text searches; a page that states no date gets none. A
time on another day than the URL's still refines it when its UTC instant falls on that day (an
address written in UTC dates a story posted at 4 am in Sydney the day before).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from typing import TYPE_CHECKING

from crawler.extract.byline import (
    TitleContext,
    before_story,
    in_sentence,
    shown_date,
    shown_relative,
    title_context,
)
from crawler.extract.date_page import DATED_META_RE, Page, stated_times
from crawler.extract.date_parse import (
    ZH_WEEKDAY,
    build_day,
    parse_date,
    parse_loose,
    short_year_date,
)
from crawler.extract.date_region import article_region, without_link_lists
from crawler.extract.htmldate_day import stated_htmldate
from crawler.extract.meta import norm, squashed_len
from crawler.extract.minguo import minguo_day
from crawler.extract.region_dates import alt_date, classed_date
from crawler.extract.script_times import script_time
from crawler.extract.shown_days import is_midnight, on_shown_day, same_day
from crawler.extract.signature import signature_date
from crawler.extract.state_times import state_time
from crawler.extract.tooltip_dates import tooltip_date
from crawler.extract.url_day import clocked, crumb_day, url_date
from crawler.extract.yearless import yearless_day

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Set

    from lxml.html import HtmlElement

__all__ = ["find_published", "parse_date", "plausible", "title_context"]


# A naive time read in the wrong zone can sit up to 14 h ahead of the true instant.
_FUTURE_SLACK = timedelta(hours=14)
_MIN_YEAR = 1990
# A byline this many days before the metadata's time is the original publication; a day less
# is a time zone apart.
_REPOST_DAYS = 2

# Metadata names that state the publication time, in order of trust; all compared lower-case.
META_KEYS = tuple(
    """article:published_time og:published_time pubdate publishdate
    publish-date publish_date firstpublishedtime publishedtime article.published
    parsely-pub-date sailthru.date dc.date.issued dcterms.issued dc.date
    dcterms.created date originalpublicationdate""".split()
)
_SCHEMA_KEY = "datepublished"  # schema.org microdata or JSON-LD (see ``meta.meta_map``)

_DATE = (
    r"(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}[^\n]{0,16}"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:\s*,\s*|\s+)\d{4}[^\n]{0,16}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?(?:\s*,\s*|\s+)\d{4}[^\n]{0,16}"
    r"|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}[^\n]{0,16})"
)
_LABEL_GROUPS = (
    r"发布时间|发布日期|发表时间|发稿时间|发布于|发表于|Published(?:\s+(?:on|at))?|Posted(?:\s+on)?|Publish(?:ed)?\s+Date",
    r"时间|日期|Date",
    r"更新时间|Updated(?:\s+on)?|Last\s+updated",
)
_LABEL_RES = tuple(re.compile(rf"(?:{labels})\s*[:：]?\s*{_DATE}") for labels in _LABEL_GROUPS)
_PUBLISHED_LABEL_RES = _LABEL_RES[:2]
_TRAILING_DATE_RE = re.compile(
    r"^(.*?\S)[\s\u00a0\u3000]{2,}(\d{4}-\d{1,2}-\d{1,2})\s*$", re.DOTALL
)
_AFTER_TITLE_RE = re.compile(
    r"^[^\d\n]{0,20}?(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?"
    + ZH_WEEKDAY
    + r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?(?![A-Za-z]))?)?)"
)
# A date after one of these labels is no publication date: an update ("更新于", "编辑于"), or
# when a notice was written (成文日期), takes effect or ends, or the day figures stand at
# ("截至2025年7月31日，…").
_OTHER_DATE_LABEL_RE = re.compile(
    rf"{_LABEL_GROUPS[2]}|更新于|编辑于|修改于|成文|生效|施行|实施|截止|截至"
)
# A labelled date without its year ("发布时间：10-08 12:00") or with two digits ("18-03-08").
_PARTIAL_LABEL_RE = re.compile(
    r"(?:发布时间|发布日期|发表时间|发稿时间|时间)\s*[:：]\s*(?:(\d{2})-)?(\d{1,2})-(\d{1,2})(?!\d)"
)
# A full date closing a title after a separator: numeric, or with the month's name.
_TITLE_DAY_RE = re.compile(
    r"[|｜:：_·•\-–—]\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4})\s*$"
)
_NEAR_CHARS = 200  # how far after the title an unlabelled numeric or labelled date belongs to it
_SHORT_YEAR_CHARS = 60  # how far after the title a date with a two-digit year is the byline's


def find_published(
    page: Page, title_el: HtmlElement | None, text: str, near_title: TitleContext | None
) -> datetime | None:
    """The publication date of the page whose main text is ``text``: the first plausible
    candidate, unless the URL names another day."""
    now = datetime.now(UTC)
    found = (d for d in _candidates(page, title_el, text, near_title) if plausible(d, now))
    first = next(found, None)
    if first is not None and near_title is not None:
        first = _stated_zone(_original(first, near_title, text, page, now), page)
    if first is not None:
        first = _timed(on_shown_day(first, page.shown, page.tz), page)
    url_day = url_date(page.url, page.tz)
    if url_day is None or not plausible(url_day, now):
        return first
    day = first if first is not None and _url_agrees(first, url_day) else url_day
    return clocked(day, _body_text(page.root)) if is_midnight(day) else day


def _url_agrees(first: datetime, url_day: datetime) -> bool:
    """Tell whether the URL's day is ``first``'s, in its own zone or in UTC."""
    return same_day(first, url_day) or (
        not is_midnight(first) and first.astimezone(UTC).date() == url_day.date()
    )


def _candidates(
    page: Page, title_el: HtmlElement | None, text: str, near: TitleContext | None
) -> Iterator[datetime | None]:
    """Lazily yield date candidates; the costly ones run only if the cheap ones fail."""
    yield from meta_dates(page.meta, page.tz)
    known = page.known_days
    if near is not None:
        yield from _byline(near, page, known)
    if near is not None and near.heading is not None:
        yield from _byline(near.heading, page, known)
    if value := page.meta.get(_SCHEMA_KEY):
        yield parse_date(value, page.tz)
    yield script_time(page.html, page.url, page.tz)
    region = article_region(page.root, title_el, squashed_len(text))
    yield from _region_dates(region, page, known)
    if near is not None:
        yield yearless_day(near, page.url, page.tz, known, page.html)
        yield minguo_day(near.after[:_NEAR_CHARS], page.tz)
    yield crumb_day(page.html, page.url, page.tz)
    yield parse_date(page.stamp, page.tz) if page.stamp else None
    if near is not None:
        yield state_time(page.html, near.title, page.tz)
    if near is not None and page.fetched_at is not None:
        yield shown_relative(near, page.fetched_at, page.tz)
    yield signature_date(text, page.tz)
    if near is not None:
        yield title_day(near.title, page.tz)
    yield _marked_time(page)
    yield classed_date(region, page.closing, page.tz)
    yield stated_htmldate(page)


def _region_dates(
    region: HtmlElement | None, page: Page, known: Set[date]
) -> Iterator[datetime | None]:
    """The labelled dates in the article region less its link lists: in its text, then in an
    image's ``alt``."""
    if region is None:
        return
    own = without_link_lists(region)
    yield from labelled_dates(own, page.tz, known, day_first=page.day_first)
    yield alt_date(own, _LABEL_RES[0], page.tz, known)


def _marked_time(page: Page) -> datetime | None:
    """The time a ``<time>`` the class ``published`` marks states (hAtom's entry date, in a post's
    footer that chrome removal drops)."""
    marked = (time.value for time in page.shown if time.published)
    return parse_date(value, page.tz) if (value := next(marked, None)) else None


def _byline(near: TitleContext, page: Page, known: Set[date]) -> Iterator[datetime | None]:
    """The dates on or around a title line: its own, then the byline's bare or "Published"
    date, then one a stamp's tooltip labels as published, then the byline's "Updated" one."""
    order = page.day_first
    yield near_title_date(near, page.meta, page.tz, known, day_first=order)
    yield shown_date(near, page.tz, updated=False, known=known, day_first=order)
    yield tooltip_date(page.root, _LABEL_RES[0], page.tz, known)
    yield shown_date(near, page.tz, updated=True, known=known, day_first=order)


def _original(
    first: datetime, near: TitleContext, text: str, page: Page, now: datetime
) -> datetime:
    """The byline's date when it is days before ``first``: a page is not updated before it
    is published, so metadata dated later than the byline dates a re-post or an import. A
    ``first`` without its time of day (midnight: ``<meta name="publishdate" content="2025-03-10">``)
    takes the time the byline shows on that day. A date in the story's text is no byline's."""
    known, order = page.known_days, page.day_first
    near = before_story(near, text)
    shown = (
        near_title_date(near, page.meta, page.tz, known, day_first=order),
        shown_date(near, page.tz, updated=False, known=known, day_first=order),
    )
    byline = next((day for day in shown if plausible(day, now)), None)
    if byline is None:
        return first
    if (first.date() - byline.date()).days >= _REPOST_DAYS:
        return byline
    timed = is_midnight(first) and not is_midnight(byline)
    return byline if timed and same_day(byline, first) else first


def _stated_zone(found: datetime, page: Page) -> datetime:
    """``found`` in the zone the markup states for the same clock time, when it is in the
    page's default zone: a byline's "8:00am" is the markup's "08:00-07:00"."""
    if found.utcoffset() != page.tz.utcoffset(None):
        return found
    clock = found.replace(tzinfo=None, second=0, microsecond=0)
    for value in stated_times(page.meta, page.times):
        day = parse_date(value, page.tz)
        if day is not None and day.replace(tzinfo=None, second=0, microsecond=0) == clock:
            return found.replace(tzinfo=day.tzinfo)
    return found


def _timed(found: datetime, page: Page) -> datetime:
    """A day shown without its time of day (a byline's "2025年6月17日") at the publication time
    the markup states on that day (``<meta>``, JSON-LD ``datePublished``, ``<time datetime>``)."""
    if not is_midnight(found):
        return found
    keys = (*META_KEYS, _SCHEMA_KEY)
    stated = [*(page.meta[key] for key in keys if key in page.meta), *page.times]
    for value in stated:
        day = parse_date(value, page.tz)
        if day is not None and not is_midnight(day) and day.date() == found.date():
            return day
    return found


def meta_dates(meta: Mapping[str, str], default_tz: timezone) -> Iterator[datetime | None]:
    """Yield dates from ``<meta>`` names/properties in order of trust."""
    for key in META_KEYS:
        if value := meta.get(key):
            yield parse_date(value, default_tz)


def labelled_dates(
    region: HtmlElement,
    default_tz: timezone,
    known: Set[date] = frozenset(),
    *,
    day_first: bool | None = None,
) -> Iterator[datetime | None]:
    """Yield dates after labels such as 发布时间： / Published: / 时间: / Updated: in the region."""
    text = norm(" ".join(region.itertext()))
    for pattern in _LABEL_RES:
        if m := pattern.search(text):
            yield parse_loose(m.group(1), default_tz, known, day_first=day_first)


def partial_date(text: str, meta: Mapping[str, str], default_tz: timezone) -> datetime | None:
    """A labelled day without its full year, completed by a ``<meta>`` date on the same day
    (any name holding "date" or "time"), or by its own two-digit year."""
    if not (m := _PARTIAL_LABEL_RE.search(text)):
        return None
    year, month, day = m.group(1), int(m.group(2)), int(m.group(3))
    for key, value in meta.items():
        date = parse_date(value, default_tz) if DATED_META_RE.search(key) else None
        same_day = date is not None and (date.month, date.day) == (month, day)
        if same_day and (not year or date.year % 100 == int(year)):  # type: ignore[union-attr]
            return date
    return build_day(f"20{year}", month, str(day), default_tz) if year else None


def has_labelled_date(text: str) -> bool:
    """Tell whether text holds a labelled publication date (发布时间：…, Published: …)."""
    return any(pattern.search(text) for pattern in _LABEL_RES)


def near_title_date(
    context: TitleContext,
    meta: Mapping[str, str],
    default_tz: timezone,
    known: Set[date] = frozenset(),
    *,
    day_first: bool | None = None,
) -> datetime | None:
    """A date on the title line, right after it (not one inside a Chinese sentence there), or
    labelled as published within a few lines of it (a day without its year is completed by a
    ``<meta>`` date on the same day), or else one with a two-digit year in the byline's line."""
    if own := split_trailing_date(context.title)[1]:
        return parse_loose(own, default_tz, day_first=day_first)
    window = context.after[:_NEAR_CHARS]
    m = _AFTER_TITLE_RE.match(window)
    if (
        m
        and not _OTHER_DATE_LABEL_RE.search(window, 0, m.start(1))
        and not in_sentence(window, m.start(1), m.end(1))
    ):
        return parse_loose(m.group(1), default_tz)
    labelled = (m.group(1) for pattern in _PUBLISHED_LABEL_RES if (m := pattern.search(window)))
    if (first := next(labelled, None)) is not None:
        return parse_loose(first, default_tz, known, day_first=day_first)
    partial = partial_date(window, meta, default_tz)
    return partial or short_year_date(window[:_SHORT_YEAR_CHARS], default_tz, day_first=day_first)


def title_day(title: str, default_tz: timezone) -> datetime | None:
    """The day a title closes on after a separator ("微短剧日报｜2026年12月2日", "Daily brief:
    December 2, 2026"): a daily report's issue, the page's day when nothing else dates it."""
    match = _TITLE_DAY_RE.search(title)
    return parse_loose(match.group(1), default_tz) if match else None


def split_trailing_date(title: str) -> tuple[str, str | None]:
    """Split ``"Title   2025-12-07"`` into the title and its date string."""
    match = _TRAILING_DATE_RE.match(title)
    return (match.group(1).strip(), match.group(2)) if match else (title, None)


def _body_text(root: HtmlElement) -> str:
    """The text of the page's body less link lists, its whitespace collapsed."""
    body = root.find("body")
    return norm(" ".join(without_link_lists(root if body is None else body).itertext()))


def plausible(date: datetime | None, now: datetime) -> bool:
    """Reject missing, absurdly old and future dates."""
    return date is not None and date.year >= _MIN_YEAR and date <= now + _FUTURE_SLACK
