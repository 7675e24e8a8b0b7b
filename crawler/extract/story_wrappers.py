"""The wrapper of a page's story kept from trafilatura's chrome names.

trafilatura prunes a block whose class holds a chrome word anywhere in it, "bar" (a sidebar, a
navbar) too: a paywall's ``barrier`` wrapper goes with the headline and the free paragraphs it
holds. A class name that trips the test only by a "bar" that a letter follows ("barrier",
"embargo") names no bar; when it is on an ancestor of the headline holding at least half of the
page's text, it is taken off before the passes. Other chrome names on such a wrapper are left:
a story's wrapper named for a widget or a banner is still pruned.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from crawler.extract.meta import text_len
from crawler.extract.prunes import CLASS_CHROME, searcher

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_MIN_SHARE = 0.5  # the share of the page's text a story's wrapper holds
_names_chrome = searcher(CLASS_CHROME)
_names_other_chrome = searcher(CLASS_CHROME.replace("|bar|", "|"))
_BAR_ALONE_RE = re.compile(r"bar(?![a-z])", re.IGNORECASE)  # a "bar" that no letter follows


def keep_story_wrappers(root: HtmlElement, title_el: HtmlElement | None) -> None:
    """Take the class names that name no bar off the headline's ancestors under ``root`` that
    hold at least half of its text, in place."""
    if title_el is None:
        return
    named = [el for el in title_el.iterancestors() if _names_chrome(el.get("class"))]
    if not named or named[-1].getroottree().getroot() is not root:
        return
    page = text_len(root)
    for el in named:
        names = el.get("class", "").split()
        kept = [name for name in names if not _names_no_bar(name)]
        if (
            len(kept) < len(names)
            and not _names_chrome(" ".join(kept))
            and text_len(el) >= (_MIN_SHARE * page)
        ):
            el.set("class", " ".join(kept))


def _names_no_bar(name: str) -> bool:
    """Tell whether a class name trips the chrome test only by a "bar" inside a word."""
    return (
        _names_chrome(name) and not _names_other_chrome(name) and _BAR_ALONE_RE.search(name) is None
    )
