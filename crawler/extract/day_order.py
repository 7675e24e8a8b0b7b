"""Whether a page writes numeric dates day first ("05/11/2026": 5 November) or month first.

The page's locale tells: the region its ``<html lang>`` or ``og:locale`` declares ("en-GB",
"en_AU"), else its host's country domain, else its declared language. The United States and the
Philippines write the month first, English Canada both ways (month first stays the default
there), as do English pages that state no region on a generic domain; English elsewhere and
the other languages (German, French, Spanish...) write the day first, but for the languages
that write the year first (Chinese, Japanese, Korean...). Only a month-first region sets a
dotted date month first ("12.05.2026" on a US site); elsewhere dots stand for the day first. A
day the page's markup states still settles either order (``date_parse.parse_loose``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from collections.abc import Iterable

# Countries (ISO 3166) that write the month first; English Canada writes both ways.
_MONTH_FIRST = frozenset({"us", "ph", "fm", "pw", "mh"})
# Country domains of English-writing countries that put the day first.
_DAY_FIRST_DOMAINS = frozenset({"uk", "au", "nz", "ie", "in", "za", "sg", "ng", "ke", "pk"})
# Languages whose numeric dates are year first (2026/12/05), whatever their region.
_YEAR_FIRST = frozenset({"zh", "ja", "ko", "hu", "lt", "mn"})
_TAG_RE = re.compile(r"^\s*([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{2})\b)?")


def day_first(tags: Iterable[str | None], url: str) -> bool | None:
    """Tell whether a page whose language tags are ``tags`` (``<html lang>``, ``og:locale``...,
    in order of trust) at ``url`` writes a numeric day before its month: False when its region
    writes the month first, None when nothing tells (English without a region, English Canada,
    a year-first language)."""
    parsed = [m.groups() for tag in tags if tag and (m := _TAG_RE.match(tag))]
    language = parsed[0][0].lower() if parsed else None
    if language in _YEAR_FIRST:
        return None
    region = next((region.lower() for _, region in parsed if region), None)
    if region in _MONTH_FIRST:
        return False
    if region is not None:
        return None if (language, region) == ("en", "ca") else True
    if (urlsplit(url).hostname or "").rpartition(".")[2] in _DAY_FIRST_DOMAINS:
        return True
    return True if language is not None and language != "en" else None
