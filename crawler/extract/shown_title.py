"""The element showing a Chinese metadata title, for pages whose headline is in no heading or
titled element: a ``<div class="bt">`` whose whole text is ``<title>`` less its site name (the
way Chinese government templates show it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from crawler.extract.density import is_cjk
from crawler.extract.meta import norm
from crawler.extract.site_name import SEP_RE

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from lxml.html import HtmlElement

# A text node of the body, outside links (another page's headline in a list), whose words are
# exactly the given title's.
_SHOWN_XPATH = etree.XPath(
    "/descendant::body/descendant::text()[normalize-space(.) = $title][not(ancestor::a)]"
)


def shown_title(
    root: HtmlElement, title: str, substantial: Callable[[str], bool]
) -> tuple[str, HtmlElement] | None:
    """The title, or its part before a separator (a site name after "_" or "|"), that a
    body element states as its whole text, and that element; None when the body shows
    neither, or only a part too short to be a headline, or the title is not Chinese."""
    if not is_cjk(title):
        return None
    for candidate in _heads(title):
        if not substantial(candidate):
            return None
        for node in _SHOWN_XPATH(root, title=" ".join(candidate.split())):
            holder = node.getparent()
            if not node.is_tail and norm(holder.text_content()) == candidate:
                return candidate, holder
    return None


def _heads(title: str) -> Iterator[str]:
    """The title, then its parts before each separator, longest first."""
    yield title
    for sep in reversed(list(SEP_RE.finditer(title))):
        if head := title[: sep.start()].strip():
            yield head
