"""A publication date a page shows only on hover, behind a stamp of the last edit.

Q&A sites and forums show when a post was last edited and keep when it was published in the
stamp's tooltip: ``<span data-tooltip="发布于 2026-11-29 23:06">编辑于 2026-12-01 10:12</span>``.
Only a tooltip labelled as the publication (发布于, Published) on a short stamp holding digits
counts: a link's ``title`` repeating a headline or a name is no date.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING

from lxml import etree

from crawler.extract.date_parse import parse_loose
from crawler.extract.meta import norm

if TYPE_CHECKING:
    from collections.abc import Set

    from lxml.html import HtmlElement

__all__ = ["tooltip_date"]

_TOOLTIP_XPATH = etree.XPath("/descendant::*[@data-tooltip or @title]")
_MAX_STAMP = 40  # characters of a stamp's shown text
_DIGIT_RE = re.compile(r"\d")


def tooltip_date(
    root: HtmlElement, label: re.Pattern[str], tz: timezone, known: Set[date]
) -> datetime | None:
    """The date after a publication ``label`` in the tooltip of the page's first short stamp
    that has one (its shown text holds digits); None when no stamp has one."""
    for element in _TOOLTIP_XPATH(root):
        shown = norm(element.text_content())
        if len(shown) > _MAX_STAMP or not _DIGIT_RE.search(shown):
            continue
        for name in ("data-tooltip", "title"):
            if (tip := element.get(name)) and (m := label.search(norm(tip))):
                return parse_loose(m.group(1), tz, known)
    return None
