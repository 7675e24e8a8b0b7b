"""trafilatura's link-density test, reading no more of a long element's text than decides it.

trafilatura tests every paragraph, list and heading of a pass for the share of its text in
links, measuring the element's whole text with its whitespace collapsed. Most elements it
tests are long (a container of the whole article), and most of those decide on their length
alone: at least a limit of 30 to 300 characters. The text collapsed up to a point is a prefix
of the text collapsed whole, so a few hundred characters of it tell the length is reached; the
whole text is collapsed only when the decision needs its exact length. :func:`faster_density`
puts :func:`link_density_test` in place of trafilatura's while a pass runs, only where
trafilatura's test is the one it was written for (another trafilatura version keeps its own).
"""

from __future__ import annotations

import hashlib
import inspect
import threading
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING

from trafilatura import htmlprocessing
from trafilatura.htmlprocessing import collect_link_info, is_paragraph_listing
from trafilatura.utils import LINK_FARM_RATIO, trim

from crawler.extract.meta import norm

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from lxml.html import HtmlElement

# the SHA-256 of the source of trafilatura's test this one gives the answers of
_WRITTEN_FOR = "0b3d71f252bf19639de358ec3f4abc7c252eefb60eeac3b1da77e6dd9d8a444e"
_PREFIX_SPAN = 4  # collapse this many times the limit's characters first
_TRAFILATURA_TEST = htmlprocessing.link_density_test


def link_density_test(element: HtmlElement, favor_precision: bool = False) -> tuple[bool, bool]:
    """trafilatura's ``link_density_test``: whether the element is mostly links (boilerplate),
    and whether it is short with links; its text collapsed whole only when that decides."""
    links = list(element.iterdescendants("ref"))  # ".//ref" without the path's parsing
    if not links or next(element.iterdescendants("graphic"), None) is not None:
        return False, False
    text = element.text_content()
    if len(links) == 1:
        link_len = len(trim(links[0].text_content()))
        if link_len > (10 if favor_precision else 100) and _outweighs(link_len, text, 0.9):
            return True, False
    limit = _limit(element)
    elemlen = _collapsed_len_from(text, limit)
    if elemlen < limit:  # exact: a short element
        linklen, elemnum, shortelems, _ = collect_link_info(links)
        if elemnum == 0:
            return True, False
        return linklen > elemlen * 0.8 or (elemnum > 1 and shortelems / elemnum > 0.8), True
    if len(links) > 4:
        linklen, elemnum, _, _ = collect_link_info(links)
        if (
            linklen < 100 * elemnum
            and _outweighs(linklen, text, LINK_FARM_RATIO)
            and not is_paragraph_listing(links)
        ):
            return True, False
    return False, False


def _limit(element: HtmlElement) -> int:
    """The length under which trafilatura reads an element as short: a paragraph's is lower,
    the last element's of its parent higher."""
    last = element.getnext() is None
    if element.tag == "p":
        return 60 if last else 30
    return 300 if last else 100


def _outweighs(length: int, text: str, ratio: float) -> bool:
    """Tell whether ``length`` exceeds ``ratio`` times :func:`_collapsed_len` of ``text``, a
    prefix long enough to outweigh it deciding when it does."""
    least = _collapsed_len_from(text, int(length / ratio) + 1)
    return length > least * ratio and length > _collapsed_len(text) * ratio


def _collapsed_len(text: str) -> int:
    """The length of ``text`` with its whitespace collapsed (trafilatura's ``trim``)."""
    return len(norm(text))


def _collapsed_len_from(text: str, limit: int) -> int:
    """:func:`_collapsed_len` of ``text`` when it is under ``limit``; otherwise a length of at
    least ``limit`` no longer than it (that of a prefix of the text)."""
    span = _PREFIX_SPAN * limit
    if len(text) > span and (head := _collapsed_len(text[:span])) >= limit:
        return head
    return _collapsed_len(text)


@lru_cache(maxsize=1)
def _swappable() -> bool:
    """Tell whether trafilatura's test is the one :func:`link_density_test` was written for."""
    source = inspect.getsource(_TRAFILATURA_TEST)
    return hashlib.sha256(source.encode()).hexdigest() == _WRITTEN_FOR


class _Passes:
    """How many passes run with the test in place, under a lock."""

    lock = threading.Lock()
    running = 0
    original: Callable[..., tuple[bool, bool]] = _TRAFILATURA_TEST


@contextmanager
def faster_density() -> Iterator[None]:
    """trafilatura's link-density test replaced by :func:`link_density_test` for the duration
    (put back after the last pass running ends)."""
    if not _swappable():
        yield
        return
    with _Passes.lock:
        if not _Passes.running:
            _Passes.original = htmlprocessing.link_density_test
            htmlprocessing.link_density_test = link_density_test
        _Passes.running += 1
    try:
        yield
    finally:
        with _Passes.lock:
            _Passes.running -= 1
            if not _Passes.running:
                htmlprocessing.link_density_test = _Passes.original
