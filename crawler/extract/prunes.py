"""trafilatura's pruning XPaths as walks over the tree (see :mod:`crawler.extract.walked_paths`).

Each function selects the elements its XPath selects, in document order. The XPath semantics
kept: ``.//*`` is the descendants (not the element itself); a missing attribute reads as ``''``;
``@id|@class`` reads the first of the two in the element's source order; ``re:test`` is
``re.search``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from lxml import etree

if TYPE_CHECKING:
    from collections.abc import Callable

_BLOCKS = ("div", "item", "list", "p", "section", "span")  # the prunes' tags
_BOXES = ("div", "section", "aside")
BLOCKS_XP = " or ".join(f"self::{tag}" for tag in _BLOCKS)
BOXES_XP = " or ".join(f"self::{tag}" for tag in _BOXES)
_KEPT_ANSWERS = 1024  # attribute values whose answer each pattern keeps


def first_of(el: Any, one: str, other: str) -> str:
    """The value of ``@one|@other``: the first of the two attributes in source order."""
    a, b = el.get(one), el.get(other)
    if a is None or b is None:
        return a if b is None else b
    return a if next(k for k in el.attrib if k in (one, other)) == one else b


def searcher(pattern: str, flags: int = 0) -> Callable[[str | None], bool]:
    """``re:test(@attr, pattern)`` of an attribute's value (None: missing), each answer kept
    for the value: pages repeat the same ids and classes ("menu-item", ...) many times, and
    every pass walks the tree again."""
    search = re.compile(pattern, flags).search
    empty = search("") is not None

    @lru_cache(maxsize=_KEPT_ANSWERS)
    def test(value: str | None) -> bool:
        return empty if value is None else search(value) is not None

    return test


# --- the raw tree's prunes -------------------------------------------------------------------

SCROLL = "mvp-post-add-(?:box|wrap)|infinite-?scroll"
APPENDED = "mvp-post-add-(?:box|wrap)"
_scroll, _appended = searcher(SCROLL), searcher(APPENDED)


def appended_articles(tree: Any) -> list[Any]:
    """Infinite-scroll boxes of appended articles (those without a ``<h1>``, unless named so)."""
    return [
        el
        for el in tree.iterdescendants(_BOXES)
        if (_scroll(el.get("id")) or _scroll(el.get("class")))
        and (el.find(".//h1") is None or _appended(el.get("id")) or _appended(el.get("class")))
    ]


def share_buttons(tree: Any) -> list[Any]:
    """Elementor share buttons."""
    return [
        el
        for el in tree.iterdescendants(_BOXES)
        if "elementor-share-buttons" in (el.get("class") or "")
    ]


COMMENT_IDS = "[Cc]omment(?!ary)|comol"
COMMENT_CLASS = "^[Cc]omment(?!ary)|(?:article|post)-comments"
_comment_id = searcher(f"^(?:{COMMENT_IDS}|disqus_thread|dsq-comments)")
_comment_list_id = searcher(f"^(?:{COMMENT_IDS})")
_comment_class = searcher(COMMENT_CLASS)


def comments(tree: Any) -> list[Any]:
    """Comment sections and comment lists."""
    found = []
    for el in tree.iterdescendants("div", "list", "section", "details", "ol", "ul"):
        el_id, cls = el.get("id"), el.get("class")
        if (_comment_id(el_id) or _comment_class(cls)) and (
            el.tag not in ("ol", "ul") or _comment_list_id(el_id) or _comment_class(cls)
        ):
            found.append(el)
    return found


# --- the body's prunes -----------------------------------------------------------------------

ID_CHROME = (
    "^shar|social|viral|newsletter|syndication|tags|sidebar|banner|bread-?crumb|button|author"
    "|^(?:jp-|dpsp-content)|bmdh|footer|Footer|share|Share|nav|Nav|menu|related"
    "|message-container|premium|^ad-"
)
CLASS_CHROME = (
    "^shar|social|viral|newsletter|syndication|tags|sidebar|banner|bread-?crumb|button|author"
    "|^(?:nav|post-nav|ZendeskForm)|subnav|avigation|navbar|navbox|menu|bar| ad |-ad-|(?:^| )ad-"
    "|dfp[Aa]d|outbrain|taboola|criteo|paid-?content|widget|footer|Footer|byline|Byline|share-"
    "|sociable|embedded|embed|tag-list|consent|modal-content|permission|elated|next-|-stories"
    "|most-popular|more-on|meta|rating|attachment|timestamp|user-info|user-profile|-icon"
    "|article-infos|message-container|slide|viewport|overlay|options|expand|obfuscated|blurred"
    "|mol-factbox|yin|zlylin|nfoline"
)
_cookie, _id_chrome = searcher("cookie"), searcher(ID_CHROME)
_class_chrome = searcher(CLASS_CHROME)


def chrome_blocks(tree: Any) -> list[Any]:
    """Blocks named for navigation, sharing, ads and other chrome."""
    found = []
    for el in tree.iterdescendants(_BLOCKS):
        el_id, cls = el.get("id"), el.get("class")
        if (
            el.get("data-lp-replacement-content") is not None
            or "nav" in (el.get("role") or "").replace("N", "n")
            or "MostPopularStories" in (el.get("data-component") or "")
            or _cookie(first_of(el, "id", "class"))
            or _id_chrome(el_id)
            or _class_chrome(cls)
        ):
            found.append(el)
    return found


HIDDEN_CLASS = (
    "^hide-|comments-title|nocomments|-reply-|message|akismet|suggest-links|-hide-|hide-print"
    "| hidden| hide|noprint|notloaded"
)
_hidden, _reader_comments = searcher("hidden"), searcher("reader-comments|akismet")
_hidden_class = searcher(HIDDEN_CLASS)


def hidden_elements(tree: Any) -> list[Any]:
    """Hidden elements and comment furniture (an element without id, class and style is one
    only by ``aria-hidden``: no pattern here matches an empty value). Which of two attributes
    comes first is read only when one of them holds the word tested."""
    found = []
    for el in tree.iterdescendants(etree.Element):
        el_id, cls, style = el.get("id"), el.get("class"), el.get("style")
        if el_id is None and cls is None and style is None:
            if el.get("aria-hidden") == "true":
                found.append(el)
        elif (
            cls == "comments-title"
            or (style is not None and ("display:none" in style or "display: none" in style))
            or _hidden_class(cls)
            or _reader_comments(el_id)
            or el.get("aria-hidden") == "true"
            or (
                ("reply-" in (el_id or "") or "reply-" in (cls or ""))
                and (first_of(el, "id", "class") or "").startswith("reply-")
            )
            or (
                ("hidden" in (el_id or "") or "hidden" in (style or ""))
                and _hidden(first_of(el, "id", "style"))
            )
        ):
            found.append(el)
    return found


def captions(tree: Any) -> list[Any]:
    """Blocks named for captions."""
    return [
        el
        for el in tree.iterdescendants(_BLOCKS)
        if "caption" in (el.get("id") or "") or "caption" in (el.get("class") or "")
    ]


def teasers(tree: Any) -> list[Any]:
    """Blocks named for teasers."""
    return [
        el
        for el in tree.iterdescendants(_BLOCKS)
        if "teaser" in (el.get("id") or "").replace("T", "t")
        or "teaser" in (el.get("class") or "").replace("T", "t")
    ]


_CLEANED = frozenset("aside fencedframe footer script style svg template".split())
COOKIE_NOTICES = (
    "cookie[-_]?(?:banner|bar|consent|law|notice|policy|description)|notice[-_]{0,2}cookie"
    "|consent[-_]?(?:banner|manager|sdk)|borlabs|cookiebot|cmplz|onetrust|moove[-_]?gdpr"
)
_cookie_notice = searcher(COOKIE_NOTICES, re.IGNORECASE)


def basic_cleaned(tree: Any) -> list[Any]:
    """What trafilatura's basic cleaning removes: asides, footers, scripts, styles, frames,
    cookie notices."""
    return [
        el
        for el in tree.iterdescendants(etree.Element)
        if el.tag in _CLEANED
        or (el.tag == "div" and "footer" in (first_of(el, "class", "id") or ""))
        or _cookie_notice(el.get("class"))
        or _cookie_notice(el.get("id"))
    ]
