"""Publication-date discovery for the article: explicit metadata first, then htmldate.

Dates in page chrome (sidebars, "latest news" lists, status widgets) are never taken: text
searches run only over the article region, with link lists removed, never over the whole page.
"""

from __future__ import annotations

import logging
import re
from copy import deepcopy
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import TYPE_CHECKING

from htmldate import find_date
from lxml.html import Element

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from lxml.html import HtmlElement


@dataclass(frozen=True)
class Page:
    """What date discovery reads of a page: its HTML, URL, tree, ``<meta>`` map and zone."""

    html: str
    url: str
    root: HtmlElement
    meta: Mapping[str, str]
    tz: timezone  # for times stated without an offset


logger = logging.getLogger(__name__)

CHINA_TZ = timezone(timedelta(hours=8))
# A naive time read in the wrong zone can sit up to 14 h ahead of the true instant.
_FUTURE_SLACK = timedelta(hours=14)
_MIN_YEAR = 1990

# Metadata names in order of trust; all compared lower-case.
META_KEYS = tuple(
    """article:published_time og:published_time datepublished pubdate publishdate
    publish-date publish_date firstpublishedtime publishedtime article.published
    parsely-pub-date sailthru.date dc.date.issued dcterms.issued dc.date
    dcterms.created date originalpublicationdate""".split()
)

_TIME = r"(?:[T\s-]*(\d{1,2})[:：时](\d{2})(?:[:：分](\d{2}))?(?:\.\d+)?\s*([AaPp]\.?[Mm]\.?)?)?"
_TZ = r"\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?"
_NUMERIC_RE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?" + _TIME + _TZ
)
_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_MONTH = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
_MDY_RE = re.compile(
    _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})" + r"(?:,?\s+at)?" + _TIME + _TZ
)
_DMY_RE = re.compile(r"(?<!\d)(\d{1,2})\s+" + _MONTH + r",?\s+((?:19|20)\d{2})" + _TIME + _TZ)

_DATE = (
    r"(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}[^\n]{0,16}"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}[^\n]{0,16})"
)
_LABEL_GROUPS = (
    r"发布时间|发布日期|发表时间|发稿时间|Published(?:\s+(?:on|at))?|Posted(?:\s+on)?|Publish(?:ed)?\s+Date",
    r"时间|日期|Date",
    r"更新时间|Updated(?:\s+on)?|Last\s+updated",
)
_LABEL_RES = tuple(re.compile(rf"(?:{labels})\s*[:：]?\s*{_DATE}") for labels in _LABEL_GROUPS)
_TRAILING_DATE_RE = re.compile(
    r"^(.*?\S)[\s\u00a0\u3000]{2,}(\d{4}-\d{1,2}-\d{1,2})\s*$", re.DOTALL
)
_AFTER_TITLE_RE = re.compile(
    r"^[^\d\n]{0,20}?(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)"
)
_URL_RES = (
    re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=/|\b)"),
    re.compile(r"/((?:19|20)\d{2})(\d{2})/(\d{2})/"),
    re.compile(r"[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|\d{6})"),
)
# A labelled date without its year ("发布时间：10-08 12:00") or with two digits ("18-03-08").
_PARTIAL_LABEL_RE = re.compile(
    r"(?:发布时间|发布日期|发表时间|发稿时间|时间)\s*[:：]\s*(?:(\d{2})-)?(\d{1,2})-(\d{1,2})(?!\d)"
)
_DATED_META_RE = re.compile(r"date|time")
_NEAR_NODES, _NEAR_CHARS = 12, 200  # how far after the title a date still belongs to it
# Link lists (related, latest, hot) carry listing dates of other pages.
_LINK_LIST_XPATH = ".//ul|.//ol|.//table|.//dl"
_LINK_DENSITY = 0.5


def find_published(
    page: Page, title_el: HtmlElement | None, text_len: int, near_title: tuple[str, str] | None
) -> datetime | None:
    """First plausible publication date, from the most explicit source to htmldate."""
    now = datetime.now(UTC)
    for date in _candidates(page, title_el, text_len, near_title):
        if plausible(date, now):
            return date
    return None


def _candidates(
    page: Page, title_el: HtmlElement | None, text_len: int, near_title: tuple[str, str] | None
) -> Iterator[datetime | None]:
    """Lazily yield date candidates; the costly ones run only if the cheap ones fail."""
    yield from meta_dates(page.meta, page.tz)
    if near_title is not None:
        yield near_title_date(near_title, page.meta, page.tz)
    region = article_region(page.root, title_el, text_len)
    if region is not None and title_el is not None:
        region = without_link_lists(region)
        yield from labelled_dates(region, page.tz)
    yield url_date(page.url, page.tz)
    # without an article region, htmldate sees <head> only: body dates could be anyone's
    body = region if region is not None else Element("div")
    yield htmldate_date(_head_and(page.root, body), page.url, page.tz, extensive=False)
    # the last resort: the whole page, less its chrome and its lists of links
    page_body = page.root.find("body")
    if region is None and page_body is not None:
        rest = without_link_lists(page_body)
        yield htmldate_date(_head_and(page.root, rest), page.url, page.tz, extensive=False)


def meta_dates(meta: Mapping[str, str], default_tz: timezone) -> Iterator[datetime | None]:
    """Yield dates from ``<meta>`` names/properties in order of trust."""
    for key in META_KEYS:
        if value := meta.get(key):
            yield parse_date(value, default_tz)


def parse_date(text: str, default_tz: timezone) -> datetime | None:
    """Parse a date string: ISO 8601, ``YYYY年M月D日 HH:MM``, ``Feb 17, 2026 10:37 AM``..."""
    text = text.strip()
    try:
        parsed = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
    except ValueError:
        return _parse_loose(text, default_tz)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=default_tz)


def _parse_loose(text: str, default_tz: timezone) -> datetime | None:
    """Parse the first numeric or English-month date found in ``text``."""
    if m := _NUMERIC_RE.search(text):
        y, mo, d, *hms, tz = m.groups()
        return _build(y, int(mo), d, tuple(hms), _tz(tz, default_tz))
    if m := _MDY_RE.search(text):
        mon, d, y, *hms, tz = m.groups()
        return _build(y, _MONTHS[mon[:3].lower()], d, tuple(hms), _tz(tz, default_tz))
    if m := _DMY_RE.search(text):
        d, mon, y, *hms, tz = m.groups()
        return _build(y, _MONTHS[mon[:3].lower()], d, tuple(hms), _tz(tz, default_tz))
    return None


def _build(y: str, mo: int, d: str, hms: tuple[str | None, ...], tz: timezone) -> datetime | None:
    """Build an aware datetime from regex groups; None if the fields are out of range."""
    hour, minute, second, ampm = hms
    h = int(hour or 0)
    if ampm and ampm[0] in "Pp" and h < 12:
        h += 12
    elif ampm and ampm[0] in "Aa" and h == 12:
        h = 0
    try:
        return datetime(int(y), mo, int(d), h, int(minute or 0), int(second or 0), tzinfo=tz)
    except ValueError:
        return None


def _tz(code: str | None, default: timezone) -> timezone:
    """Turn an offset suffix ("Z", "+0800", "+08:00") into a timezone."""
    if not code:
        return default
    if code in {"Z", "UTC", "GMT"}:
        return UTC
    sign = -1 if code[0] == "-" else 1
    digits = code[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def article_region(
    root: HtmlElement, title_el: HtmlElement | None, text_len: int
) -> HtmlElement | None:
    """Smallest ancestor of the title that holds most of the main text; the body if none does.

    None when the title element is unknown: then nothing anchors the article on the page.
    """
    body = root.find("body")
    body = root if body is None else body
    if title_el is None or title_el.getroottree().getroot() is not root:
        return None
    el = title_el
    while el is not None and el is not body:
        if len("".join(el.text_content().split())) >= 0.7 * text_len:
            return el
        el = el.getparent()
    return body


def without_link_lists(region: HtmlElement) -> HtmlElement:
    """Copy of the region without lists and tables made mostly of links."""
    region = deepcopy(region)
    for block in region.xpath(_LINK_LIST_XPATH):
        text = len("".join(block.text_content().split()))
        linked = sum(len("".join(a.text_content().split())) for a in block.iterfind(".//a"))
        if text and linked >= _LINK_DENSITY * text and block.getparent() is not None:
            block.drop_tree()
    return region


def labelled_dates(region: HtmlElement, default_tz: timezone) -> Iterator[datetime | None]:
    """Yield dates after labels such as 发布时间： / Published: / 时间: / Updated: in the region."""
    text = " ".join(" ".join(region.itertext()).split())
    for pattern in _LABEL_RES:
        if m := pattern.search(text):
            yield _parse_loose(m.group(1), default_tz)


def partial_date(text: str, meta: Mapping[str, str], default_tz: timezone) -> datetime | None:
    """A labelled day without its full year, completed by a ``<meta>`` date on the same day
    (any name holding "date" or "time"), or by its own two-digit year."""
    if not (m := _PARTIAL_LABEL_RE.search(text)):
        return None
    year, month, day = m.group(1), int(m.group(2)), int(m.group(3))
    for key, value in meta.items():
        date = parse_date(value, default_tz) if _DATED_META_RE.search(key) else None
        same_day = date is not None and (date.month, date.day) == (month, day)
        if same_day and (not year or date.year % 100 == int(year)):  # type: ignore[union-attr]
            return date
    return _build(f"20{year}", month, str(day), (None,) * 4, default_tz) if year else None


def has_labelled_date(text: str) -> bool:
    """Tell whether text holds a labelled publication date (发布时间：…, Published: …)."""
    return any(pattern.search(text) for pattern in _LABEL_RES)


def title_context(title_el: HtmlElement) -> tuple[str, str]:
    """The title element's text and the few lines of text right after it."""
    texts = title_el.xpath(f"following::text()[position() <= {_NEAR_NODES}]")
    return title_el.text_content(), " ".join(" ".join(texts).split())[:_NEAR_CHARS]


def near_title_date(
    context: tuple[str, str], meta: Mapping[str, str], default_tz: timezone
) -> datetime | None:
    """A date on the title line, right after it, or labelled within a few lines of it (a day
    without its year is completed by a ``<meta>`` date on the same day)."""
    title, window = context
    if own := split_trailing_date(title)[1]:
        return _parse_loose(own, default_tz)
    if m := _AFTER_TITLE_RE.match(window):
        return _parse_loose(m.group(1), default_tz)
    labelled = (m.group(1) for pattern in _LABEL_RES if (m := pattern.search(window)))
    if (first := next(labelled, None)) is not None:
        return _parse_loose(first, default_tz)
    return partial_date(window, meta, default_tz)


def split_trailing_date(title: str) -> tuple[str, str | None]:
    """Split ``"Title   2025-12-07"`` into the title and its date string."""
    match = _TRAILING_DATE_RE.match(title)
    return (match.group(1).strip(), match.group(2)) if match else (title, None)


def url_date(url: str, default_tz: timezone) -> datetime | None:
    """Date carried by the URL path (``/art/2025/2/5/``, ``/2019/11/19/``, ``/20250716/``)."""
    path = url.split("?", 1)[0]
    for pattern in _URL_RES:
        if m := pattern.search(path):
            return _build(m.group(1), int(m.group(2)), m.group(3), (None,) * 4, default_tz)
    return None


def _head_and(root: HtmlElement, region: HtmlElement) -> HtmlElement:
    """A document of the page's ``<head>`` and a copy of ``region`` as its body."""
    doc = Element("html")
    head = root.find("head")
    if head is not None:
        doc.append(deepcopy(head))
    body = Element("body")
    body.append(region)
    doc.append(body)
    return doc


def htmldate_date(
    doc: HtmlElement | str, url: str, default_tz: timezone, *, extensive: bool
) -> datetime | None:
    """Ask htmldate for the original (publication) date, with or without free-text search."""
    found = find_date(
        doc, extensive_search=extensive, original_date=True, url=url,
        outputformat="%Y-%m-%dT%H:%M:%S%z",
    )  # fmt: skip
    return parse_date(found, default_tz) if found else None


def plausible(date: datetime | None, now: datetime) -> bool:
    """Reject missing, absurdly old and future dates."""
    return date is not None and date.year >= _MIN_YEAR and date <= now + _FUTURE_SLACK
