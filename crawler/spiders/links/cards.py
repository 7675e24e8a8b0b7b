"""Links whose list item is marked up as an article of its own (an ``<article>`` card)."""

from __future__ import annotations

from lxml import etree


def in_article_card(element: etree._Element, item: etree._Element) -> bool:
    """Whether an ``<article>`` element lies between the link and its list item, both included.

    A theme that wraps each item of a list in ``<article>`` says that the item is one: a
    repository, a post, a product. An ``<article>`` around the whole page's content lies above
    the items and says nothing of them.
    """
    for node in (element, *element.iterancestors()):
        if node.tag == "article":
            return True
        if node is item:
            return False
    return False
