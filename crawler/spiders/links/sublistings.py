"""Lists of other listings (sub-categories, areas) chosen beside a list of items."""

from __future__ import annotations

from crawler.spiders.links.features import is_sibling_listing
from crawler.spiders.links.groups import Group

_SHARE = 0.5  # a list is of other listings when this share of its links are laid out so


def drop_sublistings(groups: list[Group], base_url: str) -> list[Group]:
    """The chosen lists less those of other listings, when a list of items remains.

    A link laid out as the listing's own address (``/c/trail-shoes`` beside
    ``/c/running-shoes``, ``/directory/8015536/addicks`` beside ``/directory/8010427/houston``)
    leads to another listing: a list mostly of those is sub-categories or areas, not items.
    Where every chosen list is such (related products on a product page), all are kept.
    """
    for group in groups:
        group.sublisting = is_sublisting(group, base_url)
    if all(g.sublisting for g in groups):
        for group in groups:
            group.sublisting = False
    return [g for g in groups if not g.sublisting]


def is_sublisting(group: Group, base_url: str) -> bool:
    """Whether most of a list's links are laid out as the listing's own address."""
    siblings = sum(1 for url in group.urls if is_sibling_listing(url, base_url))
    return siblings >= _SHARE * len(group.urls)
