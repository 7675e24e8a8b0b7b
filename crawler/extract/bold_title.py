"""The title of a document page: one whose ``<title>`` is its file name ("ex99-1.htm") and
whose headline sits in no heading, but in the first paragraph set wholly in bold (an exhibit
filed with a regulator, a word-processor document saved as HTML)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from crawler.extract.meta import norm

if TYPE_CHECKING:
    from collections.abc import Callable

    from lxml.html import HtmlElement

_FILE_NAME_RE = re.compile(r"(?i)[\w.-]+\.(?:s?html?|php|aspx?|jsp|cfm|pdf|txt|docx?)")
_BLOCKS = ("p", "div", "td", "center")
_BOLD = ("b", "strong")


def is_file_name(title: str) -> bool:
    """Tell whether a metadata title is only a file's name: the page names no headline."""
    return bool(_FILE_NAME_RE.fullmatch(title))


def bold_headline(
    root: HtmlElement, headline: Callable[[str], bool]
) -> tuple[str, HtmlElement] | None:
    """The first paragraph whose whole text is bold and reads as a headline (``headline``: long
    enough, not too long), outside links, and that paragraph; None when the body has none."""
    for body in root.iter("body"):
        for bold in body.iterdescendants(*_BOLD):
            text = norm(bold.text_content())
            if not headline(text):
                continue
            block = next(bold.iterancestors(*_BLOCKS), None)
            if (
                block is not None
                and norm(block.text_content()) == text
                and next(bold.iterancestors("a"), None) is None
                and next(bold.iterdescendants("a"), None) is None
            ):
                return text, block
    return None
