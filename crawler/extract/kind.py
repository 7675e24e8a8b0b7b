"""Article or not: section fronts, listings and collections are not stored as articles.

A page that declares a collection (``CollectionPage``, ``ItemList`` without an Article type, or
the Open Graph type ``product.group``) is none. Otherwise the page's *own prose* decides: the
sentences of its main text that are neither inside a repeated item block nor a link's whole text
(``listing.py``).

- A page that declares itself an article is one unless it has a list and no own sentence, or
  a list, a section address (below) and most of its sentences in items (a section front typed
  Article: its teasers carry its prose), or stands at a section address with a thin list beside
  it (below: a topic hub typed Article, an introduction above its headlines).
- An undeclared page needs ``min_sentences`` sentences (one: a transmittal notice,
  "现将…印发给你们，请认真贯彻执行。", is a whole sentence; so is a line of prose leading in the
  table below it with a colon, "…办理时限调整如下："), unless, away from a section
  address, its largest list is of attached files and it says nothing else (``attachments.py``: a
  notice that is its 附件); with a list (a group of at least ``listing_items`` items holding
  ``listing_chars`` characters) it needs ``listing_sentences`` own sentences, unless the list
  trails a story at a story's address (``trailing.py``: an article followed by a box of related
  headlines, or beside a column of them); with ``max_link_share`` of its text in links it
  needs ``NOTICE_SENTENCES``, unless that list trails a story or is of attached files (their
  links are not menus).
- An undeclared page at a section address (the site root, or a path ending in a name of one or
  two words and no long number, ``/c/water-bottles``, ``/news``, ``/zt/2025summer``: a year
  written into a word names an edition) with a group of at least
  ``section_items`` items holding ``listing_chars`` characters is a listing, however much it
  says: a category page's blurbs and product notes are prose, its address is not a story's slug.
  So is one there with a group of ``section_items`` product tiles (``tiles.py``: an image and a
  link each, no linked headline needed), or with ``SPREAD_ITEMS`` items over all its groups (a
  front page's sections of a few stories each, counted before chrome is removed: fronts name
  their boxes like widgets, "popular", "latest"). That bar is fixed at twice the default
  ``section_items``: tied to a lower ``section_items`` it dropped a real article.
- A page whose largest list does not trail a story, and whose every headline leads below its
  address (``layout.py``: extending its path, or adding a long number its path lacks), stands
  at a section address too, whatever its own address says; so does an undeclared one whose
  title is a name of at most three words ("Beginner Sewing Machines"), not a headline.
- An undeclared page with a group of ``listing_items`` items and next to no prose of its own
  beside it is a listing: none at all, however short the items (a calendar's or a video
  channel's one-line entries), unless its query names a story by a long id (``/s?id=16467…``:
  a story whose few paragraphs read as items); or at a section fewer than ``NOTICE_SENTENCES``
  sentences beside groups of items holding half ``listing_chars`` in all (a chart's rows under
  a footnote, a 专题's boxes of a few headlines each under its 导语).
- A page at a section address whose prose all stands in teasers, each a heading linked to a
  story elsewhere above its excerpt and a link there again (``teaser.py``: a tag archive holding
  one post or two, too few for a group; a front page's lead story under its linked picture), is
  a listing, whatever it declares.
- An undeclared page at a site search's address (a section's path, search words in its query:
  ``/?s=…``, ``/search/?wd=…``) lists results, or says there are none: never an article.
- An undeclared page with a group of ``priced_items`` priced product tiles is a shop listing,
  wherever it is and however much it says.
- At a section address (whose query names no story by a long id) an item may be a story with a
  teaser of a few paragraphs (``FRONT_ITEM`` characters, holding no list of its own), and a CJK
  character of an item counts as ``CJK_CHARS`` letters: a newsroom's one-line Chinese headlines
  are a list. At a story's address neither holds: a notice's box of related files stays a box;
  but there too a CJK character counts as ``CJK_CHARS`` letters in an item holding a line of
  prose beside its links (a 话题 page's answers under one line on the topic: excerpts, not
  titles).

A three-sentence notice passes, even on a site whose menus outweigh it; a list of headlines with
teasers does not. The thresholds are chosen by two-fold cross-validation (``bench/kind_cv.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol
from urllib.parse import parse_qsl, urlsplit

from crawler.extract.attachments import only_files
from crawler.extract.layout import LONG_NUMBER_RE, items_below
from crawler.extract.listing import (
    CJK_CHARS,
    MAX_ITEM,
    PROSE_UNITS,
    find_items,
    outside_items,
    units,
    without_post,
)
from crawler.extract.meta import squash, squashed_len, text_len
from crawler.extract.teaser import only_teasers
from crawler.extract.tiles import Tiles, find_tiles
from crawler.extract.trailing import trailing_box

if TYPE_CHECKING:
    from collections.abc import Set

    from lxml.html import HtmlElement


class KindSettings(Protocol):
    """The thresholds :func:`is_article` reads."""

    @property
    def min_sentences(self) -> int: ...  # an undeclared page needs this many sentences

    @property
    def max_link_share(self) -> float: ...  # this share of text in links makes a list of links

    @property
    def listing_sentences(self) -> int: ...  # fewer own sentences than this, and a list: listing

    @property
    def listing_items(self) -> int: ...  # a list: this many items in one group ...

    @property
    def listing_chars(self) -> int: ...  # ... holding this many characters

    @property
    def section_items(self) -> int: ...  # at a section address, this many items: listing

    @property
    def priced_items(self) -> int: ...  # this many priced product tiles in one group: listing


@dataclass(frozen=True)
class Address:
    """What the page's address says of its lists, read once per page (:func:`read_address`)."""

    section: bool = False  # it names a section, not a story (:func:`section_url`)
    longest: int = MAX_ITEM  # characters of the longest item
    cjk: float = 1.0  # letters a CJK character of an item counts as
    searched: bool = False  # a site search's address: a section's path, search words in its query
    story_query: bool = False  # a section's path whose query names a story by a long id


@dataclass(frozen=True)
class PageShape:
    """What :func:`is_article` decides on, measured once per page."""

    declared: bool | None  # the page's own article/collection declaration
    links: float  # share of the body's text in links
    sentences: int  # sentences of the main text
    own_sentences: int  # ... outside item blocks and link texts
    items: int  # items in the page's largest group of repeated item blocks
    item_chars: int  # characters of that group
    section_url: bool = False  # the page's address, or its list's, names a section, not a story
    tiles: int = 0  # product tiles in the largest group (pages declaring no article only)
    priced: int = 0  # priced tiles in the group with the most of them (the same pages)
    all_items: int = 0  # items of all groups of repeated item blocks (with chrome, at a section)
    trailing: bool = False  # the largest group trails a story the heading names (``trailing.py``)
    related: str = field(default="", compare=False, repr=False)  # that group's box, squashed
    address: Address = field(default_factory=Address)  # what the page's own address says
    attached: bool = False  # the largest group's every headline link is a file (``attachments.py``)
    teaser: bool = False  # at a section, its prose is all excerpts of stories (``teaser.py``)
    all_chars: int = 0  # characters of all groups of repeated item blocks (chrome removed)


@dataclass(frozen=True)
class Markup:
    """What the page says of itself, read before chrome is removed."""

    declared: bool | None  # its own article/collection declaration
    tiles: Tiles  # its product tiles (shops often name their grids like widgets)
    spread: int = 0  # items of all its groups at a section address (fronts name boxes as widgets)
    address: Address = field(default_factory=Address)  # what its address says of its lists


_TYPE_KEY = '"@type"'
_ARTICLE_TYPE_RE = re.compile(
    r'"@type"\s*:\s*(?:\[[^\]]*)?"(?:\w*Article|BlogPosting|LiveBlogPosting|Report)"'
)
_LIST_TYPE_RE = re.compile(
    r'"@type"\s*:\s*(?:\[[^\]]*)?"(?:CollectionPage|ItemList|SearchResultsPage)"'
)
# Latin sentence ends are followed by a space; CJK ones (full-width) by the next sentence directly.
# One leading character class lets the search skip ahead to candidates (an alternation of two
# does not); the look-behinds tell the two kinds apart.
_SENTENCE_RE = re.compile(r"[.!?。！？](?:(?<=[.!?])[\"'”’)）]?(?:\s|$)|(?<=[。！？])[”’）」』]?)")
_LEAD_IN_ENDS = (":", "：")  # a sentence that leads in a table ends in a colon
_TABLE_ROW = "|"  # a table row of the main text opens with a pipe
_OG_COLLECTION = "product.group"  # the Open Graph type of a set of products
_SEGMENT_END_RE = re.compile(r"\.(?:s?html?|php|aspx?|jsp)$", re.IGNORECASE)
_NAME_SPLIT_RE = re.compile(r"[-_+.]")
# A year written into a word (``/zt/2025summer``, ``/cannes2025``) names an edition of a section,
# not a story: a story's date or id stands apart, or is longer.
_EDITION_RE = re.compile(
    r"(?<![\da-z])(?:(?:19|20)\d\d[a-z]{3,}|[a-z]{3,}(?:19|20)\d\d)(?![\da-z])", re.IGNORECASE
)
# Items over all groups that make a section address a listing: a front page's sections of a few
# stories each (articles at section addresses hold at most 20 in the development pages, chrome
# included).
SPREAD_ITEMS = 28
_SECTION_WORDS = 2  # a last path segment of at most this many words names a section
_NAME_UNITS = 3  # a title of at most this many words names a section, not a story
# Characters of an item at a section address: a front's story comes with a teaser of a paragraph
# or a few, longer than a listing's line and its blurb.
FRONT_ITEM = 4 * MAX_ITEM
# Own sentences that keep a page however much of it is links: a short notice on a site whose
# menus outweigh it is still an article.
NOTICE_SENTENCES = 3
# Query parameters that carry a site search's words (``?s=``, ``?q=``, ``?wd=``, ``?keyword=``).
_SEARCH_KEYS = frozenset(
    ("q", "s", "k", "kw", "wd", "key", "keyword", "keywords", "query", "search", "searchword")
)


def declared_article(html: str, meta: dict[str, str]) -> bool | None:
    """True/False when the page's metadata says article/collection, None when silent."""
    og_type = meta.get("og:type", "").lower()
    if og_type == _OG_COLLECTION:
        return False
    listed = False
    # Both patterns start with the key: matched where a plain search finds it, in one pass that
    # ends at the first article type (mostly in the head) instead of searching the whole page.
    at = html.find(_TYPE_KEY)
    while at >= 0:
        if _ARTICLE_TYPE_RE.match(html, at):
            return True
        listed = listed or _LIST_TYPE_RE.match(html, at) is not None
        at = html.find(_TYPE_KEY, at + 1)
    if listed:
        return False
    return True if og_type == "article" else None


def read_markup(root: HtmlElement, html: str, meta: dict[str, str], url: str = "") -> Markup:
    """The page's declaration; unless it declares an article, its product tiles and, at a
    section address (``url``), the items of all its groups."""
    declared = declared_article(html, meta)
    address = read_address(url)
    if declared:
        return Markup(declared, Tiles(), address=address)
    spread = 0
    if address.section:
        spread = find_items(root, address.longest, address.cjk, site=urlsplit(url).netloc).total
    return Markup(declared, find_tiles(root), spread, address)


def sentences(text: str) -> int:
    """Sentence ends in the text's paragraphs of at least a few words."""
    return sum(map(_paragraph_sentences, text.split("\n")))


def sentence_counts(paragraphs: list[str]) -> dict[str, int]:
    """Sentence ends of each paragraph; a paragraph of prose that ends in a colon right above a
    table counts as one sentence: the table completes what it leads in ("…调整如下：")."""
    counts: dict[str, int] = {}
    for at, paragraph in enumerate(paragraphs):
        found = _paragraph_sentences(paragraph)
        if not found and _leads_table(paragraph, paragraphs[at + 1 : at + 2]):
            found = 1
        counts[paragraph] = max(found, counts.get(paragraph, 0))
    return counts


def _leads_table(paragraph: str, after: list[str]) -> bool:
    """The paragraph of prose ends in a colon and a table row (``| cell | cell |``) follows."""
    return (
        bool(after)
        and after[0].startswith(_TABLE_ROW)
        and paragraph.rstrip().endswith(_LEAD_IN_ENDS)
        and units(paragraph) >= PROSE_UNITS
    )


def _paragraph_sentences(paragraph: str) -> int:
    """Sentence ends in one paragraph, none when it has too few words to be prose."""
    return len(_SENTENCE_RE.findall(paragraph)) if units(paragraph) >= PROSE_UNITS else 0


def link_share(root: HtmlElement, body_len: int | None = None) -> float:
    """Share of the body's text that sits in links (``body_len``: that text's length without
    whitespace, when the caller measured it)."""
    body = root.find("body")
    body = root if body is None else body
    total = text_len(body) if body_len is None else body_len
    # whitespace goes character by character: the links' texts are measured joined, at once
    linked = squashed_len("".join([a.text_content() for a in body.iter("a")]))
    return linked / total if total else 1.0


def names_section(title: str) -> bool:
    """The title is a name of a few words (a range of products, a topic), not a headline."""
    return bool(title.strip()) and units(title) <= _NAME_UNITS


def section_url(url: str) -> bool:
    """The address names a section (the root, a short name without a long number, a year written
    into a word aside), not a story; no address names none."""
    if not url:
        return False
    path = urlsplit(url).path
    if LONG_NUMBER_RE.search(_EDITION_RE.sub("", path)):
        return False
    segments = [s for s in path.split("/") if s]
    if not segments:
        return True
    words = [w for w in _NAME_SPLIT_RE.split(_SEGMENT_END_RE.sub("", segments[-1])) if w]
    return len(words) <= _SECTION_WORDS


def read_address(url: str) -> Address:
    """Whether the address names a section or a site search, the characters of the longest item
    and the letters a CJK character counts as. At a section address whose query names no story
    by a long id (``/s?id=1646764…``): a front's item (``FRONT_ITEM``), and a line of Chinese
    headlines says as much as a line of English ones ``CJK_CHARS`` times as long. Elsewhere a
    listing's item, and a character is a character: a short notice's box of related files is no
    listing however dense its titles."""
    if not section_url(url):
        return Address()
    query = urlsplit(url).query
    searched = _searched(query)
    if LONG_NUMBER_RE.search(query):
        return Address(section=True, searched=searched, story_query=True)
    return Address(section=True, longest=FRONT_ITEM, cjk=CJK_CHARS, searched=searched)


def _searched(query: str) -> bool:
    """A site search's query (``s=…``, ``wd=…``) at a section's path: its page is a list of
    results, or says there are none. A long number is an id, not search words (``?n=105&s=2345``:
    a story's)."""
    return any(
        key.lower() in _SEARCH_KEYS
        and (words := value.strip())
        and not LONG_NUMBER_RE.fullmatch(words)
        for key, value in parse_qsl(query)
    )


def page_shape(
    root: HtmlElement,
    markup: Markup,
    links: float,
    text: str,
    url: str,
    title: str = "",
    anchors: Set[str] | None = None,
    headline: HtmlElement | None = None,
) -> PageShape:
    """Measure the page (``root`` cleaned of chrome, ``markup`` read before, with what its
    address says; ``text`` its main text, ``url`` its address, ``title`` its own title,
    ``anchors`` the squashed texts of its links when the caller read them, ``headline`` the
    element its title was read from)."""
    address = markup.address
    story = None if address.section else headline  # a section's heading stands over its list
    paragraphs = [p for p in text.split("\n") if p.strip()]
    items = without_post(
        paragraphs, find_items(root, address.longest, address.cjk, story, urlsplit(url).netloc)
    )
    counts = sentence_counts(paragraphs)  # each paragraph counted once
    own = outside_items(paragraphs, items, root, anchors)
    total, own_total = sum(counts[p] for p in paragraphs), sum(counts[p] for p in own)
    tiles, section = markup.tiles, address.section
    box = None if section else trailing_box(root, items.parent)
    related = "" if box is None else squash(box.text_content())
    if related and any(units(p) >= PROSE_UNITS and squash(p) in related for p in own):
        related = ""  # the box holds the story's own prose too: its text stays
    trailing = box is not None
    named = markup.declared is None and names_section(title)  # a declared story keeps its title
    section = section or (not trailing and (named or items_below(url, items.hrefs)))
    found = (items.count, items.chars, section, tiles.count, tiles.priced)
    spread = max(items.total, markup.spread)
    prose = [p for p in paragraphs if counts[p]]
    teaser = section and only_teasers(root, prose, url)
    return PageShape(
        markup.declared,
        links,
        total,
        own_total,
        *found,
        spread,
        trailing,
        related,
        address,
        only_files(items.hrefs),
        teaser,
        items.all_chars,
    )


def is_article(shape: PageShape, settings: KindSettings) -> bool:
    """The page's declaration and its own prose against its list structure."""
    if shape.declared is False or shape.teaser:
        return False
    listed = shape.items >= settings.listing_items and shape.item_chars >= settings.listing_chars
    if shape.declared:
        return _declared_story(shape, settings, listed=listed)
    notice = shape.attached and not shape.section_url  # a notice and its attached files
    if notice and shape.own_sentences == 0:
        return True  # a notice whose text is its attachments
    if shape.sentences < settings.min_sentences or shape.address.searched:
        return False
    if shape.own_sentences < settings.listing_sentences and listed and not shape.trailing:
        return False
    if _bare_list(shape, settings):
        return False
    if shape.priced >= settings.priced_items:
        return False
    section_group = max(shape.items if listed else 0, shape.tiles)
    spread = shape.all_items >= SPREAD_ITEMS
    if shape.section_url and (section_group >= settings.section_items or spread):
        return False
    if shape.trailing or notice:  # the related box's links, or the attachments', are not menus
        return True
    return shape.own_sentences >= NOTICE_SENTENCES or shape.links < settings.max_link_share


def _declared_story(shape: PageShape, settings: KindSettings, *, listed: bool) -> bool:
    """A page typed Article is one unless its list (``listed``) stands beside no sentence of its
    own or beside fewer than its teasers hold at a section (a front typed Article), or its section
    holds a thin list (a topic hub typed Article)."""
    if listed and (shape.own_sentences == 0 or _front_of_teasers(shape)):
        return False
    return not _thin_section(shape, settings)


def _bare_list(shape: PageShape, settings: KindSettings) -> bool:
    """A group of items with next to no prose of the page's own beside it: none at all, however
    short the items (a calendar's or a video channel's one-line entries), unless the query names
    a story by its id (a Baijiahao ``/s?id=…`` story whose few paragraphs read as items); or a
    thin section (:func:`_thin_section`)."""
    if shape.items < settings.listing_items or shape.trailing:
        return False
    if shape.own_sentences == 0:
        return not shape.address.story_query
    return _thin_section(shape, settings)


def _thin_section(shape: PageShape, settings: KindSettings) -> bool:
    """At a section, fewer than ``NOTICE_SENTENCES`` sentences of the page's own beside a group
    of items that trails no story, its groups holding half a list's characters: a chart's rows
    under a footnote, a topic hub's headlines under its introduction, a 专题's boxes of a few
    headlines each under its 导语 (a story's box of three related videos is shorter)."""
    if not shape.section_url or shape.trailing or shape.items < settings.listing_items:
        return False
    long_enough = 2 * max(shape.item_chars, shape.all_chars) >= settings.listing_chars
    return long_enough and shape.own_sentences < NOTICE_SENTENCES


def _front_of_teasers(shape: PageShape) -> bool:
    """At a section address, most of the page's sentences are in its items: a section front
    whose teasers carry its prose."""
    return shape.section_url and 2 * shape.own_sentences < shape.sentences
