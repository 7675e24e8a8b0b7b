"""Body blocks that trafilatura's pass dropped, recovered from the article's container.

The main text's paragraphs are found again in the page as leaf blocks (paragraphs, list items,
headings, table rows). The deepest element holding nearly all of them is the article's
container. A block of that container the text lacks is put back in its place when it lies
between two of the text's own blocks and reads as body, not chrome: a sentence or a list item
with few of its words in links, outside links, figures and forms, and not in a box of its own
that ends with a button-like link (a call to action). Nothing else outside the container, before
the body's first block or after its last is added, so the recovery fills gaps in the body
trafilatura already found. The text's closing paragraphs that lie outside the container (and
its sections, below) go: a call to action, an author's card, a list of sources or offers laid
out after the article.

One exception before the first block: a text of bare paragraphs (no heading or list), which is
what trafilatura collects when it finds no container, lacks the headings and lists that open
the article, so the container's blocks before its first come back. One addition after the last:
an article cut into sections by advertisements goes on in later elements of the container's own
tag and class (its sections), each following the one before with little text between; their
body blocks are added after the text when none of them is in it already. And the article's
closing questions and answers: a heading after the text's last block naming them ("FAQs",
"Frequently asked questions"), with the body blocks under it, comes back (sites set them in
accordion boxes that a pass leaves out), and its notes, which the text's note marks link to or
which link back into the text (see :mod:`.notes`). Figures' captions are no body, but in a
photo essay, whose captions the text lacks say more than the text: there they carry the story,
and come back, those after the text's last block too, a caption's sentence before its credit;
an essay whose text is only its introduction is placed by the captions around it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from crawler.extract.blocks import block_key
from crawler.extract.cards import is_list_entry
from crawler.extract.meta import norm, squash, squashed_len
from crawler.extract.notes import NoteLinks, note_links, note_text
from storage.cjk import HAN_RE

if TYPE_CHECKING:
    from collections.abc import Set

    from lxml.html import HtmlElement

_LEAF_TAGS = tuple("p li h2 h3 h4 h5 h6 blockquote dd dt tr pre div section".split())
_LEAVES = frozenset(_LEAF_TAGS)
_CAPTION = "figcaption"  # a block only in a photo essay (see :func:`_captioned`)
_INNER_BLOCKS = frozenset((*_LEAF_TAGS, "ul", "ol", "table", "article", "h1", "figure"))
_HEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6"))
_ITEMS = frozenset(("li", "tr", "dd", "dt"))
_LIST_ITEM = frozenset(("li",))
_COVER = 0.9  # the container holds this share of the text's matched characters
_MAX_LINKS = 0.2  # a block with more of its text in links is navigation
_ITEM_WORDS = 3  # a list item or table row has at least this many words; a heading two
_SENTENCE_WORDS = 7  # a paragraph: this many words, ending as a sentence does
_HEADING_CJK = 4  # a heading in Chinese has this many characters at least
_MIN_MATCHED = 3  # fewer matched blocks make no container to trust
_MAX_SECTIONS = 4  # a class on more elements is a layout's widget, not an article's sections
_SECTION_GAP = 100  # characters between two sections at most (an advertisement's label)
_SECTION_CHARS = 400  # a section of the body holds this many characters at least
_MIN_HELD = 40  # a block this long (squashed) is placed by a paragraph holding it too
_QUESTIONS_RE = re.compile(r"(?i)\bfaqs?\b|\bfrequently asked questions\b")
_MIN_ANSWERS = 2  # body blocks under a closing questions heading (a question and its answer)
_LINE = 120  # a heading longer than this is a sentence set large
_BUTTON_WORDS = 4  # a link this short ending a box is a call to action
_SENTENCE_END_RE = re.compile(r"[.!?:;…]['\"’”)\]]*$")
# A caption's sentence may close before its picture's credit ("... on the lawn. Jane Doe / AP").
_CAPTION_SENTENCE_RE = re.compile(r"[.!?…]['\"’”)\]]*(?:\s|$)")


def recover_blocks(paras: list[str], tree: HtmlElement, *, structured: bool = True) -> list[str]:
    """``paras`` with the dropped body blocks of their container put back in page order;
    ``structured`` tells that they hold a heading or a list (see :func:`_merge`)."""
    blocks = leaf_blocks(tree)
    joined = squash(" ".join(paras))
    found = [block_key(text) in joined for _, text in blocks]
    matched = [b for b, ok in zip(blocks, found, strict=True) if ok]
    container = _container(matched)
    container = _essay(matched, joined) if container is None else container
    if container is None:
        return paras
    if captioned := _captioned(container, joined):
        blocks = leaf_blocks(tree, captions=True)
        found = [block_key(text) in joined for _, text in blocks]
    sections = continuing_sections(container)
    inside = set(container.iter(*_LEAF_TAGS, _CAPTION))
    pairs = list(zip(blocks, found, strict=True))
    held = [text for (el, text), ok in pairs if ok and el in inside and el.tag != "tr"]
    paras = _drop_outside_tail(paras, [container, *sections], held)
    held_blocks = [(b, ok) for b, ok in pairs if b[0] in inside]
    merged = _merge(paras, held_blocks, structured, captioned=captioned)
    return merged + _continuation(sections, pairs)


def _essay(matched: list[tuple[HtmlElement, str]], joined: str) -> HtmlElement | None:
    """The container of a photo essay whose text (``joined``, squashed) is too short to place
    one: the nearest ancestor of its longest matched block whose captions say more than the
    text (see :func:`_captioned`)."""
    if not matched:
        return None
    longest = max(matched, key=lambda block: len(block[1]))[0]
    ancestors = list(longest.iterancestors())
    if not ancestors or not _captioned(ancestors[-1], joined):  # no part of the page is one
        return None
    return next(el for el in ancestors if _captioned(el, joined))


def _captioned(container: HtmlElement, joined: str) -> bool:
    """Tell whether the container's captions that the text (``joined``, squashed) lacks say
    more than the text: a photo essay, whose pictures' captions carry its story (a story's
    inline gallery says less)."""
    captions = (squash(caption.text_content()) for caption in container.iter(_CAPTION))
    return sum(len(text) for text in captions if text not in joined) > len(joined)


def _continuation(
    sections: list[HtmlElement], pairs: list[tuple[tuple[HtmlElement, str], bool]]
) -> list[str]:
    """The body blocks of the sections continuing the container, none of the text's own."""
    lines: list[str] = []
    for section in sections:
        members = set(section.iter(*_LEAF_TAGS))
        held = [(b, ok) for b, ok in pairs if b[0] in members]
        if any(ok for _, ok in held):
            break
        lines.extend(_body_lines([b for b, _ in held], {section, *section.iterancestors()}))
    return lines


def continuing_sections(container: HtmlElement) -> list[HtmlElement]:
    """Later elements of the container's tag and class, each following the one before with
    little text between and holding some text; none when the class is on many elements."""
    cls = container.get("class")
    if not cls:
        return []
    root = container.getroottree().getroot()
    same = [el for el in root.iter(container.tag) if el.get("class") == cls]
    if len(same) > _MAX_SECTIONS:
        return []
    later = same[same.index(container) + 1 :]
    sections: list[HtmlElement] = []
    previous = container
    for element in later:
        if previous in element.iterancestors() or len(element.text_content()) < _SECTION_CHARS:
            break
        if _chars_between(root, previous, element) > _SECTION_GAP:
            break
        sections.append(element)
        previous = element
    return sections


def _chars_between(root: HtmlElement, first: HtmlElement, second: HtmlElement) -> int:
    """Characters (whitespace aside) of the text after ``first`` ends and before ``second``
    starts, counted up to just over ``_SECTION_GAP``."""
    chars, counting = 0, False
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if element is second:
            break
        if counting:
            chars += squashed_len((element.text if event == "start" else element.tail) or "")
        elif event == "end" and element is first:
            counting, chars = True, squashed_len(element.tail or "")
        if chars > _SECTION_GAP:
            break
    return chars


def _body_lines(blocks: list[tuple[HtmlElement, str]], body: set[HtmlElement]) -> list[str]:
    """The blocks that read as body (list items marked), a heading with the block after it."""
    lines: list[str] = []
    heading = ""
    for element, text in blocks:
        if element.tag in _HEADINGS:
            heading = text if _is_body(element, text) else ""
        elif _is_body(element, text) and not _is_call_to_action(element, body):
            lines.extend([heading] if heading else [])
            lines.append(_line(element, text))
            heading = ""
    return lines


def leaf_blocks(tree: HtmlElement, *, captions: bool = False) -> list[tuple[HtmlElement, str]]:
    """The blocks holding no other block, in page order, with their text (one walk finds
    the blocks and the elements holding one); figures' captions among them if ``captions``."""
    holders: set[HtmlElement] = set()
    blocks = []
    leaves = _LEAVES | {_CAPTION} if captions else _LEAVES
    for element in tree.iter(*_INNER_BLOCKS, *([_CAPTION] if captions else [])):
        if element.tag in leaves:
            blocks.append(element)
        for ancestor in element.iterancestors():
            if ancestor in holders:  # and so are all above it
                break
            holders.add(ancestor)
    return [(el, text) for el in blocks if el not in holders and block_key(text := _block_text(el))]


def _block_text(element: HtmlElement) -> str:
    """A block's text on one line; a table row's cells separated by " | "."""
    if element.tag != "tr":
        return norm(element.text_content())
    return " | ".join(norm(cell.text_content()) for cell in element if isinstance(cell.tag, str))


def _drop_outside_tail(paras: list[str], body: list[HtmlElement], held: list[str]) -> list[str]:
    """``paras`` less the closing ones outside the ``body`` elements (the container and the
    sections continuing it): a call to action, an author's card, a list of sources or offers
    laid out after the article.

    ``held`` are texts of blocks inside the container (not table rows, whose cells' texts are
    joined): a last paragraph within one of them is inside, and the body's whole text is not
    squashed then. A block's squashed text is part of its container's, unless it holds a capital
    sigma, whose lower case depends on the letters around it."""
    if (last := block_key(paras[-1]) if paras else "") and any(
        last in block_key(text) for text in held if "Σ" not in text
    ):
        return paras
    inside = squash(" ".join(el.text_content() for el in body))
    end = len(paras)
    while end and block_key(paras[end - 1]) not in inside:
        end -= 1
    return paras[:end] if end else paras


def _container(matched: list[tuple[HtmlElement, str]]) -> HtmlElement | None:
    """The deepest ancestor of the longest matched block holding ``_COVER`` of the matched
    blocks' characters.

    A block's ancestors among the longest's are those from the first one its walk up meets:
    the walk stops there, and each ancestor of the longest holds what arrived at or below it.
    """
    if len(matched) < _MIN_MATCHED:
        return None
    longest = max(matched, key=lambda block: len(block[1]))[0]
    chain = list(longest.iterancestors())
    place = {ancestor: i for i, ancestor in enumerate(chain)}
    arrived = [0] * len(chain)
    for el, text in matched:
        for ancestor in el.iterancestors():
            if (i := place.get(ancestor)) is not None:
                arrived[i] += len(text)
                break
    total = sum(len(text) for _, text in matched)
    held = 0
    for ancestor, chars in zip(chain, arrived, strict=True):
        held += chars
        if held >= _COVER * total:
            return ancestor
    return None


def _merge(
    paras: list[str],
    blocks: list[tuple[tuple[HtmlElement, str], bool]],
    structured: bool,
    *,
    captioned: bool = False,
) -> list[str]:
    """The paragraphs with the missing body blocks between matched ones inserted in place.

    Paragraphs without a heading or a list (not ``structured``) are what trafilatura collects
    when it finds no container: then the container's blocks before the first matched one
    come back too, the headings and lists opening the article. A heading comes back with a
    body block right after it, whether recovered or the text's own; not over a box of links
    (a widget's heading) with the body after the box. A figure's caption is body in a photo
    essay (``captioned``); a note of the text is body though its box ends in a link back.
    """
    flags = [ok for _, ok in blocks]
    if True not in flags:
        return paras
    first = flags.index(True) if structured else 0
    last = len(flags) - 1 - flags[::-1].index(True)
    keys = [block_key(p) for p in paras]  # many are a block's text, squashed already
    body = {a for (el, _), ok in blocks if ok for a in el.iterancestors()}
    notes = note_links(el for (el, _), ok in blocks if ok)
    out, at, heading = list(paras), 0, ""
    for (el, text), ok in blocks[first:last]:
        if ok:
            after = _paragraph_after(keys, block_key(text), at)
            if heading and after > at:
                where = after - 1 + len(out) - len(paras)
                out[where:where] = [heading]
            at, heading = after, ""
        elif el.tag in _HEADINGS:
            heading = text if _is_body(el, text) else ""
        elif ((note := note_text(el, text, notes)) and _is_body(el, note)) or (
            _is_body(el, text, captioned=captioned) and not _is_call_to_action(el, body)
        ):
            lines = [heading] if heading else []
            lines.append(_line(el, note or text))
            where = at + len(out) - len(paras)
            out[where:where] = lines
            heading = ""
        else:  # the heading heads a box of chrome (its links), not the body after it
            heading = ""
    closing = _closing_questions(blocks[last:], body) + _closing_notes(blocks[last + 1 :], notes)
    if captioned:
        closing += _closing_captions(blocks[last + 1 :])
    if closing:
        at = _paragraph_after(keys, block_key(blocks[last][0][1]), at)
        where = at + len(out) - len(paras)
        out[where:where] = closing
    return out


def _closing_captions(blocks: list[tuple[tuple[HtmlElement, str], bool]]) -> list[str]:
    """A photo essay's captions among ``blocks`` (those after the text's last) that read as
    body: the pictures that follow its introduction."""
    return [
        text
        for (element, text), ok in blocks
        if not ok and element.tag == _CAPTION and _is_body(element, text, captioned=True)
    ]


def _closing_notes(
    blocks: list[tuple[tuple[HtmlElement, str], bool]], notes: NoteLinks
) -> list[str]:
    """The article's notes among ``blocks`` (those after the text's last) that the text lacks:
    body blocks its note marks link to, or linking back into it (``notes``, see :mod:`.notes`)."""
    lines = []
    for (element, text), ok in blocks:
        if not ok and (note := note_text(element, text, notes)) and _is_body(element, note):
            lines.append(_line(element, note))
    return lines


def _closing_questions(
    blocks: list[tuple[tuple[HtmlElement, str], bool]], body: set[HtmlElement]
) -> list[str]:
    """The article's closing questions and answers, from ``blocks`` (the text's last block
    and those after it): a heading naming them ("FAQs", "Frequently asked questions") and the
    body blocks after it up to the next heading of its rank or above, when the text lacks
    them (accordion boxes a pass leaves out)."""
    for i, ((element, text), ok) in enumerate(blocks):
        if element.tag in _HEADINGS and _QUESTIONS_RE.search(text) and len(text) <= _LINE:
            section = [b for b, _ in blocks[i + 1 :]]
            ends = (j for j, (el, _) in enumerate(section) if _ranks_with(el, element))
            end = next(ends, None)
            lines = _body_lines(section[:end], body)
            if len(lines) < _MIN_ANSWERS:
                return []
            return lines if ok else [text, *lines]
    return []


def _ranks_with(element: HtmlElement, heading: HtmlElement) -> bool:
    """Tell whether ``element`` is a heading of ``heading``'s rank or above."""
    return element.tag in _HEADINGS and element.tag <= heading.tag


def _paragraph_after(keys: list[str], key: str, at: int) -> int:
    """The index after the paragraph (from ``at`` on) that is held by ``key`` or, for a key of
    ``_MIN_HELD`` characters at least, holds it (a contents entry's few words inside a later
    paragraph are no sign of where the text is)."""
    for i in range(at, len(keys)):
        if keys[i] and (keys[i] in key or (len(key) >= _MIN_HELD and key in keys[i])):
            return i + 1
    return at


def _is_call_to_action(element: HtmlElement, body: set[HtmlElement]) -> bool:
    """A block in a form, or in a box of its own that ends with a short link ("Get started"),
    unless boxes of its kind stand beside it (a list's entries, see :mod:`.cards`).

    The box is the block's largest ancestor holding none of the text's blocks; ``body`` holds
    the ancestors of those.
    """
    box = element
    for ancestor in element.iterancestors():
        if ancestor in body:
            break
        if ancestor.tag == "form":
            return True
        box = ancestor
    if is_list_entry(box, element):
        return False
    links = [norm(a.text_content()) for a in box.iter("a")]
    last = next((link for link in reversed(links) if link), "")
    return (
        bool(last)
        and len(last.split()) <= _BUTTON_WORDS
        and norm(box.text_content()).endswith(last)
    )


def _is_item(element: HtmlElement, tags: Set[str] = _ITEMS) -> bool:
    """A list item or table row (``tags``), or the block holding its text
    (``<li><p>…</p></li>``)."""
    parent = element.getparent()
    return element.tag in tags or (parent is not None and parent.tag in tags)


def _line(element: HtmlElement, text: str) -> str:
    """A recovered block's line: a list item's marked as one."""
    return f"- {text}" if _is_item(element, _LIST_ITEM) else text


def _is_body(element: HtmlElement, text: str, *, captioned: bool = False) -> bool:
    """A sentence, list item or heading, few of its words in links, outside links and figures
    (a figure's caption is body in a photo essay: ``captioned``)."""
    words = len(text.split())
    if element.tag in _HEADINGS:  # two words, or as many Chinese characters as two words hold
        enough = words >= 2 or len(HAN_RE.findall(text)) >= _HEADING_CJK
    elif _is_item(element):
        enough = words >= _ITEM_WORDS
    else:
        ends = _SENTENCE_END_RE if element.tag != _CAPTION else _CAPTION_SENTENCE_RE
        enough = words >= _SENTENCE_WORDS and bool(ends.search(text))
    outside = ("a",) if captioned else ("a", "figure", _CAPTION)
    if not enough or next(element.iterancestors(*outside), None) is not None:
        return False
    link_chars = sum(len(norm(a.text_content())) for a in element.iter("a"))
    return link_chars <= _MAX_LINKS * len(text)
