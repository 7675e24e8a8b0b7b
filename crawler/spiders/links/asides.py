"""Small lists beside a page's main list whose links lead to other kinds of page."""

from __future__ import annotations

from crawler.spiders.links.groups import Group
from crawler.spiders.links.twins import has_twin

_MAIN_RATIO = 3  # the main list holds at least this many times the links of a list beside it


def drop_asides(groups: list[Group]) -> list[Group]:
    """The chosen lists less those set beside the main one (see :func:`is_aside`)."""
    if not groups:
        return groups
    main = max(groups, key=lambda g: len(g.urls))
    layouts = {a.layout for a in main.anchors}
    for group in groups:
        group.aside = is_aside(group, main, layouts) and not has_twin(group, groups)
    return [g for g in groups if not g.aside]


def is_aside(group: Group, main: Group, layouts: set[tuple[str, tuple[str, ...], int]]) -> bool:
    """Whether a list is a small one beside the main list, its URLs laid out unlike the main's.

    Where one list holds most of a page's items, a list a fraction of its size whose URLs
    share no layout (host, leading path, depth) with the main list's links to pages of
    another kind: sub-category tiles, buying guides, promotions, sponsored posts. ``layouts``
    are the main list's URL layouts.
    """
    if group is main or _MAIN_RATIO * len(group.urls) > len(main.urls):
        return False
    return all(a.layout not in layouts for a in group.anchors)
