"""The element showing a metadata title, for pages whose headline is in no heading or titled
element: a ``<div class="bt">`` whose whole text is a Chinese ``<title>`` less its site name after
it (the way Chinese government templates show it), or less the site name before it
("郑州日报数字报-标题", "镇人民政府--标题": e-papers and county sites); in other languages the
element whose whole text is the metadata title as it stands (a blog's ``<legend>``, a
``<p class="titulo">``), which anchors the byline below it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from crawler.extract.density import is_cjk
from crawler.extract.meta import norm
from crawler.extract.site_name import SEP_RE

if TYPE_CHECKING:
    from collections.abc import Callable

    from lxml.html import HtmlElement

# A text node of the body, outside links (another page's headline in a list), whose words are
# exactly the given title's.
_SHOWN_XPATH = etree.XPath(
    "/descendant::body/descendant::text()[normalize-space(.) = $title][not(ancestor::a)]"
)


def shown_title(
    root: HtmlElement, title: str, substantial: Callable[[str], bool]
) -> tuple[str, HtmlElement] | None:
    """The title, or its part before a separator (a site name after "_" or "|"), else its part
    after one (a site name before it), that a body element states as its whole text, and that
    element; None when the body shows none, or only parts too short to be a headline. A title
    that is not Chinese is only sought whole."""
    if not is_cjk(title):
        found = _shown(root, title) if substantial(title) else None
        return None if found is None else (title, found)
    seps = list(SEP_RE.finditer(title))
    heads = [title[: sep.start()].strip() for sep in reversed(seps)]
    tails = [title[sep.end() :].strip() for sep in seps]
    for parts in ([title, *heads], tails):
        for candidate in parts:
            if not substantial(candidate):
                break
            if (found := _shown(root, candidate)) is not None:
                return candidate, found
    return None


def _shown(root: HtmlElement, candidate: str) -> HtmlElement | None:
    """The body element whose whole text is ``candidate``, if one is."""
    for node in _SHOWN_XPATH(root, title=" ".join(candidate.split())):
        holder = node.getparent()
        if not node.is_tail and norm(holder.text_content()) == candidate:
            return holder
    return None
