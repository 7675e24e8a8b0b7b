"""Links whose list item is marked up as an article of its own (an ``<article>`` card)."""

from __future__ import annotations

from lxml import etree


def in_article_card(element: etree._Element, links: set[etree._Element], depth: int) -> bool:
    """Whether the link lies in an ``<article>`` that holds no other of ``links``, near enough.

    A theme that wraps each item of a list in ``<article>`` says that the item is one: a
    repository, a post, a product. An ``<article>`` around the whole list holds the list's other
    links and says nothing of its items; so does one more than ``depth`` levels up.
    """
    for level, parent in enumerate(element.iterancestors()):
        if level >= depth:
            return False
        if parent.tag == "article":
            return not any(a in links for a in parent.iter("a") if a is not element)
    return False
