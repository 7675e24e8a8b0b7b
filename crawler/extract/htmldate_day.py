"""The last resort of date discovery: htmldate's answer, kept only when the page states that day."""

from __future__ import annotations

import re
import threading
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import htmldate.extractors
from htmldate import find_date

from crawler.extract.date_parse import dates_in, parse_date
from crawler.extract.date_region import without_link_lists
from crawler.extract.shown_days import same_day
from crawler.extract.url_day import url_month

if TYPE_CHECKING:
    from collections.abc import Iterator
    from datetime import datetime

    from lxml.html import HtmlElement

    from crawler.extract.date_page import Page

_BODY_RE = re.compile(r"<body\b", re.IGNORECASE)
_SCRIPT_START_RE = re.compile(r"<script\b[^>]*>", re.IGNORECASE)
_SCRIPT_END_RE = re.compile(r"</script>", re.IGNORECASE)
# htmldate's free-text search reads what its own patterns cannot with dateparser, which tries
# every locale it knows: loading them all stalls the first such read of a process for seconds.
# The day it answers counts only when the page states it in a form the page's own dates read
# (English, numeric or Chinese: see :func:`dates_in`), so its dateparser reads these languages.
_LANGUAGES = ("en", "zh")
_HTMLDATE_PARSER = htmldate.extractors.get_external_parser  # htmldate's own, built on first use


def stated_htmldate(page: Page) -> datetime | None:
    """htmldate's original date, kept only if that day is stated in the page's head, its
    scripts (JSON-LD...), its text and ``datetime`` attributes less chrome and link lists, or
    (under a relative byline) the title's ``<article>`` before chrome removal:
    not a day guessed from a copyright year, nor one read in a menu or a list of other pages'
    links. The free-text search (slow) runs only if the markup states nothing, and htmldate
    not at all when the page states no date that could confirm its answer. A day in the month
    the address states (``/2026/10/``: a blog's post footer, "Posted by ... on October 08, 2026",
    that chrome removal drops) is confirmed by the page stating it anywhere."""
    text = _stated_text(page)
    month = url_month(page.url)
    if month is None and next(dates_in(text, page.tz), None) is None:
        return None
    found = _htmldate(page.html, page.url, extensive=False)
    found = found or _htmldate(page.html, page.url, extensive=True)
    date = parse_date(found, page.tz) if found else None
    if date is None:
        return None
    if month == (date.year, date.month):  # the address's month: the page states the day at all
        text = page.html
    return date if any(same_day(date, d) for *_, d in dates_in(text, page.tz)) else None


def _stated_text(page: Page) -> str:
    """The page's head, scripts, and text and ``datetime`` attributes less link lists."""
    body_at = _BODY_RE.search(page.html)
    stated = [*_scripts(page.html), page.html[: body_at.start() if body_at else 0]]
    stated += [*page.times, page.said]
    if (body := page.root.find("body")) is not None:
        rest = without_link_lists(body, cards=True)
        stated += [*rest.itertext(), *rest.xpath(".//@datetime | .//@content")]
    return "\n".join(stated)


def _scripts(html: str) -> Iterator[str]:
    """The contents of the page's scripts: what ``<script ...>(.*?)</script>`` finds, each end
    tag found by a search rather than tried at every character."""
    pos = 0
    while (start := _SCRIPT_START_RE.search(html, pos)) is not None:
        if (end := _SCRIPT_END_RE.search(html, start.end())) is None:
            return
        yield html[start.end() : end.start()]
        pos = end.end()


def _htmldate(doc: HtmlElement | str, url: str, *, extensive: bool) -> str | None:
    """htmldate's original date for a document, with or without its free-text search (None
    when htmldate fails on a stamp it cannot place, such as a zone "+99:99")."""
    try:
        with _own_languages():
            return find_date(
                doc,
                extensive_search=extensive,
                original_date=True,
                url=url,
                outputformat="%Y-%m-%dT%H:%M:%S%z",
            )
    except (ValueError, OverflowError):
        return None


@lru_cache(maxsize=1)
def language_parser() -> Any:
    """htmldate's dateparser, with its settings, reading only :data:`_LANGUAGES` (building a
    parser loads no locale: the first read does)."""
    from dateparser import DateDataParser

    settings = _HTMLDATE_PARSER()._settings
    return DateDataParser(languages=list(_LANGUAGES), settings=settings)


class _Swaps:
    """How many htmldate calls run with :func:`language_parser` in place, under a lock."""

    lock = threading.Lock()
    running = 0
    original: Any = None


@contextmanager
def _own_languages() -> Iterator[None]:
    """htmldate's dateparser replaced by :func:`language_parser` for the duration (put back
    after the last call running ends)."""
    with _Swaps.lock:
        if not _Swaps.running:
            _Swaps.original = htmldate.extractors.get_external_parser
            htmldate.extractors.get_external_parser = language_parser
        _Swaps.running += 1
    try:
        yield
    finally:
        with _Swaps.lock:
            _Swaps.running -= 1
            if not _Swaps.running:
                htmldate.extractors.get_external_parser = _Swaps.original
