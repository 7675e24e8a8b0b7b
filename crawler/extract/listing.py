"""Repeated item blocks: the structure that makes a page a listing, a section front or a collection.

A listing repeats one kind of block under one parent: a headline link, perhaps a teaser, a date
or a price. Such a block is an *item* when its headline link is not a link inside running prose,
stands in the block's first half and leads to a page no other item of the group leads to; a
picture's card may be named in a word or two (a catalogue's 逆光而来), so may a section's card
whose closing link leads where its heading does ("Getting started" … "View articles"), and a
stream's entry may lead to its page by a word at its end (a 快讯's 详情). The page's *own
prose* is what its main text says outside items and link texts: an article has it, a listing
has little or none. At a story's address, a group that is one only by counting the block of the
page's own headline (a release beside two boxes of links) is none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from lxml.etree import Element, XPath

from crawler.extract.blocks import block_key
from crawler.extract.chrome_lines import link_texts
from crawler.extract.meta import squash, squashed_len
from storage.cjk import HAN_RE

if TYPE_CHECKING:
    from collections.abc import Iterator, Set

    from lxml.html import HtmlElement

_MIN_GROUP = 3  # siblings of one tag needed to form a group
_REGULAR = 0.6  # ... and this share of them must be items
MAX_ITEM = 1000  # characters: a longer block is a section, not an item
_HEADLINE_UNITS = 3  # words (two CJK characters count as one) in an item's headline
_INLINE_MIN, _INLINE_SHARE = 20, 0.5  # loose text around a link that makes it an inline link
_HEAD_SPAN, _HEAD_SHARE = 40, 0.5  # the headline starts within this many characters / share
_HEAD_PROBE = 20  # characters of the headline looked for in its item's text
_MIN_ANCHOR = 6  # characters: shorter link texts are never matched against the main text
# Words (two CJK characters count as one) of prose: a paragraph that says something, a stream
# entry's text beside its link.
PROSE_UNITS = 8
_MAX_MORE = 24  # characters (squashed) of the link that leads a stream's entry to its page
_TAIL = 200  # characters of a block's end that most often tell whether it ends with that link
_ENDS = 16  # characters of a paragraph's head and of its tail found within one item's text
_LEFT_OUT = 40  # characters (squashed) of an item a line may leave out: a date, a duration
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
IMAGES = ("img", "picture")  # the tags of a picture
_MAX_CARD = 200  # characters (squashed) of a catalogue's card named in a word or two
_NOT_PAGES = ("#", "javascript:", "mailto:")
_BLURB_MARKS = ("—", "–", "-", ":")  # set a row's blurb apart from its title (a pipe, menus)
_QUERY_RE = re.compile(r"[?#].*", re.DOTALL)
# Letters a CJK character is worth: a word is some five letters, or two CJK characters (``units``).
CJK_CHARS = 2.5
# The elements with enough element children to hold a group, in document order (the test runs
# in C rather than once per element of the walk).
_PARENTS_XPATH = XPath(f"descendant-or-self::*[*[{_MIN_GROUP}]]")
_LINKED_ROWS_XPATH = XPath(".//li[.//a]")


@dataclass(frozen=True)
class Items:
    """The page's repeated item blocks."""

    count: int = 0  # items in the group holding the most item text
    chars: int = 0  # characters of that group's text (a CJK one may count as more: ``_volume``)
    texts: frozenset[str] = frozenset()  # squashed text of every item of every group
    total: int = 0  # items of every group
    parent: HtmlElement | None = field(default=None, compare=False)  # the largest group's parent
    hrefs: tuple[str, ...] = ()  # the headline links of the largest group, as written
    group: tuple[tuple[str, int], ...] = ()  # the largest group's squashed texts, with volumes
    all_chars: int = 0  # characters of every group's text, counted as ``chars`` is


def units(text: str) -> float:
    """Words of the text, two CJK characters counting as one."""
    if not HAN_RE.search(text):
        return len(text.split())
    return len(HAN_RE.findall(text)) / 2 + len(HAN_RE.sub(" ", text).split())


def _volume(text: str, cjk: float) -> int:
    """Characters of squashed text, a CJK one counting as ``cjk`` letters."""
    if cjk == 1 or text.isascii():
        return len(text)
    return len(text) + int((cjk - 1) * len(HAN_RE.findall(text)))


def find_items(
    root: HtmlElement,
    max_item: int = MAX_ITEM,
    cjk: float = 1.0,
    own: HtmlElement | None = None,
    site: str = "",
) -> Items:
    """The item groups under ``root``: the largest one by text, every item's text, and the
    number of items of all groups (``max_item``: characters of the longest item; ``cjk``:
    letters a CJK character counts as, ``CJK_CHARS`` anywhere in an item holding an excerpt of
    its story: a line of Chinese prose says as much as an English one that much longer, while a
    box of related files' dense titles stays short; ``own``: the page's own headline, whose
    block with two boxes of links beside it is a story, not a list; ``site``: the page's host,
    its own links lead there)."""
    best: tuple[int, int] = (0, 0)
    parent: HtmlElement | None = None
    hrefs: tuple[str, ...] = ()
    largest: tuple[tuple[str, int], ...] = ()
    texts: set[str] = set()
    total = all_chars = 0
    story = frozenset(own.iterancestors()) | {own} if own is not None else frozenset()
    for holder, group in _groups(root, max_item, story, site):
        volumes = tuple(
            (text, _volume(text, max(cjk, CJK_CHARS) if excerpt else cjk))
            for text, _, excerpt in group
        )
        if (size := (sum(volume for _, volume in volumes), len(group))) > best:
            best, parent, hrefs = size, holder, tuple(href for _, href, _ in group)
            largest = volumes
        texts.update(text for text, _, _ in group)
        total += len(group)
        all_chars += size[0]
    return Items(best[1], best[0], frozenset(texts), total, parent, hrefs, largest, all_chars)


def without_post(paragraphs: list[str], items: Items) -> Items:
    """``items`` less the item of the largest group that is the main text's own post: the one
    item holding the text's paragraphs that items hold, with prose among them (a forum topic's
    opening post above its replies, a thread's entries alike). A listing's text runs over
    several items; one teaser taken alone leaves the rest of its list standing."""
    if not items.group:
        return items
    joined = "\x00".join(items.texts)
    held: set[int] = set()
    prose = False
    for paragraph in paragraphs:
        key = block_key(paragraph)
        if not key or not _in_item(key, joined):
            continue
        holders = {at for at, (text, _) in enumerate(items.group) if _in_item(key, text)}
        held |= holders or {-1}  # held by an item of another group
        prose = prose or (bool(holders) and units(paragraph) >= PROSE_UNITS)
    if len(held) != 1 or -1 in held or not prose:
        return items
    post, volume = items.group[held.pop()]
    rest = tuple(entry for entry in items.group if entry[0] != post)
    return replace(
        items,
        count=items.count - 1,
        chars=items.chars - volume,
        texts=items.texts - {post},
        group=rest,
        all_chars=items.all_chars - volume,
    )


def outside_items(
    paragraphs: list[str], items: Items, root: HtmlElement, anchors: Set[str] | None = None
) -> list[str]:
    """The paragraphs that are neither inside an item nor a link's whole text (``anchors``: the
    squashed texts of the page's links, at least those of ``_MIN_ANCHOR`` characters, when the
    caller read them)."""
    joined = "\x00".join(items.texts)
    if anchors is None:
        anchors = link_texts(root)
    kept = []
    for paragraph in paragraphs:
        key = block_key(paragraph)  # most are the text's blocks, squashed already
        if key and not _in_item(key, joined) and (len(key) < _MIN_ANCHOR or key not in anchors):
            kept.append(paragraph)
    return kept


def _in_item(key: str, joined: str) -> bool:
    """The squashed paragraph is an item's text, or its head and tail are, in order, within one
    item and at most ``_LEFT_OUT`` characters further apart there than in the paragraph (the
    extracted line left out the item's date or duration between them, not paragraphs)."""
    if key in joined:
        return True
    if len(key) < 2 * _ENDS:
        return False
    start = joined.find(key[:_ENDS])
    while start >= 0:
        end = joined.find("\x00", start)
        reach = start + len(key) + _LEFT_OUT
        if key[-_ENDS:] in joined[start + _ENDS : reach if end < 0 else min(end, reach)]:
            return True
        start = joined.find(key[:_ENDS], start + 1)
    return False


def _groups(
    root: HtmlElement, max_item: int, story: Set[HtmlElement], site: str
) -> Iterator[tuple[HtmlElement, list[tuple[str, str, bool]]]]:
    """Each group of sibling items: their parent and their squashed texts, headline links and
    whether each holds an excerpt (:func:`_excerpted`);
    none that is a group only by counting a block of ``story`` (the page's own headline and
    its text beside two boxes of links)."""
    for parent in _PARENTS_XPATH(root):
        children = list(parent.iterchildren(Element))
        tags = [child.tag for child in children]
        for tag in dict.fromkeys(tags):  # a few distinct tags: counting each beats a Counter
            if (n := tags.count(tag)) >= _MIN_GROUP:
                needed = max(_MIN_GROUP, _REGULAR * n)
                siblings = [c for c in children if c.tag == tag]
                group = _items(siblings, needed, max_item, site)
                if len(group) >= needed and not _by_story(siblings, story, needed, max_item, site):
                    yield parent, group


def _by_story(
    siblings: list[HtmlElement],
    story: Set[HtmlElement],
    needed: float,
    max_item: int,
    site: str,
) -> bool:
    """Tell whether one of the siblings holds the story and the others make no group."""
    others = [sibling for sibling in siblings if sibling not in story]
    return len(others) < len(siblings) and len(_items(others, needed, max_item, site)) < needed


def _items(
    siblings: list[HtmlElement], needed: float, max_item: int, site: str
) -> list[tuple[str, str, bool]]:
    """Squashed texts, headline links and excerpts (:func:`_excerpted`) of the siblings that are
    items (at most ``max_item`` characters each), one per distinct headline link; fewer than
    ``needed`` (the search stops) once the siblings left cannot make up that many."""
    seen: set[str] = set()
    texts: list[tuple[str, str, bool]] = []
    cards = _at_front(max_item)
    for at, sibling in enumerate(siblings):
        if len(texts) + len(siblings) - at < needed:
            break
        if next(sibling.iter("a"), None) is None:  # no link, no headline link
            continue
        raw = sibling.text_content()
        if _surely_long(raw, max_item) or (href := _headline(sibling, raw, cards, site)) is None:
            continue
        if href in seen:
            continue
        text = _squash_block(raw)
        if text and _item_length(text, sibling, max_item):
            seen.add(href)
            texts.append((text, href, not text.isascii() and _excerpted(sibling, raw)))
    return texts


def _excerpted(block: HtmlElement, raw: str) -> bool:
    """The item says a line of prose outside its links (``raw``: its text): an excerpt of its
    story, not a title beside a date or a size (asked of items with CJK text only: elsewhere a
    character counts as one letter)."""
    linked = "".join([a.text_content() for a in block.iter("a")])
    return units(raw) - units(linked) >= PROSE_UNITS


def _at_front(max_item: int) -> bool:
    """Tell whether items are read at a section's address: its caller then allows items longer
    than :data:`MAX_ITEM` (a front's story with its teaser), and there a card's short heading
    may lead to the card's page (:func:`_heading_link`)."""
    return max_item > MAX_ITEM


def _item_length(text: str, block: HtmlElement, max_item: int) -> bool:
    """Tell whether a block's squashed ``text`` is of an item's length: at most
    :data:`MAX_ITEM` characters, or up to ``max_item`` for a block that is one story with its
    teaser and holds no list of links (a section of items is no item)."""
    return len(text) <= MAX_ITEM or (len(text) <= max_item and not _holds_list(block))


def _holds_list(block: HtmlElement) -> bool:
    """The block holds a list of links (a section of items), not one story with its teaser."""
    return len(_LINKED_ROWS_XPATH(block)) >= _MIN_GROUP


# A block's text is squashed for its headline and again as the item's text: once is enough.
_squash_block = lru_cache(maxsize=64)(squash)


def _surely_long(text: str, max_item: int) -> bool:
    """Too long for an item, judged on a prefix (squashing a prefix never gives more)."""
    return len(text) > max_item and len(_squash_block(text[: 2 * max_item])) > max_item


def _headline(block: HtmlElement, raw: str, cards: bool, site: str) -> str | None:
    """The target of the block's headline link, if it has one (``raw``: the block's text;
    ``cards``: at a section's address, where a card's short heading may lead; ``site``: the
    page's host)."""
    links: list[HtmlElement] = []  # page links read so far: the headline is often the first
    for a in filter(is_page_link, block.iter("a")):
        links.append(a)
        anchor = a.text_content()
        parent = a.getparent()
        leads = parent is not None and _leads_row(a, parent, site)  # a title of any length
        if units(anchor) < _HEADLINE_UNITS and not leads:
            continue
        title = block_key(anchor)  # the page's link texts are squashed through it already
        if not leads and _inline(a, len(title)):
            continue
        text = _squash_block(raw)
        start = text.find(title[:_HEAD_PROBE])
        if 0 <= start <= max(_HEAD_SPAN, _HEAD_SHARE * len(text)):
            return str(a.get("href"))
    return _heading_link(block, links, raw, cards) or _more_link(links, raw)


def _heading_link(
    block: HtmlElement, links: list[HtmlElement], raw: str, cards: bool
) -> str | None:
    """A card whose title is a heading beside a link without text (a linked image, an overlay),
    a picture's card whose heading is a name of a word or two (a catalogue's 逆光而来), or, at a
    section's address (``cards``), a card whose heading of a word or two and its closing link
    lead to one page (at a story's, that is a listicle's entry and its "Get the app" button)."""
    heading = next(block.iter(*_HEADINGS), None)
    if heading is None:
        return None
    name = heading.text_content()
    short = units(name) < _HEADLINE_UNITS
    if short and not (_named_card(block, name, raw) or (cards and _closed_card(heading, links))):
        return None
    return next((str(a.get("href")) for a in links if not _inline(a)), None)


def _closed_card(heading: HtmlElement, links: list[HtmlElement]) -> bool:
    """The heading is wholly a link, and the block's last link, another, leads to the same page:
    a section's card ("Getting started" … "View articles")."""
    named = next((a for a in links if a in heading.iter("a")), None)
    if named is None or squash(named.text_content()) != squash(heading.text_content()):
        return False
    last = links[-1]
    return last is not named and last.get("href") == named.get("href")


def _named_card(block: HtmlElement, name: str, raw: str) -> bool:
    """A catalogue's card: a picture, a name of a word or two and a line or two more (a genre,
    a blurb), all short; a listicle's entry says a paragraph under its name."""
    if units(name) < 1 or next(block.iter(IMAGES), None) is None:
        return False
    return len(_squash_block(raw)) <= _MAX_CARD and units(raw) >= units(name) + _HEADLINE_UNITS


def _more_link(links: list[HtmlElement], raw: str) -> str | None:
    """A stream's entry (a 快讯's text and its 详情 link): the block's one page link, a word or
    two standing apart after text of a headline's length, leads to the entry's own page."""
    if not links or any(a.get("href") != links[0].get("href") for a in links):
        return None
    anchor = links[0].text_content()
    word = squash(anchor)
    if not word or len(word) > _MAX_MORE or not _ends_with(raw, word):
        return None
    if units(anchor) >= _HEADLINE_UNITS or _inline(links[0], len(word)):
        return None
    if units(raw) < PROSE_UNITS + units(anchor):
        return None
    # its page by path: replies to comments lead to one page with another query each
    return _QUERY_RE.sub("", str(links[0].get("href")).strip()) or None


def _ends_with(raw: str, word: str) -> bool:
    """The squashed text ends with ``word``, judged on its end when that holds enough of it
    (squashing goes character by character: the squashed end ends the squashed text)."""
    end = squash(raw[-_TAIL:])
    return (end if len(end) >= len(word) else _squash_block(raw)).endswith(word)


def is_page_link(a: HtmlElement) -> bool:
    """A link to a page: not to a fragment, a script or a mail address."""
    href = (a.get("href") or "").strip().lower()
    return bool(href) and not href.startswith(_NOT_PAGES)


def _leads_row(a: HtmlElement, parent: HtmlElement, site: str) -> bool:
    """The link, to a page of the site (``site``: its host), opens its parent's text and a dash
    or colon sets apart a blurb of a few words after it: a title and its blurb ("The Last
    Kitchen — A cooking drama …"), not a link within a sentence, a menu's entry ("Home - News")
    nor a roundup's source and a line on what it says ("Variety: why two streamers …")."""
    tail = (a.tail or "").lstrip()
    if (parent.text or "").strip() or not tail.startswith(_BLURB_MARKS):
        return False
    if units(tail.lstrip("".join(_BLURB_MARKS))) < _HEADLINE_UNITS:
        return False
    return _within(str(a.get("href")), site) and next(parent.iterchildren(Element), None) is a


def _within(href: str, site: str) -> bool:
    """The link leads to a page of the site whose host is ``site`` (a link without a host
    does)."""
    host = urlsplit(href.strip()).netloc.lower()
    return not host or host.removeprefix("www.") == site.lower().removeprefix("www.")


def _inline(a: HtmlElement, length: int | None = None) -> bool:
    """A link inside running prose: its parent holds loose text of some length around it
    (``length``: of the link's squashed text, when the caller has it)."""
    parent = a.getparent()
    if parent is None:
        return False
    loose = [parent.text or ""] + [child.tail or "" for child in parent]
    around = squashed_len("".join(loose))
    if around < _INLINE_MIN:
        return False
    if length is None:
        length = len(squash(a.text_content()))
    return around >= _INLINE_SHARE * length
