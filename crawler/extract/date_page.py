"""What date discovery reads of a page (:class:`Page`) and the times its markup states."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import cached_property
from typing import TYPE_CHECKING

from crawler.extract.date_parse import parse_date
from crawler.extract.day_order import day_first
from crawler.extract.shown_days import ShownTime

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from lxml.html import HtmlElement

DATED_META_RE = re.compile(r"date|time")
_LOCALE_KEYS = ("og:locale", "content-language", "language")  # ``<meta>`` naming a locale


@dataclass(frozen=True)
class Page:
    """What date discovery reads of a page: its HTML, URL, tree, ``<meta>`` map and zone."""

    html: str
    url: str
    root: HtmlElement
    meta: Mapping[str, str]
    tz: timezone  # for times stated without an offset
    shown: tuple[ShownTime, ...] = ()  # the ``<time>`` elements read before chrome was removed
    fetched_at: datetime | None = None  # resolves relative stamps ("2 hours ago") when known
    said: str = ""  # a relative byline's ``<article>`` before chrome removal (``article_said``)
    stamp: str = ""  # the time a relative byline's markup states (``stamp_attrs.py``)
    closing: tuple[str, ...] = ()  # the title's ``<article>``'s dated elements (``region_dates``)

    @cached_property
    def times(self) -> tuple[str, ...]:
        """The ``datetime`` values of the page's own ``<time>`` elements."""
        return tuple(time.value for time in self.shown)

    @cached_property
    def known_days(self) -> frozenset[date]:
        """The days the markup states (``<meta>`` dates and times, JSON-LD, ``<time
        datetime>``): they settle a shown day and month that read both ways ("09.10.2024")."""
        found = (parse_date(value, self.tz) for value in stated_times(self.meta, self.times))
        return frozenset(day.date() for day in found if day is not None)

    @cached_property
    def day_first(self) -> bool | None:
        """Whether the page's locale writes a numeric day before its month; None when it does
        not tell (``day_order.py``)."""
        tags = (self.root.get("lang"), *(self.meta.get(key) for key in _LOCALE_KEYS))
        return day_first(tags, self.url)


def stated_times(meta: Mapping[str, str], times: Iterable[str]) -> list[str]:
    """The times the markup states: ``<meta>`` values named for a date or time (JSON-LD's
    among them), then the ``<time datetime>`` values."""
    return [*(value for key, value in meta.items() if DATED_META_RE.search(key)), *times]
