"""Forms as page chrome: a small form and the box around it that holds little else.

A sign-up, quote or search form sits in a box with its prompt ("Get deals texted to your
phone!") and its fine print ("By signing up, you agree..."): a widget, never the article. The
form goes with the largest ancestor holding at most a short prompt's worth of text besides the
form's own. A form holding much text (a page wrapped in one, a filter over its results) stays,
and a form inside a list's item (a product tile's cart form) goes alone, so the item stays.
The box never takes in a body of prose beside it: a short post is a sibling of its comment form
("Leave a Reply"), so the box stops below an ancestor with another child holding paragraphs.
A text field outside any form (a sign-up box a script sends) is read as a form.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crawler.extract.listing import PROSE_UNITS, units
from crawler.extract.meta import ends_sentence, squashed_len, text_len

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lxml.html import HtmlElement

_FORM_TEXT = 300  # a form holding more text (whitespace aside) is not a widget
_FORM_BOX = 300  # its box holds at most this much text besides the form's own
_PAGE_TAGS = frozenset({"body"})  # a box never grows to these
_REPEATED = 3  # this many siblings of one tag and class are a list's items
_BODY_PARAGRAPHS = 2  # a branch with this many prose paragraphs is a post's body
_PROSE_LEN = 20  # a prose paragraph: this much text (whitespace aside), ending a sentence


# Text fields a reader types into (a sign-up box's e-mail field); not a checkbox or a radio.
_TYPED = frozenset({"", "text", "email", "search", "tel"})


def fields_as_forms(root: HtmlElement) -> None:
    """Rename in place each text field outside a form to ``form``: a box of a prompt, a field
    and a button is a sign-up form without the tag (scripts send it), which
    :func:`drop_form_boxes` then reads as one."""
    for field in list(root.iter("input")):
        typed = field.get("type", "").lower() in _TYPED
        if typed and next(field.iterancestors("form"), None) is None:
            field.tag = "form"


def drop_form_boxes(root: HtmlElement) -> None:
    """Remove each small form in place with the box around it that holds little else."""
    for form in list(root.iter("form")):
        if form.getparent() is not None and text_len(form) <= _FORM_TEXT:
            _form_box(form).drop_tree()


def _form_box(form: HtmlElement) -> HtmlElement:
    """The form's largest ancestor holding at most ``_FORM_BOX`` characters besides the form's
    own text, short of the page's body; the form alone when it sits in a list's item."""
    limit = _FORM_BOX + text_len(form)
    box = form
    for ancestor in form.iterancestors():
        if ancestor.getparent() is None or ancestor.tag in _PAGE_TAGS or text_len(ancestor) > limit:
            break
        if _is_repeated(ancestor):
            return form
        if _beside_prose(ancestor, box):
            break
        box = ancestor
    return box


def _beside_prose(ancestor: HtmlElement, box: HtmlElement) -> bool:
    """Tell whether a child of ``ancestor`` other than ``box`` holds a body of prose."""
    return any(child is not box and _holds_prose(child) for child in ancestor)


def _holds_prose(element: HtmlElement) -> bool:
    """Tell whether the element holds ``_BODY_PARAGRAPHS`` prose paragraphs: ``<p>`` elements,
    or lines of ``PROSE_UNITS`` words parted by ``<br>`` outside them (a note's text)."""
    found = 0
    for text, is_line in _paragraph_texts(element):
        long = units(text) >= PROSE_UNITS if is_line else squashed_len(text) >= _PROSE_LEN
        if long and ends_sentence(text):
            found += 1
            if found == _BODY_PARAGRAPHS:
                return True
    return False


def _paragraph_texts(element: HtmlElement) -> Iterator[tuple[str, bool]]:
    """The texts of the ``<p>`` elements under ``element``, then its runs of text outside any
    ``<p>`` that a ``<br>`` opens or closes (a note's lines), each with whether it is a line."""
    for paragraph in element.iter("p"):
        yield paragraph.text_content(), False
    runs: dict[tuple[HtmlElement, bool], str] = {}  # (node, its tail or not): each read once
    for br in element.iter("br"):
        if _in_paragraph(br):
            continue
        if br.tail:
            runs[br, True] = br.tail
        before, parent = br.getprevious(), br.getparent()
        if before is not None and before.tail:
            runs[before, True] = before.tail
        elif before is None and parent is not None and parent.text:
            runs[parent, False] = parent.text
    yield from ((run, True) for run in runs.values())


def _in_paragraph(node: HtmlElement) -> bool:
    """Tell whether the node is inside a ``<p>``."""
    return next(node.iterancestors("p"), None) is not None


def _is_repeated(element: HtmlElement) -> bool:
    """Tell whether the element is one of ``_REPEATED`` or more siblings of one tag and class."""
    key = (element.tag, element.get("class"))
    siblings = element.getparent()
    return (
        siblings is not None
        and sum((child.tag, child.get("class")) == key for child in siblings) >= _REPEATED
    )
