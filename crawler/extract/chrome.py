"""Page-chrome removal around trafilatura: the DOM pre-clean (the paragraph post-clean is
``chrome_lines.py``).

Chrome tags, small forms' boxes and elements whose id or class names a widget (login boxes,
status widgets, share bars, QR-code boxes, cookie banners, related links, footers) go, driven by
lists of known chrome, never by per-site rules.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from lxml import etree

from crawler.extract.dates import has_labelled_date
from crawler.extract.folding import fold
from crawler.extract.forms import drop_form_boxes, fields_as_forms
from crawler.extract.inline import in_running_text
from crawler.extract.inline_promos import drop_inline_promos
from crawler.extract.link_boxes import drop_link_boxes
from crawler.extract.meta import squashed_len, text_len
from crawler.extract.prompt_boxes import drop_prompt_boxes
from crawler.extract.shop_cards import drop_shop_cards
from crawler.extract.telltale_boxes import drop_telltale_boxes
from crawler.extract.text_nodes import TextCuts, text_cuts

if TYPE_CHECKING:
    from collections.abc import Sequence

    from lxml.html import HtmlElement

# Tags that never hold article text. <header> stays: it often carries the title and date.
CHROME_TAGS = tuple(
    """script style noscript nav footer aside iframe button select textarea input template svg
    dialog""".split()
)
# Of those, the ones that can wrap text: an unclosed <nav> or <button> swallows the rest of the
# page when parsed, so one holding most of the page's text is unwrapped, not removed.
_WRAPPING_TAGS = ("nav", "footer", "aside", "button", "dialog")
_NEVER_TEXT_TAGS = tuple(tag for tag in CHROME_TAGS if tag not in _WRAPPING_TAGS)

# An author's bio box by its plugin's or its own name: removed even with paragraphs of prose.
_BIO_TOKENS = frozenset("authorbox authorbio aboutauthor abh saboxplugin".split())
# id/class tokens that mark chrome. Matched whole, after splitting on punctuation and camelCase.
# Not "status", "tag" or "widget" alone: WordPress marks every post "status-publish tag-x", and
# Blogger puts the post itself in a "widget".
_CHROME_TOKENS = _BIO_TOKENS | frozenset(
    """login logon signin signup register password userbox
    share sharing social sns bdshare jiathis cookie cookies consent gdpr
    related relate recommend recommended xgxw xglj newsletter subscribe subscription
    footer foot copyright nav navbar navi navigation menu breadcrumb breadcrumbs crumb crumbs
    sidebar aside print dayin advert advertisement ads promo popup modal comment comments
    guestbook pager pagination tags toolbar topbar latest popular hotnews mostread cta sponsor
    editsection republish donate donation qrcode erweima""".split()
)
# "sidebar" in a name of the layout that has one ("c-layout-sidebar-left", "has-sidebar",
# "and-w-sidebar"): the wrapper of the article and its sidebar, not the sidebar.
_LAYOUT_RE = re.compile(r"(?<![a-z0-9])(?:w|with|has|no|layout)[-_]sidebar|sidebar[-_]layout")
# Whole class names of a platform's embed code for a video or a post (its caption, handle and
# sound credit are the platform's, not the article's). Not a tweet: references keep its text.
_EMBED_CLASSES = frozenset("tiktok-embed instagram-media".split())
# An author's bio box: a writer's word beside one of these ("author-box", "columnist-box").
_WRITER = frozenset("author columnist contributor".split())
_AUTHOR_BOX = frozenset("box bio about profile description".split())
# Not "faq" (an article's own questions and answers) or "ranking" (the ranked items of a guide).
# Prefixes for run-together names ("loginbox", "sharewrap", "statuslist"); the token must be longer.
_CHROME_PREFIXES = tuple(
    """login signin signup share social cookie related status newsletter footer breadcrumb
    sidebar subscribe consent recommend navbar""".split()
)
# Names of the reader a paywalled site shows its paragraphs to ("subscriber-only"): content.
_READER_WORDS = frozenset("subscriber subscribers".split())
# Class words that keep an element out of print ("no-print", "d-print-none") mark content.
_NOT_PRINTED_RE = re.compile(
    r"\S*(?:no|dn|hide|hidden)[-_]?print\S*|\S*print[-_:]?(?:none|hidden)\S*", re.I
)
_CAMEL_RE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SPLIT_RE = re.compile(r"[^a-z0-9]+")
_PREFIX_WORDS = frozenset(_CHROME_PREFIXES) | _READER_WORDS
# An element holding more than this share of the page text is a layout wrapper, never chrome.
_MAX_CHROME_SHARE = 0.5
_CODE_TAGS = ("pre", "code")
_SLUG_SEPARATORS = 4  # an id of five or more words is a heading's slug, not a widget's name
_PROSE_TAGS = frozenset({"html", "body", "main", "article"})
# Whole class names by which an element declares itself the article ("box article modal-enabled").
_ARTICLE_CLASSES = frozenset(
    "article post entry story main content hentry article-body article-content entry-content "
    "post-content post-body story-body story-content".split()
)
_PROSE_PARAGRAPHS = 3  # this many long <p> make an element article prose, whatever its class
_LONG_P = 150
_BYLINE = 200
# Every element with an id or class, in document order (also those of a second top-level
# element the parser may leave beside the root): the descendant axis from the document node
# spares XPath the node set "//" builds first.
_NAMED_XPATH = etree.XPath("/descendant::*[@class or @id]")


def strip_code(root: HtmlElement) -> TextCuts:
    """Remove scripts, styles, forms, frames and the like (never text) in place; return where
    the texts that a removed element stood between now join two text nodes (see
    :mod:`crawler.extract.text_nodes`)."""
    fields_as_forms(root)
    cuts = text_cuts(root, _NEVER_TEXT_TAGS)
    etree.strip_elements(root, *_NEVER_TEXT_TAGS, with_tail=False)
    return cuts


def strip_chrome_tags(root: HtmlElement) -> list[HtmlElement]:
    """Remove chrome tags and small forms' boxes in place (after :func:`strip_code`); return
    the remaining elements that have an id or class."""
    page_len = text_len(root)
    for element in list(root.iter(*_WRAPPING_TAGS)):
        if _text_longer(element, _MAX_CHROME_SHARE * page_len):
            element.tag = "div"
        else:
            element.drop_tree()
    drop_form_boxes(root)
    drop_link_boxes(root)
    drop_inline_promos(root)
    drop_prompt_boxes(root)
    folded = fold(root.text_content())  # read once for the two steps searching the page's text
    if drop_telltale_boxes(root, folded):
        folded = fold(root.text_content())
    drop_shop_cards(root, folded)
    return _NAMED_XPATH(root)


def remove_chrome(
    root: HtmlElement,
    named: list[HtmlElement] | None = None,
    page_len: int | None = None,
    read_later: Sequence[HtmlElement] = (),
) -> HtmlElement:
    """Remove chrome elements in place and return ``root``.

    ``named`` is the result of :func:`strip_chrome_tags` when the caller already ran it, and
    ``page_len`` the page's :func:`text_len` after it, when the caller measured it. Chrome
    inside chrome removed already is left alone (removing it changes nothing under ``root``),
    except around the elements of ``read_later``, which the caller reads even when removed.
    """
    if named is None:
        strip_code(root)
        named = strip_chrome_tags(root)
    page_len = max(text_len(root) if page_len is None else page_len, 1)
    tops = {root, *root.itersiblings(), *root.itersiblings(preceding=True)}
    watched = (set(read_later), {a for el in read_later for a in (el, *el.iterancestors())})
    for element in named:
        if not _chrome_named(element.get("id"), element.get("class")):
            continue
        if _inside_removed(element, tops, watched):
            continue
        if next(element.iterancestors(*_CODE_TAGS), None) is not None:  # "hljs-comment"
            continue
        if in_running_text(element):  # a link in a sentence, not a widget
            continue
        if not _text_longer(element, _MAX_CHROME_SHARE * page_len) and (
            _is_bio_box(element) or not _keeps_article_data(element)
        ):
            element.drop_tree()
    return root


def _inside_removed(
    element: HtmlElement,
    tops: set[HtmlElement],
    watched: tuple[set[HtmlElement], set[HtmlElement]],
) -> bool:
    """Tell whether the element sits in a subtree removed already (its topmost ancestor is no
    top-level element of the document), neither inside, nor around, an element of ``watched``
    (the elements read later, and those with their ancestors)."""
    read_later, around = watched
    if element in around:
        return False
    top = element
    for top in element.iterancestors():
        if top in read_later:
            return False
    return top not in tops


def text_lengths(root: HtmlElement) -> tuple[int, int]:
    """Lengths without whitespace of the page's text and of its body's (the page's when it has
    no body), reading the body's text once."""
    body = root.find("body")
    if body is None:
        page_len = text_len(root)
        return page_len, page_len
    body_len = text_len(body)
    rest = [
        (child.text_content() if child is not body and isinstance(child.tag, str) else "")
        + (child.tail or "")
        for child in root
    ]
    return body_len + squashed_len("".join([root.text or "", *rest])), body_len


@lru_cache(maxsize=8192)  # most named elements have a class and no id, the class repeated
def _chrome_named(ident: str | None, cls: str | None) -> bool:
    """Tell whether an element's id and class name a chrome widget (:func:`_is_chrome_name`),
    its id left out when it is a slug of a heading's words ("how-popular-are-...")."""
    ident = ident or ""
    short = ident if ident.count("-") + ident.count("_") < _SLUG_SEPARATORS else ""
    return _is_chrome_name(f"{short} {cls or ''}")


@lru_cache(maxsize=8192)  # pages repeat the same class names ("menu-item", ...) many times
def _is_chrome_name(value: str) -> bool:
    """Tell whether an id/class value names a chrome widget."""
    if "rint" in value:
        value = _NOT_PRINTED_RE.sub(" ", value)
    lower = value.lower()
    tokens = set(_SPLIT_RE.split(lower))
    if lower != value:  # "statusList" gives "statuslist" above and "status", "list" here
        tokens.update(_SPLIT_RE.split(_CAMEL_RE.sub(" ", value).lower()))
    chrome = tokens & _CHROME_TOKENS
    if (chrome and not _names_layout(chrome, lower)) or _names_bio(tokens):
        return True
    if "-" in value and not _EMBED_CLASSES.isdisjoint(value.split()):
        return True
    return any(t.startswith(_CHROME_PREFIXES) and t not in _PREFIX_WORDS for t in tokens)


def _names_layout(chrome: set[str], value: str) -> bool:
    """Tell whether the only chrome word of a lower-case id/class value, "sidebar", names the
    page's layout (see :data:`_LAYOUT_RE`)."""
    return chrome == {"sidebar"} and _LAYOUT_RE.search(value) is not None


def _is_bio_box(element: HtmlElement) -> bool:
    """Tell whether the element's id or class names an author's bio box ("saboxplugin-wrap",
    "author-bio"): its paragraphs, however long, are about the writer, not the article."""
    return _names_bio(name_parts(element))


def name_parts(element: HtmlElement) -> set[str]:
    """The parts of the element's id and class, in lower case, split at every character but a
    letter or a digit ("site-header main" gives "site", "header", "main")."""
    return set(_SPLIT_RE.split(f"{element.get('id', '')} {element.get('class', '')}".lower()))


def _names_bio(tokens: set[str]) -> bool:
    """Tell whether id/class tokens name an author's bio box: a plugin's or its own name, or
    "author" ("columnist", "contributor") beside "box", "bio", "about" ..."""
    return not tokens.isdisjoint(_BIO_TOKENS) or (
        not tokens.isdisjoint(_WRITER) and not tokens.isdisjoint(_AUTHOR_BOX)
    )


def _keeps_article_data(element: HtmlElement) -> bool:
    """An article/main element, a byline with a labelled date, or several long paragraphs.

    NRTA's date line is ``<span class="shareWarpTime">发布时间：…</span>``: a "share" class
    that must survive.
    """
    classes = (element.get("class") or "").split()
    if element.tag in _PROSE_TAGS or not _ARTICLE_CLASSES.isdisjoint(classes):
        return True
    text = element.text_content()
    if len(text) <= _BYLINE and has_labelled_date(text):
        return True
    long_ps = (p for p in element.iter("p") if _text_longer(p, _LONG_P - 1))
    return len(list(islice(long_ps, _PROSE_PARAGRAPHS))) >= _PROSE_PARAGRAPHS


def _text_longer(element: HtmlElement, limit: float) -> bool:
    """Tell whether :func:`text_len` of the element exceeds ``limit`` (a text no longer than
    that with its whitespace is decided without removing it)."""
    text = element.text_content()
    return len(text) > limit and squashed_len(text) > limit
