"""trafilatura's XPaths that find the article body, as walks over the tree (see
:mod:`crawler.extract.walked_paths`): each selects what its XPath selects, in document order.
``(…)[1]`` is the first match, a step's ``[1]`` the first match among each element's children.
"""

from __future__ import annotations

import re
from typing import Any

from crawler.extract.prunes import searcher

BODIES = ("article", "div", "main", "section")
BODIES_XP = " or ".join(f"self::{tag}" for tag in BODIES)

ARTICLE_ID = (
    "(?:entry|article|art)-content|article__content|article(?:-|__)?body|articleBody|body-text"
)
ARTICLE_CLASS = (
    "post[-_]text|post-body|post-?entry|post[-_]?content|postContent|post_inner_wrapper"
    "|article-?text|articleText|(?:entry|page|text|article|art)-content|article__content"
    "|article(?:-|__)?body|articleBody|ArticleContent|body-text|article__container"
)
_article_id, _article_class = searcher(ARTICLE_ID), searcher(ARTICLE_CLASS)


def article_bodies(tree: Any) -> list[Any]:
    """Elements named as an article's body, each the first so named among its siblings."""
    found, parents = [], set()
    for el in tree.iterdescendants(BODIES):
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


def first_article(tree: Any) -> list[Any]:
    """The first ``<article>``."""
    return _one(next(tree.iterdescendants("article"), None))


STORY_ID = "^primary|story-body"
STORY_CLASS = (
    "^article |post-bodycopy|story-?content|(?:theme|blog|section|single)-content|single-post"
    "|main-column|wpb_text_column|story-body|field-body"
)
STORY_NAMES = ("postarea", "art-postcontent", "text", "cell", "story")
_story_id, _story_class = searcher(STORY_ID), searcher(STORY_CLASS)
_fulltext = searcher("fulltext", re.IGNORECASE)


def first_story(tree: Any) -> list[Any]:
    """The first element named as a story."""
    return _one(
        next(
            (
                el
                for el in tree.iterdescendants(BODIES)
                if el.get("role") == "article"
                or el.get("id") in ("article", "story")
                or el.get("class") in STORY_NAMES
                or _story_id(el.get("id"))
                or _fulltext(el.get("class"))
                or _story_class(el.get("class"))
            ),
            None,
        )
    )


MAIN_ID = "content-main|content-body|contentBody"
MAIN_CLASS = "content[-_]main|content(?:-|__)body"
_main_id, _main_class = searcher(MAIN_ID), searcher(MAIN_CLASS)


def first_content(tree: Any) -> list[Any]:
    """The first element named as the page's main content."""
    return _one(next((el for el in tree.iterdescendants(BODIES) if _names_content(el)), None))


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


def first_main(tree: Any) -> list[Any]:
    """The first element named ``main…`` and the first ``<main>``, in document order."""
    found: list[Any] = []
    named = main = False
    for el in tree.iterdescendants(BODIES):
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
