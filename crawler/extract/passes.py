"""trafilatura's passes over a page: a fast one, and the comparing one where it finds little.

Each pass tells whether its text has structure: a heading or a list. A text without either is
what trafilatura's last resort gives when it finds no article container (it collects the page's
paragraphs alone), and the recovery then reads the container's opening blocks too (see
:mod:`crawler.extract.recover`).
"""

from __future__ import annotations

from contextlib import contextmanager, nullcontext
from copy import copy
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from trafilatura import bare_extraction
from trafilatura.settings import Document, Extractor
from trafilatura.xml import xmltotxt

from crawler.extract.lines import mark_breaks
from crawler.extract.link_density import faster_density
from crawler.extract.meta import squashed_len
from crawler.extract.walked_paths import walked_paths

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lxml.html import HtmlElement

    from crawler.extract.article import ExtractionSettings

_STRUCTURE = ("head", "list")  # trafilatura's names for headings and lists


class Pass(NamedTuple):
    """The text a pass found and whether it holds a heading or a list."""

    text: str
    structured: bool


def trafilatura_text(
    tree: HtmlElement, url: str, settings: ExtractionSettings, page_text: str
) -> Pass:
    """A trafilatura pass; after a fast one (without its readability/jusText comparison, which
    costs about as much again), the full one instead when the fast pass finds less than
    ``retry_share`` of ``page_text``, the tree's text (lengths without whitespace): the
    comparison rarely changes a text that holds a good share of the page."""
    fast = not settings.compare_first
    found = _run_trafilatura(tree, url, precise=settings.precise_first, fast=fast)
    if fast and _holds_little(squashed_len(found.text), page_text, settings.retry_share):
        return _run_trafilatura(tree, url, precise=False, fast=False)
    return found


def _holds_little(held: int, page: str, share: float) -> bool:
    """Tell whether ``held`` is less than ``share`` of the page's length without whitespace
    (the raw length, an upper bound, settles most pages without squashing)."""
    return held < share * len(page) and held < share * squashed_len(page)


def _run_trafilatura(tree: HtmlElement, url: str, *, precise: bool, fast: bool) -> Pass:
    """One trafilatura pass (on its own copy of the tree), the lines ``<br>`` began marked;
    no text when it finds nothing. A fast pass runs without the document's head (see
    :func:`head_aside`); every pass with its XPaths walked (see
    :mod:`crawler.extract.walked_paths`) and its link-density test reading less text (see
    :mod:`crawler.extract.link_density`)."""
    with head_aside(tree) if fast else nullcontext(), walked_paths(), faster_density():
        doc = bare_extraction(tree, options=_options(url, precise=precise, fast=fast))
    if not isinstance(doc, Document) or doc.body is None:
        return Pass("", structured=False)
    mark_breaks(doc.body)
    structured = next(doc.body.iter(*_STRUCTURE), None) is not None
    return Pass(xmltotxt(doc.body, include_formatting=False), structured)


@contextmanager
def head_aside(root: HtmlElement) -> Iterator[None]:
    """``root`` without its ``<head>`` for the duration, the head (its tail with it) put back
    where it was after.

    A fast pass reads nothing in the head: no metadata is asked for, its scripts (a forum's or
    an article's JSON-LD) are gone before any pass, its fallbacks and page measure read the
    body, and trafilatura deletes the head before extracting. It still copies the head with the
    tree several times and walks it in its prunes. The full pass keeps it: its jusText fallback
    reads the raw tree's text, the title's included.
    """
    head = root.find("head")
    if head is None:
        yield
        return
    at = root.index(head)
    root.remove(head)
    try:
        yield
    finally:
        root.insert(at, head)


def _options(url: str, *, precise: bool, fast: bool) -> Extractor:
    """trafilatura's options for a pass over the page at ``url``: the body only, without
    comments or metadata, as XML (its text is rendered here, with the breaks marked)."""
    options = copy(_pass_options(precise=precise, fast=fast))
    options.url = url
    options.source = url and url.encode("utf-8", "replace").decode("utf-8")
    return options


@lru_cache(maxsize=4)
def _pass_options(*, precise: bool, fast: bool) -> Extractor:
    """The options of :func:`_options` less the page's URL, built once (reading trafilatura's
    configuration for each pass cost as much as a tenth of copying the tree)."""
    return Extractor(output_format="xml", fast=fast, precision=precise, comments=False)
