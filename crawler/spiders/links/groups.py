"""Links grouped by their place in the page, each group scored as a list of articles."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from lxml import etree

from crawler.spiders.links.anchors import Anchor, element_text
from crawler.spiders.links.cards import in_article_card
from crawler.spiders.links.features import (
    has_date,
    is_comments_text,
    is_more_text,
    is_sibling_listing,
    is_title_like,
    same_site,
    url_is_excluded,
    url_looks_like_article,
)
from crawler.spiders.links.sections import headed_sections


@dataclass(frozen=True)
class Weights:
    """How much each feature of a group counts; the threshold a group's score must reach.

    The bench (bench/listing_links) tunes the threshold on each half of its labelled pages,
    near-ties going to the default, and scores the other half with it; the other weights are
    these.
    """

    titles: float = 0.35
    urls: float = 0.3
    dates: float = 0.15
    size: float = 0.2
    cards: float = 0.2  # items marked up as articles of their own
    sections: float = 0.2  # items spread over several headed blocks (an A–Z index)
    navigation: float = 0.4
    offsite: float = 0.4
    threshold: float = 0.3
    margin: float = 0.3  # groups scoring further below the page's best are left out
    lookalikes: bool = True  # also take other links shaped or laid out like the chosen articles
    nested: bool = True  # leave out lists inside another list's items (colour swatches)
    asides: bool = True  # leave out small lists beside the main one that link elsewhere
    side_links: bool = True  # leave out an item's links beside its own (ratings, calendar)
    min_links: int = 2


@dataclass
class Group:
    """Links sharing one signature (the same path of tags and classes from the page root)."""

    signature: str
    anchors: list[Anchor]
    score: float = 0.0
    features: dict[str, float] = field(default_factory=dict)
    nested: bool = False  # a list inside another list's items: never taken
    aside: bool = False  # a small list beside the main one, linking elsewhere: never taken
    sublisting: bool = False  # a list of other listings beside a list of items: never taken
    outscored_by: float | None = None  # the best list's score, when this one fell below its margin
    within: dict[str, bool] = field(default_factory=dict, repr=False)  # by signature: inside it

    @cached_property
    def urls(self) -> list[str]:
        """The group's distinct URLs, in page order."""
        return list(dict.fromkeys(a.url for a in self.anchors))

    @cached_property
    def item_by_link(self) -> dict[etree._Element, etree._Element]:
        """Each link's list item (see :func:`item_of`), worked out once."""
        return {a.element: item_of(a.element, self) for a in self.anchors}

    @cached_property
    def items(self) -> set[etree._Element]:
        """The list items its links stand in."""
        return set(self.item_by_link.values())


def group_anchors(anchors: Iterable[Anchor]) -> list[Group]:
    """Anchors grouped by signature, in order of first appearance."""
    groups: dict[str, list[Anchor]] = defaultdict(list)
    for anchor in anchors:
        groups[anchor.signature].append(anchor)
    return [Group(signature, members) for signature, members in groups.items()]


def measure_group(group: Group, base_url: str) -> None:
    """Fill in the group's features, each a share in 0..1."""
    anchors = [a for a in group.anchors if not _auxiliary(a.text)] or group.anchors
    count = len(group.urls)
    group.features = {
        "titles": _share(is_title_like(a.text) for a in anchors),
        "urls": _share(url_looks_like_article(a.url, base_url) for a in anchors),
        "dates": _share(_dated(a.element, group) for a in anchors) if count > 1 else 0.0,
        "size": min(1.0, (count - 1) / 4) if count > 1 else 0.0,
        "cards": _carded(anchors, group) if count > 1 else 0.0,
        "sections": _sectioned(group),
        "navigation": _share(a.in_navigation for a in anchors),
        "offsite": _share(not same_site(a.url, base_url) for a in anchors),
    }


def _sectioned(group: Group) -> float:
    """1.0 when the group's items outside navigation lie in several headed blocks, else 0.0."""
    items = {group.item_by_link[a.element] for a in group.anchors if not a.in_navigation}
    return 1.0 if headed_sections(items) else 0.0


def _auxiliary(text: str) -> bool:
    return is_more_text(text) or is_comments_text(text)


def weigh(group: Group, weights: Weights) -> float:
    """The group's score as an article list: weighted gains less weighted penalties."""
    f, w = group.features, weights
    gains = w.titles * f["titles"] + w.urls * f["urls"] + w.dates * f["dates"] + w.size * f["size"]
    gains += w.cards * f["cards"] + w.sections * f["sections"]
    return round(gains - (w.navigation * f["navigation"] + w.offsite * f["offsite"]), 3)


def link_is_article(anchor: Anchor, base_url: str) -> str | None:
    """Why one link of a chosen group is not an article, or None when it may be one."""
    if url_is_excluded(anchor.url):
        return "URL of a tag, category, account or file page"
    if is_comments_text(anchor.text):
        return f"a link to comments ({anchor.text!r})"
    if not _named(anchor) and not url_looks_like_article(anchor.url, base_url):
        return f"link text {anchor.text!r} and a URL unlike its list's articles"
    return None


def _named(anchor: Anchor) -> bool:
    """A headline-like text, or the text of its item's heading (``<h2><a>owner / repo</a></h2>``).

    A heading names its item in however few words; "more" links and blank ones name nothing.
    """
    if is_title_like(anchor.text):
        return True
    if not anchor.text or is_more_text(anchor.text):
        return False
    element = anchor.element
    near = list(element.iterancestors())[:_HEADING_LEVELS]
    return any(e.tag in _HEADINGS for e in near) or next(element.iter(*_HEADINGS), None) is not None


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_HEADING_LEVELS = 2  # how far above a link its heading may sit (``<h2><span><a>``)


def named_as_peers(group: Group, base_url: str) -> set[str]:
    """URLs of the group's links refused for a short name whose URLs are laid out as its articles'.

    A list of items is one list: a product or show named in two words ("Vanilla Coffee") among
    longer names is an item when its URL is laid out as two accepted links of its list are
    (``/products/vanilla-coffee`` beside ``/products/...``). A URL laid out as the listing's
    own stays out (a sub-category beside it) unless most of the list's links are laid out so
    (on a wiki every page's address is ``/wiki/Name``), and so do "more", comment and blank
    links.
    """
    accepted = {a.url: a.layout for a in group.anchors if link_is_article(a, base_url) is None}
    peers = Counter(accepted.values())
    telling = _layout_tells(group, base_url)
    return {
        a.url
        for a in group.anchors
        if a.url not in accepted
        and peers[a.layout] >= _PEERS
        and _short_named(a, base_url, telling)
    }


_PEERS = 2


def _layout_tells(group: Group, base_url: str) -> bool:
    """Whether fewer than half the group's links are laid out as the listing's own address."""
    siblings = sum(1 for url in group.urls if is_sibling_listing(url, base_url))
    return 2 * siblings < len(group.urls)


def _short_named(anchor: Anchor, base_url: str, telling: bool) -> bool:
    """A link named in a few words, not a "more" or comment link, to no tag, file or sub-listing.

    ``telling``: whether a URL laid out as the listing's own marks a sub-listing.
    """
    text, url = anchor.text, anchor.url
    return bool(text) and not (
        _auxiliary(text) or url_is_excluded(url) or (telling and is_sibling_listing(url, base_url))
    )


def drop_nested(groups: list[Group]) -> list[Group]:
    """The groups less those whose links sit inside the items of another, larger-item list.

    One list item is one article: several links inside each item of a list (variants,
    swatches, "more options") are parts of the item, not items of their own.
    """
    for h in groups:
        h.nested = any(
            _inside(h, g) and not _inside(g, h) and not _stories_of_own(h, g)
            for g in groups
            if g is not h
        )
    return [g for g in groups if not g.nested]


def _stories_of_own(group: Group, other: Group) -> bool:
    """Whether a list inside another's items is one of further stories, not parts of the items.

    A block led by one story and followed by a few more (a lead and its list) nests like a
    card and its swatches, but its links are headings of their own, headlines leading to
    article-like URLs none of which the outer items lead to; a card's swatches, sizes and
    "more options" are no headings.
    """
    f = group.features
    headed = sum(1 for a in group.anchors if _in_heading(a.element))
    return (
        f["titles"] >= _STORY_SHARE
        and f["urls"] >= _STORY_SHARE
        and headed >= _STORY_SHARE * len(group.anchors)
        and set(group.urls).isdisjoint(other.urls)
    )


def _in_heading(element: etree._Element) -> bool:
    """Whether the link sits in a heading, near enough (``<h3><span><a>``)."""
    return any(e.tag in _HEADINGS for e in list(element.iterancestors())[:_HEADING_LEVELS])


_STORY_SHARE = 0.8


def _inside(group: Group, other: Group) -> bool:
    """Whether most of the group's links lie within the other's items (worked out once)."""
    known = group.within.get(other.signature)
    if known is None:
        inside = sum(1 for a in group.anchors if _within(a.element, other.items))
        known = group.within[other.signature] = inside >= _NESTED_SHARE * len(group.anchors)
    return known


def _within(element: etree._Element, items: set[etree._Element]) -> bool:
    return element in items or any(ancestor in items for ancestor in element.iterancestors())


_NESTED_SHARE = 0.8


def _dated(element: etree._Element, group: Group) -> bool:
    """Whether the link's list item (up to where its neighbours begin) shows a date."""
    return has_date(element_text(group.item_by_link[element])[:_ITEM_CHARS])


def _carded(anchors: list[Anchor], group: Group) -> float:
    """The share of the links whose list item is an ``<article>`` card of its own."""
    links = {a.element for a in group.anchors}
    return _share(in_article_card(a.element, links, _MAX_ITEM_DEPTH) for a in anchors)


def item_of(element: etree._Element, group: Group) -> etree._Element:
    """The largest ancestor of a link that holds no other link of its group: its list item."""
    others = {a.element for a in group.anchors if a.element is not element}
    item = element
    for depth, parent in enumerate(element.iterancestors()):
        if depth >= _MAX_ITEM_DEPTH or any(True for a in parent.iter("a") if a in others):
            break
        item = parent
    return item


_ITEM_CHARS = 400
_MAX_ITEM_DEPTH = 6


def _share(flags: Iterable[bool]) -> float:
    values = list(flags)
    return sum(values) / len(values) if values else 0.0
