"""The links of a listing page, each with its place in the page (its group signature)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urljoin

from lxml import etree

from crawler.spiders.links.features import url_layout, url_shape

_NAV_TAGS = frozenset({"nav", "aside", "menu"})
_PAGE_TAGS = frozenset({"header", "footer"})  # page chrome, unless inside an <article>
_NAV_TOKENS = frozenset({"header", "site-header", "masthead", "topbar", "toolbar", "skip"})
_NAV_WORDS = frozenset({"nav", "navs", "navigation", "navbar", "menu", "menus", "breadcrumbs"})
_CLASS_PARTS = re.compile(r"[-_]+")  # a class or id split into its words
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")  # PagePromoTrending: Page, Promo, Trending
_SIDE_WORDS = frozenset({"trending", "popular", "related", "recommended", "recommendations"})
_TAXONOMY = ("tag-", "category-", "post_tag-")  # WordPress's classes naming a post's terms
_NAV_PREFIXES = (
    "nav",
    "menu",
    "breadcrumb",
    "crumb",
    "pagination",
    "pager",
    "paging",
    "footer",
    "sidebar",
    "social",
    "share",
    "sharing",
    "dropdown",
    "subnav",
    "right",
    "hot",
    "popular",
    "trending",
    "related",
    "recommend",
    "rank",
)
_NAV_SUFFIXES = (
    "-nav",
    "_nav",
    "navbar",
    "-menu",
    "_menu",
    "-footer",
    "_footer",
    "sidebar",
    "-share",
    "-social",
    "breadcrumb",
    "breadcrumbs",
    "pagination",
)
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template"})


@dataclass(frozen=True)
class Anchor:
    """One link: where it goes, its text, its group signature and what surrounds it."""

    url: str
    text: str
    signature: str
    in_navigation: bool
    element: etree._Element

    @cached_property
    def shape(self) -> tuple[str, int, bool]:
        """Its URL's :func:`url_shape`, worked out once."""
        return url_shape(self.url)

    @cached_property
    def layout(self) -> tuple[str, tuple[str, ...], int]:
        """Its URL's :func:`url_layout`, worked out once."""
        return url_layout(self.url)


def page_anchors(root: etree._Element, base_url: str) -> Iterator[Anchor]:
    """Every ``<a href>`` of the page that leads to a web page, in document order."""
    kept = _item_classes(root)
    for element in root.iter("a"):
        href = (element.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
            continue
        url = urljoin(base_url, href).split("#", 1)[0]
        if not url.startswith(("http://", "https://")):
            continue
        ancestors = list(element.iterancestors())
        if any(a.tag in _SKIP_TAGS for a in ancestors):
            continue
        yield Anchor(
            url,
            anchor_text(element),
            _signature(element, ancestors, kept),
            _in_navigation(ancestors),
            element,
        )


def anchor_text(element: etree._Element) -> str:
    """The link's visible text, else its title attribute or image alt text."""
    text = _SPACE.sub(" ", " ".join(element.itertext())).strip()
    if text:
        return text
    alt = next((img.get("alt") for img in element.iter("img") if img.get("alt")), None)
    return _SPACE.sub(" ", element.get("title") or alt or "").strip()


def element_text(element: etree._Element) -> str:
    """All text under an element, spaces folded."""
    return _SPACE.sub(" ", " ".join(element.itertext())).strip()


def describe(element: etree._Element, kept: dict[etree._Element, list[str]]) -> str:
    """``tag.class`` of an element, its structural classes only, numbers dropped."""
    tag = element.tag if isinstance(element.tag, str) else "?"
    classes = kept.get(element)
    if classes is None:
        classes = (element.get("class") or "").split()
    return tag + "".join("." + c for c in sorted({_DIGITS.sub("", c) for c in classes}) if c)


def _item_classes(root: etree._Element) -> dict[etree._Element, list[str]]:
    """For list items, the classes that most siblings of the same tag share.

    An item's other classes name that one item or a few (WordPress's ``post-123 tag-x``,
    a ``featured`` card) and would split a list into groups of one; a block sharing no
    class with its siblings (``div.menu`` beside ``div.list``) keeps all of its own.
    """
    kept: dict[etree._Element, list[str]] = {}
    for parent in root.iter():
        children = [c for c in parent if isinstance(c.tag, str) and c.get("class")]
        if len(children) < 2:
            continue
        tags = Counter(c.tag for c in children)
        counts = Counter((c.tag, t) for c in children for t in set(c.get("class", "").split()))
        for child in children:
            tokens = child.get("class", "").split()
            common = max(2, tags[child.tag] / 2)
            if any(counts[(child.tag, t)] > 1 for t in tokens):
                kept[child] = [t for t in tokens if counts[(child.tag, t)] >= common]
    return kept


def _signature(
    element: etree._Element, ancestors: list[etree._Element], kept: dict[etree._Element, list[str]]
) -> str:
    path = [describe(a, kept) for a in reversed(ancestors) if a.tag not in ("html",)]
    return " > ".join([*path, describe(element, kept)])


def _in_navigation(ancestors: list[etree._Element]) -> bool:
    in_article = any(a.tag == "article" for a in ancestors)
    return any(_is_navigation(a) or (a.tag in _PAGE_TAGS and not in_article) for a in ancestors)


def _is_navigation(element: etree._Element) -> bool:
    if element.tag in ("body", "html", "main"):
        return False  # themes put every option on <body class="...">; it says nothing here
    if element.tag in _NAV_TAGS or element.get("role") in ("navigation", "banner", "contentinfo"):
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}".split()
    tokens = [n.lower() for n in names]
    return any(
        t in _NAV_TOKENS
        or t.startswith(_NAV_PREFIXES)
        or t.endswith(_NAV_SUFFIXES)
        or not _NAV_WORDS.isdisjoint(_CLASS_PARTS.split(t))
        for t in tokens
    ) or any(_names_side_list(n) for n in names)


def _names_side_list(name: str) -> bool:
    """Whether a class or id has a word of a side list in it (``PagePromoTrending``)."""
    words = _CLASS_PARTS.split(_CAMEL.sub("-", name).lower())
    return not name.lower().startswith(_TAXONOMY) and not _SIDE_WORDS.isdisjoint(words)
