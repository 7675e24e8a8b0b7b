"""The wrapper of a page's story kept from trafilatura's chrome names.

trafilatura prunes a block whose class holds a chrome word anywhere in it, as "bar" in a
paywall's ``barrier`` wrapper. A block that holds the headline and most of
the page's text is the story, not chrome: before a pass, the class names of such a headline's
ancestors that trip the test are taken off (the names that do not are kept).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crawler.extract.meta import text_len
from crawler.extract.prunes import CLASS_CHROME, searcher

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_MIN_SHARE = 0.5  # the share of the page's text a story's wrapper holds
_names_chrome = searcher(CLASS_CHROME)


def keep_story_wrappers(root: HtmlElement, title_el: HtmlElement | None) -> None:
    """Take the chrome-named classes off the headline's ancestors under ``root`` that hold at
    least half of its text, in place."""
    if title_el is None:
        return
    named = [el for el in title_el.iterancestors() if _names_chrome(el.get("class"))]
    if not named or named[-1].getroottree().getroot() is not root:
        return
    page = text_len(root)
    for el in named:
        if text_len(el) >= _MIN_SHARE * page:
            _unname(el)


def _unname(el: HtmlElement) -> None:
    """Drop the element's class names that trip the chrome test (all of them when the rest
    still does)."""
    kept = " ".join(name for name in el.get("class", "").split() if not _names_chrome(name))
    if kept and not _names_chrome(kept):
        el.set("class", kept)
    else:
        del el.attrib["class"]
