"""Lists linked twice: the picture and the heading of each item lead to the same page."""

from __future__ import annotations

from crawler.spiders.links.groups import Group

_MIN_URLS = 3  # fewer shared links say little (a pair of promotion tiles)


def has_twin(group: Group, others: list[Group]) -> bool:
    """Whether another of ``others`` links to the same pages, three or more, from the same items.

    A list of cards often links each card twice, by its picture and by its heading, in two
    lists of the same URLs: a block of items in its own right, however small beside the page's
    main list. Each item holds both of its links; a carousel's copy of a block does not.
    """
    urls = set(group.urls)
    if len(urls) < _MIN_URLS:
        return False
    return any(g is not group and set(g.urls) == urls and _same_items(group, g) for g in others)


def _same_items(group: Group, twin: Group) -> bool:
    """Whether each of the group's items holds a link of the twin to the item's own URL."""
    for anchor in group.anchors:
        item = group.item_by_link[anchor.element]
        links = {a.element for a in twin.anchors if a.url == anchor.url}
        if not any(e in links for e in item.iter("a")):
            return False
    return True
