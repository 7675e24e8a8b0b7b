"""trafilatura's XPaths run as walks over the tree while a pass runs.

trafilatura selects what it prunes and where it looks for the body with XPaths whose ``re:test``
calls back into Python once per element and attribute: about a third of a pass. The walks of
:mod:`crawler.extract.prunes` and :mod:`crawler.extract.body_walks` select the same elements,
in document order, by one walk each that reads the attributes itself. :func:`walked_paths` puts
them in place of trafilatura's XPaths while a pass runs, each only where the XPath's text is the
one it was written for (another trafilatura version keeps its own). Passes in several threads
share one swap: the walks go in when the first starts and the XPaths come back when the last
ends.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from functools import lru_cache
from importlib import import_module
from typing import TYPE_CHECKING, Any

from trafilatura import xpaths

from crawler.extract import body_walks, prunes
from crawler.extract.meta import norm

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from types import ModuleType

    Walk = Callable[[Any], list[Any]]
    Slot = tuple[Any, Any]  # a list and an index in it, or a module and a name in it

# (the package's own ``baseline`` is the function of that name)
_BASELINE = import_module("trafilatura.baseline")
_ANY_ID = "re:test(@id, '{}') or re:test(@class, '{}')"
# (trafilatura's module, the name there of the XPath or of its list, the index in the list,
# the XPath's text with its spaces squashed, the walk)
_WALKS: tuple[tuple[ModuleType, str, int | None, str, Walk], ...] = (
    (
        xpaths,
        "RAW_TREE_PRUNE_XPATH",
        0,
        f".//*[{prunes.BOXES_XP}][ {_ANY_ID.format(prunes.SCROLL, prunes.SCROLL)}][ not(.//h1) or "
        f"{_ANY_ID.format(prunes.APPENDED, prunes.APPENDED)}]",
        prunes.appended_articles,
    ),
    (
        xpaths,
        "RAW_TREE_PRUNE_XPATH",
        1,
        f".//*[{prunes.BOXES_XP}][contains(@class, 'elementor-share-buttons')]",
        prunes.share_buttons,
    ),
    (
        xpaths,
        "REMOVE_COMMENTS_AND_LISTS_XPATH",
        0,
        ".//*[self::div or self::list or self::section or self::details or self::ol or self::ul]"
        f"[ re:test(@id, '^(?:{prunes.COMMENT_IDS}|disqus_thread|dsq-comments)') or "
        f"re:test(@class, '{prunes.COMMENT_CLASS}')][ not(self::ol or self::ul) or "
        f"{_ANY_ID.format(f'^(?:{prunes.COMMENT_IDS})', prunes.COMMENT_CLASS)}]",
        prunes.comments,
    ),
    (
        xpaths,
        "OVERALL_DISCARD_XPATH",
        0,
        f".//*[{prunes.BLOCKS_XP}][ @data-lp-replacement-content or "
        "contains(translate(@role, 'N', 'n'), 'nav') or "
        "contains(@data-component, 'MostPopularStories') or re:test(@id|@class, 'cookie') or "
        f"{_ANY_ID.format(prunes.ID_CHROME, prunes.CLASS_CHROME)}]",
        prunes.chrome_blocks,
    ),
    (
        xpaths,
        "OVERALL_DISCARD_XPATH",
        1,
        ".//*[@class='comments-title' or starts-with(@id|@class, 'reply-') or "
        "re:test(@id|@style, 'hidden') or contains(@style, 'display:none') or "
        "contains(@style, 'display: none') or re:test(@id, 'reader-comments|akismet') or "
        f"re:test(@class, '{prunes.HIDDEN_CLASS}') or @aria-hidden='true']",
        prunes.hidden_elements,
    ),
    (
        xpaths,
        "DISCARD_IMAGE_ELEMENTS",
        0,
        f".//*[{prunes.BLOCKS_XP}][ contains(@id, 'caption') or contains(@class, 'caption')]",
        prunes.captions,
    ),
    (
        xpaths,
        "TEASER_DISCARD_XPATH",
        0,
        f".//*[{prunes.BLOCKS_XP}][ contains(translate(@id, 'T', 't'), 'teaser') or "
        "contains(translate(@class, 'T', 't'), 'teaser')]",
        prunes.teasers,
    ),
    (
        xpaths,
        "BODY_XPATH",
        0,
        f".//*[{body_walks.BODIES_XP}][ @class='post' or @class='entry' or "
        "@itemprop='articleBody' or @id='articleContent' or "
        f"{_ANY_ID.format(body_walks.ARTICLE_ID, body_walks.ARTICLE_CLASS)} ][1]",
        body_walks.article_bodies,
    ),
    (xpaths, "BODY_XPATH", 1, "(.//article)[1]", body_walks.first_article),
    (
        xpaths,
        "BODY_XPATH",
        2,
        f"(.//*[{body_walks.BODIES_XP}][ @role='article' or @id='article' or @id='story' or "
        + " or ".join(f"@class='{name}'" for name in body_walks.STORY_NAMES)
        + f" or re:test(@id, '{body_walks.STORY_ID}') or re:test(@class, 'fulltext', 'i') or "
        f"re:test(@class, '{body_walks.STORY_CLASS}') ])[1]",
        body_walks.first_story,
    ),
    (
        xpaths,
        "BODY_XPATH",
        3,
        f"(.//*[{body_walks.BODIES_XP}][ @id='content' or @class='content' or "
        f"{_ANY_ID.format(body_walks.MAIN_ID, body_walks.MAIN_CLASS)} or "
        "contains(translate(@id, 'CM','cm'), 'main-content') or "
        "contains(translate(@class, 'CM','cm'), 'main-content') or "
        "contains(translate(@class, 'CP','cp'), 'page-content') ])[1]",
        body_walks.first_content,
    ),
    (
        xpaths,
        "BODY_XPATH",
        4,
        "(.//*[self::article or self::div or self::section][ starts-with(@class, 'main') or "
        "starts-with(@id, 'main') or starts-with(@role, 'main')])[1]|(.//main)[1]",
        body_walks.first_main,
    ),
    (
        _BASELINE,
        "BASIC_CLEAN_XPATH",
        None,
        ".//aside|.//div[contains(@class|@id, 'footer')]|.//fencedframe|.//footer|.//script"
        "|.//style|.//svg|.//template"
        f"|.//*[re:test(@class, '{prunes.COOKIE_NOTICES}', 'i') or "
        f"re:test(@id, '{prunes.COOKIE_NOTICES}', 'i')]",
        prunes.basic_cleaned,
    ),
)


@lru_cache(maxsize=1)
def _swaps() -> tuple[tuple[Slot, Any, Walk], ...]:
    """(where trafilatura keeps an XPath, the XPath, its walk) for each XPath whose text is the
    one its walk was written for."""
    swaps = []
    for module, name, index, text, walk in _WALKS:
        slot: Slot = (module, name) if index is None else (getattr(module, name, None), index)
        path = _read(slot)
        if norm(str(getattr(path, "path", ""))) == text:
            swaps.append((slot, path, walk))
    return tuple(swaps)


def _read(slot: Slot) -> Any:
    """What ``slot`` holds (None: nothing)."""
    holder, key = slot
    if isinstance(key, str):
        return getattr(holder, key, None)
    return holder[key] if isinstance(holder, list) and key < len(holder) else None


def _write(slot: Slot, value: Any) -> None:
    """Put ``value`` in ``slot``."""
    holder, key = slot
    if isinstance(key, str):
        setattr(holder, key, value)
    else:
        holder[key] = value


class _Passes:
    """How many passes run with the walks in place, under a lock."""

    lock = threading.Lock()
    running = 0


@contextmanager
def walked_paths() -> Iterator[None]:
    """trafilatura's XPaths replaced by their walks for the duration (put back after the last
    pass running ends)."""
    with _Passes.lock:
        if not _Passes.running:
            for slot, _, walk in _swaps():
                _write(slot, walk)
        _Passes.running += 1
    try:
        yield
    finally:
        with _Passes.lock:
            _Passes.running -= 1
            if not _Passes.running:
                for slot, path, _ in _swaps():
                    _write(slot, path)
