"""Lines that are a page control's label: a link going nowhere ("#", "javascript:") that
opens, closes or toggles a box ("Toggle", "Show all"), or a download button under a chart or a
table ("Download this chart", a link to a spreadsheet or a PDF), left as a paragraph of its own.
A label that is also the whole text of another block (a contents entry repeating its heading)
is the text's own."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from crawler.extract.attachments import only_files
from crawler.extract.blocks import block_key

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_WORDS = 3  # a control's label has this many words at most
_DOWNLOAD_RE = re.compile(r"\s*download\b", re.IGNORECASE)  # a download button's label
_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th", "div", "span")


def drop_controls(paras: list[str], root: HtmlElement) -> list[str]:
    """``paras`` less those that are the whole label of a control on ``root`` (a link going
    nowhere, a download button) and of no other block."""
    controls = [a for a in root.iter("a") if _is_control(a)]
    labels = {
        key
        for a in controls
        if len((text := a.text_content()).split()) <= _WORDS and (key := block_key(text))
    }
    if not labels or not any(block_key(p) in labels for p in paras):
        return paras
    links = set(controls)
    for block in root.iter(*_BLOCKS):
        if (key := block_key(block.text_content())) in labels and not _holds_control(block, links):
            labels.discard(key)
    return [p for p in paras if block_key(p) not in labels]


def _holds_control(block: HtmlElement, links: set[HtmlElement]) -> bool:
    """Tell whether ``block`` is inside one of the control ``links`` or holds one."""
    return any(a in links for a in block.iterancestors("a")) or any(
        a in links for a in block.iter("a")
    )


def _is_control(link: HtmlElement) -> bool:
    """Tell whether a link is a control: going nowhere, or a download of a document file
    ("Download this chart")."""
    href = link.get("href")
    if _nowhere(href):
        return True
    label = link.text  # the button's own words, read before its address
    return bool(href and label and _DOWNLOAD_RE.match(label) and only_files((href,)))


def _nowhere(href: str | None) -> bool:
    """Tell whether a link's address goes nowhere: the page's top ("#") or a script."""
    value = (href or "").strip().lower()
    return value == "#" or value.startswith("javascript:")
