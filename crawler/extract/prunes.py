"""trafilatura's pruning and body XPaths as walks over the tree, for the length of a pass.

trafilatura selects what it prunes and where it looks for the body with XPaths whose ``re:test``
calls back into Python once per element and attribute: about a third of a pass. Each function
here selects the same elements, in document order, by one walk that reads the attributes itself.
:func:`walked_paths` puts them in place of trafilatura's XPaths while a pass runs, each only where
the XPath's text is the one it was written for (another trafilatura version keeps its own).

The XPath semantics kept: ``.//*`` is the descendants (not the element itself); a missing
attribute reads as ``''``; ``@id|@class`` reads the first of the two in the element's source
order; ``re:test`` is ``re.search``; ``(…)[1]`` is the first match, a step's ``[1]`` the first
match among each element's children.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from lxml import etree
from trafilatura import xpaths

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    Walk = Callable[[Any], list[Any]]

_BLOCKS = ("div", "item", "list", "p", "section", "span")  # the prunes' tags
_BOXES = ("div", "section", "aside")
_BODIES = ("article", "div", "main", "section")
_BLOCKS_XP = " or ".join(f"self::{tag}" for tag in _BLOCKS)
_BOXES_XP = " or ".join(f"self::{tag}" for tag in _BOXES)
_BODIES_XP = " or ".join(f"self::{tag}" for tag in _BODIES)


def _first(el: Any, one: str, other: str) -> str:
    """The value of ``@one|@other``: the first of the two attributes in source order."""
    a, b = el.get(one), el.get(other)
    if a is None or b is None:
        return a if b is None else b
    return a if next(k for k in el.attrib if k in (one, other)) == one else b


def _searcher(pattern: str, flags: int = 0) -> Callable[[str | None], bool]:
    """``re:test(@attr, pattern)`` of an attribute's value (None: missing)."""
    search = re.compile(pattern, flags).search
    empty = search("") is not None
    return lambda value: empty if value is None else search(value) is not None


# --- the raw tree's prunes -------------------------------------------------------------------

_SCROLL = "mvp-post-add-(?:box|wrap)|infinite-?scroll"
_APPENDED = "mvp-post-add-(?:box|wrap)"
_scroll, _appended = _searcher(_SCROLL), _searcher(_APPENDED)


def _appended_articles(tree: Any) -> list[Any]:
    """Infinite-scroll boxes of appended articles (those without a ``<h1>``, unless named so)."""
    return [
        el
        for el in tree.iterdescendants(_BOXES)
        if (_scroll(el.get("id")) or _scroll(el.get("class")))
        and (el.find(".//h1") is None or _appended(el.get("id")) or _appended(el.get("class")))
    ]


def _share_buttons(tree: Any) -> list[Any]:
    """Elementor share buttons."""
    return [
        el
        for el in tree.iterdescendants(_BOXES)
        if "elementor-share-buttons" in (el.get("class") or "")
    ]


_COMMENT_IDS = "[Cc]omment(?!ary)|comol"
_COMMENT_CLASS = "^[Cc]omment(?!ary)|(?:article|post)-comments"
_comment_id = _searcher(f"^(?:{_COMMENT_IDS}|disqus_thread|dsq-comments)")
_comment_list_id = _searcher(f"^(?:{_COMMENT_IDS})")
_comment_class = _searcher(_COMMENT_CLASS)


def _comments(tree: Any) -> list[Any]:
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

_ID_CHROME = (
    "^shar|social|viral|newsletter|syndication|tags|sidebar|banner|bread-?crumb|button|author"
    "|^(?:jp-|dpsp-content)|bmdh|footer|Footer|share|Share|nav|Nav|menu|related"
    "|message-container|premium|^ad-"
)
_CLASS_CHROME = (
    "^shar|social|viral|newsletter|syndication|tags|sidebar|banner|bread-?crumb|button|author"
    "|^(?:nav|post-nav|ZendeskForm)|subnav|avigation|navbar|navbox|menu|bar| ad |-ad-|(?:^| )ad-"
    "|dfp[Aa]d|outbrain|taboola|criteo|paid-?content|widget|footer|Footer|byline|Byline|share-"
    "|sociable|embedded|embed|tag-list|consent|modal-content|permission|elated|next-|-stories"
    "|most-popular|more-on|meta|rating|attachment|timestamp|user-info|user-profile|-icon"
    "|article-infos|message-container|slide|viewport|overlay|options|expand|obfuscated|blurred"
    "|mol-factbox|yin|zlylin|nfoline"
)
_cookie, _id_chrome = _searcher("cookie"), _searcher(_ID_CHROME)
_class_chrome = _searcher(_CLASS_CHROME)


def _chrome_blocks(tree: Any) -> list[Any]:
    """Blocks named for navigation, sharing, ads and other chrome."""
    found = []
    for el in tree.iterdescendants(_BLOCKS):
        el_id, cls = el.get("id"), el.get("class")
        if (
            el.get("data-lp-replacement-content") is not None
            or "nav" in (el.get("role") or "").replace("N", "n")
            or "MostPopularStories" in (el.get("data-component") or "")
            or _cookie(_first(el, "id", "class"))
            or _id_chrome(el_id)
            or _class_chrome(cls)
        ):
            found.append(el)
    return found


_HIDDEN_CLASS = (
    "^hide-|comments-title|nocomments|-reply-|message|akismet|suggest-links|-hide-|hide-print"
    "| hidden| hide|noprint|notloaded"
)
_hidden, _reader_comments = _searcher("hidden"), _searcher("reader-comments|akismet")
_hidden_class = _searcher(_HIDDEN_CLASS)


def _hidden_elements(tree: Any) -> list[Any]:
    """Hidden elements and comment furniture (an element without attributes is none: no
    pattern here matches an empty value)."""
    found = []
    for el in tree.iterdescendants(etree.Element):
        if not len(el.attrib):
            continue
        cls, style = el.get("class"), el.get("style") or ""
        if (
            cls == "comments-title"
            or (_first(el, "id", "class") or "").startswith("reply-")
            or _hidden(_first(el, "id", "style"))
            or "display:none" in style
            or "display: none" in style
            or _reader_comments(el.get("id"))
            or _hidden_class(cls)
            or el.get("aria-hidden") == "true"
        ):
            found.append(el)
    return found


def _captions(tree: Any) -> list[Any]:
    """Blocks named for captions."""
    return [
        el
        for el in tree.iterdescendants(_BLOCKS)
        if "caption" in (el.get("id") or "") or "caption" in (el.get("class") or "")
    ]


def _teasers(tree: Any) -> list[Any]:
    """Blocks named for teasers."""
    return [
        el
        for el in tree.iterdescendants(_BLOCKS)
        if "teaser" in (el.get("id") or "").replace("T", "t")
        or "teaser" in (el.get("class") or "").replace("T", "t")
    ]


# --- where the body is -----------------------------------------------------------------------

_ARTICLE_ID = (
    "(?:entry|article|art)-content|article__content|article(?:-|__)?body|articleBody|body-text"
)
_ARTICLE_CLASS = (
    "post[-_]text|post-body|post-?entry|post[-_]?content|postContent|post_inner_wrapper"
    "|article-?text|articleText|(?:entry|page|text|article|art)-content|article__content"
    "|article(?:-|__)?body|articleBody|ArticleContent|body-text|article__container"
)
_article_id, _article_class = _searcher(_ARTICLE_ID), _searcher(_ARTICLE_CLASS)


def _article_bodies(tree: Any) -> list[Any]:
    """Elements named as an article's body, each the first so named among its siblings."""
    found, parents = [], set()
    for el in tree.iterdescendants(_BODIES):
        cls, el_id = el.get("class"), el.get("id")
        if (
            cls in ("post", "entry")
            or el.get("itemprop") == "articleBody"
            or el_id == "articleContent"
            or _article_id(el_id)
            or _article_class(cls)
        ) and (parent := el.getparent()) not in parents:
            parents.add(parent)
            found.append(el)
    return found


def _first_article(tree: Any) -> list[Any]:
    """The first ``<article>``."""
    return _one(next(tree.iterdescendants("article"), None))


_STORY_ID = "^primary|story-body"
_STORY_CLASS = (
    "^article |post-bodycopy|story-?content|(?:theme|blog|section|single)-content|single-post"
    "|main-column|wpb_text_column|story-body|field-body"
)
_STORY_NAMES = ("postarea", "art-postcontent", "text", "cell", "story")
_story_id, _story_class = _searcher(_STORY_ID), _searcher(_STORY_CLASS)
_fulltext = _searcher("fulltext", re.IGNORECASE)


def _first_story(tree: Any) -> list[Any]:
    """The first element named as a story."""
    return _one(
        next(
            (
                el
                for el in tree.iterdescendants(_BODIES)
                if el.get("role") == "article"
                or el.get("id") in ("article", "story")
                or el.get("class") in _STORY_NAMES
                or _story_id(el.get("id"))
                or _fulltext(el.get("class"))
                or _story_class(el.get("class"))
            ),
            None,
        )
    )


_MAIN_ID = "content-main|content-body|contentBody"
_MAIN_CLASS = "content[-_]main|content(?:-|__)body"
_main_id, _main_class = _searcher(_MAIN_ID), _searcher(_MAIN_CLASS)


def _first_content(tree: Any) -> list[Any]:
    """The first element named as the page's main content."""
    return _one(next((el for el in tree.iterdescendants(_BODIES) if _names_content(el)), None))


def _names_content(el: Any) -> bool:
    """Tell whether the element's id or class names the main content."""
    el_id, cls = el.get("id"), el.get("class")
    return (
        el_id == "content"
        or cls == "content"
        or _main_id(el_id)
        or _main_class(cls)
        or "main-content" in _lower(el_id, "CM")
        or "main-content" in _lower(cls, "CM")
        or "page-content" in _lower(cls, "CP")
    )


def _lower(value: str | None, letters: str) -> str:
    """XPath's ``translate(value, letters, lower-case letters)`` of an attribute's value."""
    return (value or "").translate(_LOWER[letters])


_LOWER = {letters: str.maketrans(letters, letters.lower()) for letters in ("CM", "CP")}


def _first_main(tree: Any) -> list[Any]:
    """The first element named ``main…`` and the first ``<main>``, in document order."""
    found: list[Any] = []
    named = main = False
    for el in tree.iterdescendants(_BODIES):
        if not named and el.tag != "main" and _names_main(el):
            named = True
            found.append(el)
        elif not main and el.tag == "main":
            main = True
            found.append(el)
        if named and main:
            break
    return found


def _names_main(el: Any) -> bool:
    """Tell whether the element's class, id or role begins with "main"."""
    return any((el.get(name) or "").startswith("main") for name in ("class", "id", "role"))


def _one(el: Any) -> list[Any]:
    """A list of ``el`` if there is one."""
    return [] if el is None else [el]


# --- in place of trafilatura's XPaths --------------------------------------------------------

_ANY_ID = "re:test(@id, '{}') or re:test(@class, '{}')"
# (trafilatura's list, index, the XPath's text with its spaces squashed, the walk)
_WALKS: tuple[tuple[str, int, str, Walk], ...] = (
    (
        "RAW_TREE_PRUNE_XPATH",
        0,
        f".//*[{_BOXES_XP}][ {_ANY_ID.format(_SCROLL, _SCROLL)}][ not(.//h1) or "
        f"{_ANY_ID.format(_APPENDED, _APPENDED)}]",
        _appended_articles,
    ),
    (
        "RAW_TREE_PRUNE_XPATH",
        1,
        f".//*[{_BOXES_XP}][contains(@class, 'elementor-share-buttons')]",
        _share_buttons,
    ),
    (
        "REMOVE_COMMENTS_AND_LISTS_XPATH",
        0,
        ".//*[self::div or self::list or self::section or self::details or self::ol or self::ul]"
        f"[ re:test(@id, '^(?:{_COMMENT_IDS}|disqus_thread|dsq-comments)') or "
        f"re:test(@class, '{_COMMENT_CLASS}')][ not(self::ol or self::ul) or "
        f"{_ANY_ID.format(f'^(?:{_COMMENT_IDS})', _COMMENT_CLASS)}]",
        _comments,
    ),
    (
        "OVERALL_DISCARD_XPATH",
        0,
        f".//*[{_BLOCKS_XP}][ @data-lp-replacement-content or "
        "contains(translate(@role, 'N', 'n'), 'nav') or "
        "contains(@data-component, 'MostPopularStories') or re:test(@id|@class, 'cookie') or "
        f"{_ANY_ID.format(_ID_CHROME, _CLASS_CHROME)}]",
        _chrome_blocks,
    ),
    (
        "OVERALL_DISCARD_XPATH",
        1,
        ".//*[@class='comments-title' or starts-with(@id|@class, 'reply-') or "
        "re:test(@id|@style, 'hidden') or contains(@style, 'display:none') or "
        "contains(@style, 'display: none') or re:test(@id, 'reader-comments|akismet') or "
        f"re:test(@class, '{_HIDDEN_CLASS}') or @aria-hidden='true']",
        _hidden_elements,
    ),
    (
        "DISCARD_IMAGE_ELEMENTS",
        0,
        f".//*[{_BLOCKS_XP}][ contains(@id, 'caption') or contains(@class, 'caption')]",
        _captions,
    ),
    (
        "TEASER_DISCARD_XPATH",
        0,
        f".//*[{_BLOCKS_XP}][ contains(translate(@id, 'T', 't'), 'teaser') or "
        "contains(translate(@class, 'T', 't'), 'teaser')]",
        _teasers,
    ),
    (
        "BODY_XPATH",
        0,
        f".//*[{_BODIES_XP}][ @class='post' or @class='entry' or @itemprop='articleBody' or "
        f"@id='articleContent' or {_ANY_ID.format(_ARTICLE_ID, _ARTICLE_CLASS)} ][1]",
        _article_bodies,
    ),
    ("BODY_XPATH", 1, "(.//article)[1]", _first_article),
    (
        "BODY_XPATH",
        2,
        f"(.//*[{_BODIES_XP}][ @role='article' or @id='article' or @id='story' or "
        + " or ".join(f"@class='{name}'" for name in _STORY_NAMES)
        + f" or re:test(@id, '{_STORY_ID}') or re:test(@class, 'fulltext', 'i') or "
        f"re:test(@class, '{_STORY_CLASS}') ])[1]",
        _first_story,
    ),
    (
        "BODY_XPATH",
        3,
        f"(.//*[{_BODIES_XP}][ @id='content' or @class='content' or "
        f"{_ANY_ID.format(_MAIN_ID, _MAIN_CLASS)} or "
        "contains(translate(@id, 'CM','cm'), 'main-content') or "
        "contains(translate(@class, 'CM','cm'), 'main-content') or "
        "contains(translate(@class, 'CP','cp'), 'page-content') ])[1]",
        _first_content,
    ),
    (
        "BODY_XPATH",
        4,
        "(.//*[self::article or self::div or self::section][ starts-with(@class, 'main') or "
        "starts-with(@id, 'main') or starts-with(@role, 'main')])[1]|(.//main)[1]",
        _first_main,
    ),
)


@lru_cache(maxsize=1)
def _swaps() -> tuple[tuple[list[Any], int, Any, Walk], ...]:
    """(trafilatura's list, index, its XPath, the walk) for each XPath whose text is the one the
    walk was written for."""
    swaps = []
    for name, index, text, walk in _WALKS:
        paths = getattr(xpaths, name, None)
        if isinstance(paths, list) and index < len(paths):
            path = getattr(paths[index], "path", "")
            if " ".join(path.split()) == text:
                swaps.append((paths, index, paths[index], walk))
    return tuple(swaps)


@contextmanager
def walked_paths() -> Iterator[None]:
    """trafilatura's XPaths replaced by the walks for the duration (put back after)."""
    swaps = _swaps()
    for paths, index, _, walk in swaps:
        paths[index] = walk
    try:
        yield
    finally:
        for paths, index, path, _ in swaps:
            paths[index] = path
