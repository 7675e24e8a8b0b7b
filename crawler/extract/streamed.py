"""Streamed server rendering: body segments sent at the end of the page, put back in place.

React's streaming renderer sends a page in two parts: the shell, where each pending part is a
placeholder (``<template id="B:n">`` for a boundary, ``<template id="P:n">`` for a segment)
followed by a fallback ("Loading paragraph...", a grey skeleton), and then, after the footer,
the parts themselves as hidden ``<div hidden id="S:n">`` that a script moves into place. Without
the script the article's paragraphs sit after the footer, where no extractor looks for them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_FALLBACK_RE = re.compile(r"(?i)\s*(?:loading\b.*)?")  # no text, or "Loading ..."


def streamed_segments(root: HtmlElement) -> list[HtmlElement]:
    """The page's streamed segments (``<div hidden id="S:n">``), in page order."""
    return root.xpath("//div[@hidden][starts-with(@id, 'S:')]")  # type: ignore[no-any-return]


def place_streamed(root: HtmlElement, segments: list[HtmlElement]) -> None:
    """Move the streamed ``segments`` into their placeholders' places, in place."""
    holders = {t.get("id"): t for t in root.iter("template") if t.get("id", "")[1:2] == ":"}
    for segment in segments:
        key = segment.get("id", "")[2:]
        holder = holders.get(f"B:{key}")
        if holder is not None:
            _drop_fallback(holder)
        else:
            holder = holders.get(f"P:{key}")
        if holder is not None and holder.getparent() is not None:
            _replace(holder, segment)


def _drop_fallback(holder: HtmlElement) -> None:
    """Remove the element after a boundary's placeholder when it is a fallback: no text, or a
    "Loading..." line, and no placeholder of its own (a shell waiting for segments)."""
    after = holder.getnext()
    if (
        after is not None
        and _FALLBACK_RE.fullmatch(after.text_content())
        and next(after.iter("template"), None) is None
    ):
        after.drop_tree()


def _replace(holder: HtmlElement, segment: HtmlElement) -> None:
    """Put ``segment`` (shown) where ``holder`` is and remove ``holder``."""
    segment.attrib.pop("hidden", None)
    segment.tail = None
    holder.addprevious(segment)
    holder.drop_tree()
