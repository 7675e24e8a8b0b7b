"""The element showing a metadata title, for pages whose headline is in no heading or titled
element: a ``<div class="bt">`` whose whole text is a Chinese ``<title>`` less its site name
after it (the way Chinese government templates show it), or any ``<title>`` less the site name
before it ("郑州日报数字报-标题", "镇人民政府--标题": e-papers and county sites; an old
hand-written page's bold line in ``<font>``); in other languages also the element whose whole
text is the metadata title as it stands (a blog's ``<legend>``, a ``<p class="titulo">``),
which anchors the byline below it."""

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
    root: HtmlElement, title: str, substantial: Callable[[str], bool], host: str = ""
) -> tuple[str, HtmlElement] | None:
    """The title, or its part before a separator (a site name after "_" or "|"), else its part
    after one (a site name before it), that a body element states as its whole text, and that
    element; None when the body shows none, or only parts too short to be a headline or naming
    the ``host``. Of a title in another script only the whole title and its part after a
    separator are sought (a site name before it: "Harold's Film Page - Why I Am..."), the site
    name after one being stripped already."""
    seps = list(SEP_RE.finditer(title))
    heads = [title[: sep.start()].strip() for sep in reversed(seps)]
    tails = [title[sep.end() :].strip() for sep in seps]
    for parts in ([title, *heads], tails) if is_cjk(title) else ([title], tails):
        for candidate in parts:
            if not substantial(candidate) or _names_host(candidate, host):
                break
            if (found := _shown(root, candidate)) is not None:
                return candidate, found
    return None


def _names_host(candidate: str, host: str) -> bool:
    """Tell whether the candidate's initials or its words run together are a label of the host
    ("National Student Support Accelerator" on nssa.example.edu): the site's name, not a
    headline."""
    labels = set(host.lower().split("."))
    words = [word for word in candidate.lower().split() if word[:1].isalnum()]
    return "".join(word[0] for word in words) in labels or "".join(words) in labels


def _shown(root: HtmlElement, candidate: str) -> HtmlElement | None:
    """The body element whose whole text is ``candidate``, if one is."""
    for node in _SHOWN_XPATH(root, title=norm(candidate)):
        holder = node.getparent()
        if not node.is_tail and norm(holder.text_content()) == candidate:
            return holder
    return None
