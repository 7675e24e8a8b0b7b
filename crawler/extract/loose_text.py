"""Prose set loose after a box: the text that follows a block inside the article's container.

Some templates write the article as bare text between line breaks in one ``<div>``, with boxes
among it (a synopsis, a "Read also" pointer): ``<div><div class="synopsis"><p>…</p></div>The
company plans …<br><br>It launched …</div>``. trafilatura drops the run that follows a box of
paragraphs, the article's opening sentence there. In such a container every run of loose text
(up to a block or a double line break; a single break stays inside) is made a paragraph of its
own before the passes read the page, so that they read all of them alike. A run after a
picture's box alone is left as it is: the passes read on after it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crawler.extract.meta import squashed_len

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_BOXES = ("div", "section", "figure", "aside", "table", "ul", "ol", "blockquote")
# the elements that end a run; any other (a link, <code>, <q>, a picture) stands inside it
_BLOCKS = frozenset(
    """address article aside blockquote details div dl fieldset figure footer form h1 h2 h3 h4
    h5 h6 header hr li main nav ol p pre section table ul""".split()
)
_MIN_RUN = 80  # characters (whitespace aside): a shorter tail is a label or a line's end

Run = tuple[str, list["HtmlElement"]]  # a run's leading text and the inline elements after it


def wrap_loose_runs(root: HtmlElement) -> None:
    """Make, in place, each run of loose text a ``<p>`` in every element where a long run
    follows a box holding a paragraph."""
    parents: list[HtmlElement] = []
    for box in root.iter(_BOXES):
        tail, parent = box.tail, box.getparent()
        if not tail or len(tail) < _MIN_RUN or parent is None:
            continue
        if (parents and parents[-1] is parent) or squashed_len(tail) < _MIN_RUN:
            continue
        if next(box.iter("p"), None) is not None:
            parents.append(parent)
    for parent in dict.fromkeys(parents):
        _paragraphs_of_runs(parent)


def _paragraphs_of_runs(parent: HtmlElement) -> None:
    """Rebuild ``parent``'s children with each run of loose text holding words a ``<p>``."""
    items: list[HtmlElement | Run] = []
    run: Run = (parent.text or "", [])
    parent.text = None
    children = list(parent)
    for at, child in enumerate(children):
        if child.tag in _BLOCKS or _is_double_break(children, at):
            items.extend((run, child))
            run, child.tail = (child.tail or "", []), None
        else:
            run[1].append(child)
    items.append(run)
    for child in children:
        parent.remove(child)
    for item in items:
        if not isinstance(item, tuple):
            parent.append(item)
            continue
        text, inline = item
        if not (text + "".join(el.text_content() + (el.tail or "") for el in inline)).strip():
            parent.extend(inline)
            continue
        paragraph = parent.makeelement("p", {})
        paragraph.text = text
        paragraph.extend(inline)
        parent.append(paragraph)


def _is_double_break(children: list[HtmlElement], at: int) -> bool:
    """Tell whether ``children[at]`` is a ``<br>`` next to another with no text between."""
    if children[at].tag != "br":
        return False
    before = children[at - 1] if at else None
    after = children[at + 1] if at + 1 < len(children) else None
    return (before is not None and before.tag == "br" and not (before.tail or "").strip()) or (
        after is not None and after.tag == "br" and not (children[at].tail or "").strip()
    )
