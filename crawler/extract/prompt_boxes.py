"""Boxes that ask the reader to act, wherever they stand in the article.

A reader-funding appeal or a sign-up box between two paragraphs ("Support the Courier" / "We're
funded by readers. Support us from as little as £1." / "Support us") is a heading, a short
prompt and its buttons: a widget, whatever its class names, which the closing-prompt rule
(:mod:`crawler.extract.prompts`) does not reach mid-text. A box with any prose of its own
beside the prompt stays, and so does a prompt-like line alone in its box (a page's strapline:
"Learn how to make a good game and share it with the world."). A card of a heading, one
paragraph and a short link ("Read the research", "Apply now") is a call to action whatever its
paragraph says, unless a box beside it is such a card too: a run of cards is a list (a
documentation index's sections, a listicle's entries each closed by "Get the app"). A
paywall's box is left to the paywall rule, which ends the text there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crawler.extract.meta import norm, squashed_len
from crawler.extract.prompts import BUTTON, is_paywall, is_prompt

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_BOX_TAGS = frozenset("div section aside".split())
_LINE_TAGS = frozenset("h2 h3 h4 h5 h6 p a span strong b".split())
_MAX_BOX = 400  # characters (whitespace aside): a longer box holds more than a prompt
_MAX_LINES = 6  # a box of more children holds more than a prompt, its heading and buttons
_CARD = ("h", "p", "a")  # a card's children: a heading (any rank), a paragraph, a link
_HEADINGS = frozenset("h2 h3 h4 h5 h6".split())
_LINK_WORDS = 4  # a card's link ("Read the research", "Apply now") has at most this many words


def drop_prompt_boxes(root: HtmlElement) -> None:
    """Remove in place each box made of a reader prompt, its heading and its buttons."""
    seen: set[HtmlElement] = set()
    for para in list(root.iter("p")):
        box = para.getparent()
        if box is None or box.tag not in _BOX_TAGS or len(box) > _MAX_LINES or box in seen:
            continue
        seen.add(box)
        if box.getparent() is None or (box.text or "").strip():
            continue
        shown = box.text_content()
        if len(shown) > _MAX_BOX and squashed_len(shown) > _MAX_BOX:
            continue
        if is_paywall(shown):
            continue
        if _is_card(box) and not _has_card_beside(box):
            box.drop_tree()
            continue
        prompts = [p for p in box if p.tag == "p" and is_prompt(norm(p.text_content()))]
        if len(prompts) != 1:
            continue
        others = [child for child in box if child is not prompts[0]]
        if others and all(_is_button(child) for child in others):
            box.drop_tree()


def _is_card(box: HtmlElement) -> bool:
    """Tell whether a box is a call to action's card: a heading, one paragraph and a link of a
    few words after it ("Digidaily+ Research" / "What marketers plan to spend ..." / "Read the
    research"), nothing else."""
    children = [child for child in box if isinstance(child.tag, str)]
    if len(children) != len(_CARD) or tuple(child.tag for child in children[1:]) != _CARD[1:]:
        return False
    heading, _, link = children
    words = len(link.text_content().split())
    return heading.tag in _HEADINGS and 0 < words <= _LINK_WORDS and not (link.tail or "").strip()


def _has_card_beside(box: HtmlElement) -> bool:
    """Tell whether a sibling of the box is a card of the same shape (:func:`_is_card`)."""
    parent = box.getparent()
    return any(
        sibling is not box and sibling.tag == box.tag and _is_card(sibling)
        for sibling in (parent if parent is not None else ())
    )


def _is_button(element: HtmlElement) -> bool:
    """Tell whether a box's other child is a heading or a button: a short line, no prose."""
    if not isinstance(element.tag, str):  # a comment
        return True
    return element.tag in _LINE_TAGS and len(element.text_content().strip()) < BUTTON
