"""Decide which links of a listing page lead to articles, with a score and reasons for each."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from lxml import etree

from crawler.spiders.links.anchors import Anchor, element_text, page_anchors
from crawler.spiders.links.asides import drop_asides
from crawler.spiders.links.features import (
    is_title_like,
    url_layout,
    url_looks_like_article,
    url_shape,
)
from crawler.spiders.links.groups import (
    Group,
    Weights,
    drop_nested,
    group_anchors,
    link_is_article,
    measure_group,
    named_as_peers,
    weigh,
)
from crawler.spiders.links.selector import suggest_selector
from crawler.spiders.links.sidelinks import side_links
from crawler.spiders.links.sublistings import drop_sublistings

DEFAULT_WEIGHTS = Weights()
_FEATURE_WORDS = {
    "titles": "headline-like texts",
    "urls": "article-like URLs",
    "dates": "dated items",
    "size": "a list",
    "cards": "article cards",
    "navigation": "in navigation",
    "offsite": "other sites",
}


@dataclass(frozen=True)
class LinkDecision:
    """One link of the listing: taken as an article or skipped, and why."""

    url: str
    title: str | None
    chosen: bool
    score: float
    reason: str


@dataclass(frozen=True)
class Detection:
    """The decisions on a listing's links and the selector that would pick the chosen ones."""

    chosen: tuple[LinkDecision, ...]
    skipped: tuple[LinkDecision, ...]
    suggested_selector: str | None


def detect_links(
    root: etree._Element, base_url: str, weights: Weights = DEFAULT_WEIGHTS
) -> Detection:
    """Group the page's links, score each group as an article list, decide each link."""
    groups = measure_page(root, base_url)
    taken = _taken(groups, weights, base_url)
    decisions = _decide(groups, taken, weights, base_url)
    chosen = tuple(d for d in decisions if d.chosen)
    skipped = tuple(d for d in decisions if not d.chosen)
    return Detection(chosen, skipped, _suggestion(groups, taken, root, base_url, weights))


def measure_page(root: etree._Element, base_url: str) -> list[Group]:
    """The page's link groups with their features, before any weighing."""
    anchors = [a for a in page_anchors(root, base_url) if a.url.rstrip("/") != base_url.rstrip("/")]
    groups = group_anchors(anchors)
    for group in groups:
        measure_group(group, base_url)
    return groups


def chosen_urls(groups: list[Group], weights: Weights, base_url: str) -> set[str]:
    """The URLs :func:`detect_links` would choose with ``weights`` (for tuning).

    They depend on the weights only through the lists :func:`reaching_lists` returns and the
    ``nested``, ``asides``, ``lookalikes``, ``side_links`` and ``min_links`` switches.
    """
    taken = _taken(groups, weights, base_url)
    urls: set[str] = set()
    for group in taken:
        urls.update(a.url for a in group.anchors if not link_is_article(a, base_url))
        urls.update(named_as_peers(group, base_url))
    if weights.lookalikes:
        urls.update(a.url for a, _, _ in _lookalikes(groups, taken, urls, weights, base_url))
    if weights.side_links:
        urls.difference_update(side_links(_listed(taken, urls)))
    return urls


def _listed(taken: list[Group], urls: set[str]) -> list[tuple[Anchor, Group]]:
    """The chosen lists' links to ``urls``, each with its list."""
    return [(a, g) for g in taken for a in g.anchors if a.url in urls]


def _taken(groups: list[Group], weights: Weights, base_url: str) -> list[Group]:
    """Lists reaching the threshold and the best's margin; not nested, sub-listings or asides."""
    for group in groups:
        group.nested = group.aside = group.sublisting = False
    taken = reaching_lists(groups, weights)
    taken = drop_nested(taken) if weights.nested else taken
    taken = drop_sublistings(taken, base_url)
    return drop_asides(taken) if weights.asides else taken


def reaching_lists(groups: list[Group], weights: Weights) -> list[Group]:
    """Weigh every group; the lists that reach the threshold and the best's margin."""
    for group in groups:
        group.score = weigh(group, weights)
    lists = [g for g in groups if len(g.urls) >= weights.min_links]
    best = max((g.score for g in lists), default=0.0)
    floor = max(weights.threshold, best - weights.margin)
    for group in lists:
        group.outscored_by = best if weights.threshold <= group.score < floor else None
    return [g for g in lists if g.score >= floor]


def _decide(
    groups: list[Group], taken: list[Group], weights: Weights, base_url: str
) -> list[LinkDecision]:
    decisions: dict[str, LinkDecision] = {}
    peers = {id(g): named_as_peers(g, base_url) for g in taken}
    for group in groups:
        for anchor in group.anchors:
            decision = _decision(anchor, group, peers.get(id(group)), weights, base_url)
            previous = decisions.get(anchor.url)
            if previous is None or (decision.chosen and not previous.chosen):
                decisions[anchor.url] = decision
    if weights.lookalikes:
        chosen = {d.url for d in decisions.values() if d.chosen}
        for anchor, group, reason in _lookalikes(groups, taken, chosen, weights, base_url):
            decisions[anchor.url] = LinkDecision(
                anchor.url, anchor.text or None, True, group.score, reason
            )
    if weights.side_links:
        chosen = {d.url for d in decisions.values() if d.chosen}
        for url, main in side_links(_listed(taken, chosen)).items():
            why = f"a second link of an item whose own link leads to {main}"
            decisions[url] = replace(decisions[url], chosen=False, reason=why)
    return list(decisions.values())


def _lookalikes(
    groups: list[Group], taken: list[Group], chosen: set[str], weights: Weights, base_url: str
) -> list[tuple[Anchor, Group, str]]:
    """Links outside the chosen lists that look like their articles, each with its group and why.

    A lone link shaped like the chosen articles (a featured story above the list); a link of
    a list left out whose URL is laid out as two chosen articles' are (the same template's
    cards in another section of the page, split from the list by their wrappers' classes).
    """
    found: dict[str, tuple[Anchor, Group, str]] = {}
    shapes = {url_shape(url) for url in chosen}
    for group in _lone_groups(groups, weights):
        for anchor in group.anchors:
            shape = anchor.shape
            if anchor.url not in chosen and shape in shapes and _article_alike(anchor, base_url):
                why = "a link outside the lists, shaped like their articles: " + _shape_text(shape)
                found.setdefault(anchor.url, (anchor, group, why))
    layouts = Counter(url_layout(url) for url in [*chosen, *found])
    taken_ids = {id(g) for g in taken}
    for group in (g for g in groups if not g.nested and id(g) not in taken_ids):
        for anchor in group.anchors:
            alike = layouts[anchor.layout]
            if anchor.url in chosen or anchor.url in found or alike < _LAYOUT_PEERS:
                continue
            if _article_alike(anchor, base_url) and not _in_prose(anchor):
                why = f"a link of a list left out, its URL laid out as {alike} chosen articles'"
                found[anchor.url] = (anchor, group, why)
    return list(found.values())


_LAYOUT_PEERS = 2


def _in_prose(anchor: Anchor) -> bool:
    """Whether the link is a few words of a longer sentence (a link in a story's text)."""
    parent = anchor.element.getparent()
    text = element_text(parent) if parent is not None else anchor.text
    return len(text) > _PROSE_RATIO * max(1, len(anchor.text))


_PROSE_RATIO = 2


def _is_button(anchor: Anchor) -> bool:
    """Whether the link is styled as a button: a call to action, not an item's headline."""
    classes = (anchor.element.get("class") or "").lower().split()
    return any(c in _BUTTON_CLASSES for c in classes)


_BUTTON_CLASSES = frozenset({"btn", "button"})


def _is_sponsored(anchor: Anchor) -> bool:
    """Whether the link or a near ancestor is marked as paid for (``text-lightSponsorText``)."""
    for element in (anchor.element, *list(anchor.element.iterancestors())[:_CARD_LEVELS]):
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        if _PAID.search(names):
            return True
    return False


_PAID = re.compile(r"sponsor|promoted|advertorial", re.IGNORECASE)
_CARD_LEVELS = 6


def _lone_groups(groups: list[Group], weights: Weights) -> list[Group]:
    """Groups too small to be lists: a list weighed and left out stays out, link by link."""
    return [g for g in groups if not g.nested and len(g.urls) < weights.min_links]


def _article_alike(anchor: Anchor, base_url: str) -> bool:
    """Outside navigation, not a button, a headline-like text and an article-like URL."""
    return (
        not anchor.in_navigation
        and not _is_button(anchor)
        and not _is_sponsored(anchor)
        and is_title_like(anchor.text)
        and url_looks_like_article(anchor.url, base_url)
        and link_is_article(anchor, base_url) is None
    )


def _shape_text(shape: tuple[str, int, bool]) -> str:
    host, depth, dated = shape
    return f"{host}, {depth} path segments{', dated' if dated else ''}"


def _decision(
    anchor: Anchor, group: Group, peers: set[str] | None, weights: Weights, base_url: str
) -> LinkDecision:
    """The link's decision; ``peers`` are its group's short-named items, None if not taken."""
    title = anchor.text or None
    if peers is None:
        return LinkDecision(anchor.url, title, False, group.score, _why_not(group, weights))
    refused = link_is_article(anchor, base_url)
    if refused and anchor.url not in peers:
        return LinkDecision(anchor.url, title, False, group.score, refused)
    reason = f"list of {len(group.urls)} links scored {group.score:.2f}: {_traits(group)}"
    named = "; named in few words, its URL laid out as its list's articles'" if refused else ""
    return LinkDecision(anchor.url, title, True, group.score, reason + named)


def _why_not(group: Group, weights: Weights) -> str:
    if len(group.urls) < weights.min_links:
        return "a lone link, not part of a list"
    if group.features.get("navigation", 0) >= 0.5:
        return f"navigation or page chrome (score {group.score:.2f})"
    if group.sublisting:
        return f"a list of other listings laid out as this page's address (score {group.score:.2f})"
    if group.aside:
        return f"a small list beside the main one, linking elsewhere (score {group.score:.2f})"
    if group.nested:
        return f"a list inside another list's items (score {group.score:.2f})"
    if group.outscored_by is not None:
        return (
            f"list scored {group.score:.2f}, more than {weights.margin:.2f} below the page's "
            f"best list ({group.outscored_by:.2f})"
        )
    missing = [
        w
        for k, w in _FEATURE_WORDS.items()
        if k in ("titles", "urls", "dates") and group.features.get(k, 0) < 0.5
    ]
    lacks = f"; few {_either(missing)}" if missing else ""
    return f"list scored {group.score:.2f} < {weights.threshold:.2f}{lacks}"


def _either(words: list[str]) -> str:
    """``a``, ``a or b``, ``a, b or c``."""
    return " or ".join(filter(None, (", ".join(words[:-1]), words[-1])))


def _traits(group: Group) -> str:
    shown = [
        f"{w} {group.features[k]:.0%}"
        for k, w in _FEATURE_WORDS.items()
        if k in ("titles", "urls", "dates", "cards") and group.features.get(k, 0) > 0
    ]
    if group.features.get("sections", 0) > 0:
        shown.append("one list split into sections under headings")
    return ", ".join(shown) or "a list"


def _suggestion(
    groups: list[Group], taken: list[Group], root: etree._Element, base_url: str, weights: Weights
) -> str | None:
    pool = taken or [g for g in groups if len(g.urls) >= 3 and g.features["navigation"] < 0.5]
    if not pool:
        return None
    best = max(pool, key=lambda g: (g.score, len(g.urls)))
    return suggest_selector([a.element for a in best.anchors], root, base_url)
