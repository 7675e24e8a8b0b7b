"""Text a browser shows that the tree holds in elements otherwise read as code.

A declarative shadow root (``<template shadowrootmode="open">``, earlier ``shadowroot``) is
rendered in place of its template: a web component's paragraphs may be written there. A
``<noscript>`` is shown to readers without scripts; when the page a script would build holds
less text than one ``<noscript>`` does, that ``<noscript>`` holds the page (a shell saying
"Loading…" beside the article written for readers without scripts). Both are read as
``<div>`` elements before the code is removed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crawler.extract.meta import text_len

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_SHADOW_ROOT_ATTRIBUTES = ("shadowrootmode", "shadowroot")
_MARKERS = ("<template", "<noscript")
# A <noscript> shown holds a page's text: this much at least (without whitespace), more than a
# notice asking for scripts ("You need to enable JavaScript to run this app.").
_PAGE_TEXT = 300


def show_rendered(root: HtmlElement, html: str) -> None:
    """Turn the declarative shadow roots under ``root``, and a ``<noscript>`` holding more text
    than the rest of the body, into ``<div>`` elements in place; the HTML is searched first: most
    pages have neither."""
    if not any(marker in html for marker in _MARKERS):
        return
    for template in root.iter("template"):
        if any(template.get(name) for name in _SHADOW_ROOT_ATTRIBUTES):
            template.tag = "div"
    noscripts = list(root.iter("noscript"))
    if not noscripts:
        return
    held = {id(el): text_len(el) for el in noscripts}
    longest = max(noscripts, key=lambda el: held[id(el)])
    if held[id(longest)] < _PAGE_TEXT:  # most pages: a tracking pixel, a notice
        return
    outside = text_len(root) - sum(held.values()) - _code_len(root)
    if held[id(longest)] > outside:
        longest.tag = "div"


def _code_len(root: HtmlElement) -> int:
    """The text held by the scripts, styles and templates under ``root``."""
    return sum(text_len(el) for el in root.iter("script", "style", "template"))
