"""HTML → clean article fields (title, main text, publication date, language, article or not).

The page is parsed once with lxml (``parsing.py``). Chrome (navigation, login boxes, status
widgets, FAQ boxes, share bars, related links, footers) is removed from that tree before
trafilatura sees it, and known CMS body containers (Hanweb/TRS/UCAP) are preferred when a page
has one; a single-page app's article that only its script state holds is read from that state
(``script_state.py``). Blocks that the page's source repeats on many pages (learned by the
crawl, passed in as ``boilerplate``) are dropped from the text. Every tunable is in
:class:`ExtractionSettings`, chosen by two-fold cross-validation on the development sets
(``bench/extraction.py``; the article-or-listing thresholds ``bench/kind_cv.py``).
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass, field
from datetime import UTC, datetime, timezone
from functools import lru_cache
from typing import NamedTuple

from lxml import etree
from lxml.html import HtmlElement, fragment_fromstring

from crawler.extract.blocks import block_fingerprints, drop_repeated
from crawler.extract.box_tails import drop_blank_box_ends
from crawler.extract.byline import TitleContext, ending_with, shows_relative
from crawler.extract.chrome import remove_chrome, strip_chrome_tags, strip_code, text_lengths
from crawler.extract.chrome_lines import clean_paragraphs, drop_link_tail, link_texts
from crawler.extract.chrome_zh import trim_chrome_runs
from crawler.extract.controls import drop_controls
from crawler.extract.credits import drop_credit_lines
from crawler.extract.crumbs import drop_leading_crumbs
from crawler.extract.custom_tags import custom_as_spans
from crawler.extract.date_page import Page, stated_times
from crawler.extract.date_region import article_said
from crawler.extract.dates import find_published, plausible, title_context
from crawler.extract.density import thin_text_source, trim_edges
from crawler.extract.fine_print import drop_fine_print
from crawler.extract.hidden import drop_hidden
from crawler.extract.kind import PageShape, is_article, link_share, page_shape, read_markup
from crawler.extract.layer_names import names_as_classes
from crawler.extract.lines import BREAK, Joined, join_paragraphs, split_lines
from crawler.extract.loose_text import wrap_loose_runs
from crawler.extract.mangled import repair_runs
from crawler.extract.meta import declared_language, detect_language, meta_map, norm, text_len
from crawler.extract.next_stories import drop_next_stories
from crawler.extract.non_html import is_non_html
from crawler.extract.own_address import drop_own_address
from crawler.extract.parsing import PARSER, parse_html
from crawler.extract.passes import trafilatura_text
from crawler.extract.prompts import drop_closing_prompts
from crawler.extract.quote_figures import quote_figures_as_text
from crawler.extract.recover import recover_blocks
from crawler.extract.region_dates import closing_days
from crawler.extract.releases import drop_release_tail
from crawler.extract.rendered import show_rendered
from crawler.extract.script_state import state_article
from crawler.extract.site_header import drop_site_header
from crawler.extract.stamp_attrs import stamp_value
from crawler.extract.stamps import drop_stamps
from crawler.extract.standfirst import with_standfirst
from crawler.extract.story_wrappers import keep_story_wrappers
from crawler.extract.table_layout import layout_text
from crawler.extract.time_elements import own_times
from crawler.extract.title import find_title, named_title
from crawler.extract.trailing import drop_related, missed_story
from crawler.extract.zones import page_zone

__all__ = ["Extracted", "ExtractionSettings", "extract_article"]


@dataclass(frozen=True)
class Extracted:
    """Article fields pulled out of one HTML page."""

    title: str | None
    text: str  # main body: paragraphs split by "\n\n", a <br>'s lines and a list's items by "\n"
    published_at: datetime | None  # tz-aware
    language: str | None  # ISO 639-1
    canonical_link: str | None = None  # <link rel="canonical" href>, as written
    is_article: bool = True  # False for section fronts, listings and collections
    blocks: frozenset[int] = frozenset()  # fingerprints of the text's blocks (before learning)
    shape: PageShape | None = field(default=None, compare=False, repr=False)  # article or not


@dataclass(frozen=True)
class ExtractionSettings:
    """The tunables of extraction (defaults: chosen by cross-validation, see the bench)."""

    precise_first: bool = False  # first trafilatura pass in precision (else balanced) mode
    compare_first: bool = False  # first pass weighs trafilatura's readability/jusText fallbacks
    retry_share: float = 0.2  # full pass when a fast first finds less than this share of the page
    cut_zone: float = 1.0  # a "Related"/"Comments" heading after this share of the text ends it
    recover: bool = True  # put back body blocks of the article's container the first pass dropped
    named_chrome: bool = True  # remove elements whose id/class names a chrome widget
    min_sentences: int = 1  # an undeclared page needs this many sentences to be an article
    max_link_share: float = 0.7  # this share of a page's text in links makes a list of links
    listing_sentences: int = 12  # a list with fewer own sentences than this is a listing
    listing_items: int = 3  # a list: this many repeated item blocks in one group ...
    listing_chars: int = 600  # ... holding this many characters
    section_items: int = 14  # at a section address, a group of this many items makes a listing
    priced_items: int = 4  # a group of this many priced product tiles makes a listing


DEFAULT_SETTINGS = ExtractionSettings()


# Hanweb/TRS/UCAP (and China Daily / Global Times) body containers, best first; each name is
# looked up as an id and as a class.
_CONTAINERS = tuple(
    """c ivs_content UCAP-CONTENT TRS_UEDITOR TRS_Editor article_content Content detailContent
    pages_content zoom""".split()
)
_CONTAINER_RANK = {name: rank for rank, name in enumerate(_CONTAINERS)}
_CONTAINER_CLASSES = frozenset(_CONTAINERS) - {"c"}  # class "c" is too common to mean anything
_NO_RANK = len(_CONTAINERS)
_CONTENT_MARKERS_RE = re.compile(
    r"<meta\s+name=[\"']?ContentStart[\"']?[^>]*>(.*?)<meta\s+name=[\"']?ContentEnd",
    re.DOTALL | re.IGNORECASE,
)
_MIN_CONTAINER_TEXT = 30
# A first pass that finds less than this share of a CMS container's text gives way to the
# container's blocks.
_CONTAINER_SHARE = 0.5
_BLOCK_TAGS = tuple(
    """p div li tr h1 h2 h3 h4 h5 h6 table section article blockquote pre ul ol dd dt
    figcaption""".split()
)


def extract_article(
    html: str,
    url: str,
    *,
    fallback_title: str | None = None,
    fallback_date: datetime | None = None,
    language_hint: str | None = None,
    boilerplate: frozenset[int] = frozenset(),
    settings: ExtractionSettings = DEFAULT_SETTINGS,
    fetched_at: datetime | None = None,
) -> Extracted:
    """Title, main text, tz-aware publication date and language of decoded HTML.

    ``fallback_date`` is a publication date stated by a feed or news sitemap (never a
    ``lastmod``); ``boilerplate`` holds fingerprints of blocks the page's source repeats;
    ``fetched_at`` (aware) resolves a byline's relative stamp ("2 hours ago"), read only if given.
    """
    html = repair_runs(html)
    root = None if is_non_html(html) else parse_html(html)
    if root is None:
        date = _fallback(fallback_date, page_zone((), None, language_hint, url))
        return Extracted(fallback_title, "", date, language_hint, is_article=False)
    show_rendered(root, html)
    meta = meta_map(root, html)
    canonical = canonical_href(root)
    cuts = strip_code(root)
    custom_as_spans(root, html)
    names_as_classes(root, html)
    title, title_el = find_title(root, meta, url)
    near = title_context(title_el, cuts) if title_el is not None else None
    times = own_times(root)
    said, stamp = _relative_byline(title_el, near)
    drop_hidden(root)
    closing = closing_days(title_el)
    drop_next_stories(title_el, url)
    named = strip_chrome_tags(root)
    markup = read_markup(root, html, meta, url)
    candidates = container_candidates(named)
    page_len, body_len = text_lengths(root)
    links = link_share(root, body_len)
    drop_site_header(root, title_el, url)
    if settings.named_chrome:
        remove_chrome(root, named, page_len, candidates)
    _ready_blocks(root, title_el)
    container = cms_container(html, candidates)
    anchors = link_texts(root)  # read once: runs of links, closing headlines, the page's kind
    read = _read_text(html, root, container, url, (title, title_el), settings, anchors, boilerplate)
    shape = page_shape(root, markup, links, read.own, url, read.title or "", anchors, title_el)
    if shape.related and (story := missed_story(root, read.kept, shape.related)) is not None:
        # the text read is the box of headlines beside the story: the story's block is its text
        read = _read_text(html, root, story, url, (title, title_el), settings, anchors, boilerplate)
        shape = page_shape(root, markup, links, read.own, url, read.title or "", anchors, title_el)
    paras, kept, joined, title = read.paras, read.kept, read.joined, read.title
    if shape.related:  # a box of related headlines after the story is not its text
        kept = drop_related(kept, shape.related)
    text = join_paragraphs(kept, joined)
    text = repair_runs(text)  # runs written as entities survive the page's repair
    language = detect_language(declared_language(root, meta), text or title or "", language_hint)
    tz = page_zone(stated_times(meta, (t.value for t in times)), root.get("lang"), language, url)
    page = Page(html, url, root, meta, tz, times, fetched_at, said, stamp, closing)
    near = near and ending_with(near, text)
    published = find_published(page, title_el, text, near) or _fallback(fallback_date, page.tz)
    title = title or fallback_title or named_title(root, meta)
    canonical_link = canonical and canonical.strip()
    article = is_article(shape, settings)
    blocks = block_fingerprints(paras)
    return Extracted(title, text, published, language, canonical_link, article, blocks, shape)


def _ready_blocks(root: HtmlElement, title_el: HtmlElement | None) -> None:
    """The page's blocks made ready for the passes, in place: quote figures as text, blank box
    ends gone, loose runs of text wrapped and the story's wrapper kept from the chrome names."""
    quote_figures_as_text(root)
    drop_blank_box_ends(root)
    wrap_loose_runs(root)
    keep_story_wrappers(root, title_el)


class _Read(NamedTuple):
    """The main text read from a container (or the whole page)."""

    paras: list[str]  # its paragraphs, trimmed
    kept: list[str]  # ... less the blocks the page's source repeats
    joined: Joined  # the pairs of them a line break joins
    own: str  # the kept paragraphs of the first pass: what the page is
    title: str | None


def _read_text(
    html: str,
    root: HtmlElement,
    container: HtmlElement | None,
    url: str,
    titled: tuple[str | None, HtmlElement | None],
    settings: ExtractionSettings,
    anchors: frozenset[str],
    boilerplate: frozenset[int],
) -> _Read:
    """:func:`_main_text` trimmed, less the blocks ``boilerplate`` fingerprints."""
    paras, recovered, joined, title = _main_text(
        html, root, container, url, titled, settings, anchors
    )
    paras = _trimmed(with_standfirst(paras, titled[1]), root, title, url, anchors)
    kept = drop_repeated(paras, boilerplate)
    own = "\n\n".join(p for p in kept if p not in recovered)  # what the page is: first pass only
    return _Read(paras, kept, joined, own, title)


def _relative_byline(title_el: HtmlElement | None, near: TitleContext | None) -> tuple[str, str]:
    """What a relative byline stamp ("2 hours ago") leaves to read before chrome removal: the
    text of the title's ``<article>`` and the time the stamp's markup states; empty without
    such a stamp."""
    if title_el is None or near is None or not shows_relative(near):
        return "", ""
    return article_said(title_el), stamp_value(title_el)


def _trimmed(
    paras: list[str], root: HtmlElement, title: str | None, url: str, anchors: frozenset[str]
) -> list[str]:
    """The main text's paragraphs less what the page sets around an article: chrome at their
    edges (Chinese chrome runs too), a closing run of its links (``anchors``), a control's
    label (a link going nowhere), credit lines,
    closing prompts, date stamps, a press release's tail, closing fine print, leading
    breadcrumbs and a line that is the page's own address."""
    paras = trim_chrome_runs(trim_edges(paras, root), root, title, anchors)
    paras = drop_controls(drop_link_tail(paras, root, anchors), root)
    paras = drop_stamps(drop_closing_prompts(drop_credit_lines(paras)))
    paras = drop_fine_print(drop_release_tail(paras))
    return drop_own_address(drop_leading_crumbs(paras, root, url), url)


def canonical_href(root: HtmlElement) -> str | None:
    """The ``href`` of the document's first ``<link rel="canonical">`` that has one (XPath's
    ``/descendant::link[@rel='canonical']/@href``), by a walk that stops there: the link sits
    in the head, and a search of the whole tree cost several times more."""
    for top in (*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()):
        if not isinstance(top.tag, str):
            continue
        for link in top.iter("link"):
            if link.get("rel") == "canonical" and (href := link.get("href")) is not None:
                return href
    return None


# --- the article body container of CMS pages ---------------------------------------------


def container_candidates(named: list[HtmlElement]) -> list[HtmlElement]:
    """The elements of ``named`` (those with an id or class) that have a container name as
    their id or one of their classes."""
    return [
        el
        for el in named
        if el.get("id") in _CONTAINER_RANK or ((cls := el.get("class")) and _names_container(cls))
    ]


@lru_cache(maxsize=4096)  # pages repeat the same class values ("menu-item", ...) many times
def _names_container(cls: str) -> bool:
    """Tell whether a class value holds a container name."""
    return not _CONTAINER_CLASSES.isdisjoint(cls.split())


def cms_container(html: str, candidates: list[HtmlElement]) -> HtmlElement | None:
    """The article body container of Hanweb/TRS/UCAP-style CMS pages, if one holds text.

    ``candidates`` are the :func:`container_candidates` found before chrome removal, each
    read as it is now, also one inside removed chrome; a bare id "c" on another tag than
    ``div`` names no container.
    """
    if "ContentStart" in html and (match := _CONTENT_MARKERS_RE.search(html)):
        fragment = fragment_fromstring(match.group(1), create_parent="div", parser=PARSER)
        if text_len(fragment) >= _MIN_CONTAINER_TEXT:
            return remove_chrome(fragment)
    found = sorted((_container_rank(el), i, el) for i, el in enumerate(candidates))
    return next(
        (el for rank, _, el in found if rank < _NO_RANK and text_len(el) >= _MIN_CONTAINER_TEXT),
        None,
    )


def _container_rank(el: HtmlElement) -> int:
    """Rank of the element's id/class in the container preference list (``_NO_RANK`` if none)."""
    el_id = el.get("id", "")
    # only div#c: a bare id "c" on other tags is too common to mean anything
    best = _CONTAINER_RANK.get(el_id, _NO_RANK) if el_id != "c" or el.tag == "div" else _NO_RANK
    for name in _CONTAINER_CLASSES.intersection(_classes(el)):
        best = min(best, _CONTAINER_RANK[name])
    return best


def _classes(el: HtmlElement) -> list[str]:
    """The element's class names."""
    return (el.get("class") or "").split()


# --- main text -----------------------------------------------------------------------------


def main_paragraphs(
    root: HtmlElement,
    container: HtmlElement | None,
    url: str,
    title: str | None,
    settings: ExtractionSettings = DEFAULT_SETTINGS,
    links: frozenset[str] | None = None,
) -> tuple[list[str], frozenset[str], Joined]:
    """Main body paragraphs, chrome removed, those of them recovered after the first pass, and
    the pairs of them a line break joins (see :mod:`crawler.extract.lines`); ``links``: the
    page's link texts (see :func:`clean_paragraphs`)."""
    page_text = root.text_content()
    if container is not None:
        tree = PARSER.makeelement("html")
        body = etree.SubElement(tree, "body")
        body.append(deepcopy(container))
        text, structured = trafilatura_text(tree, url, settings, tree.text_content())
        if len(text) < _CONTAINER_SHARE * len(norm(container.text_content())):
            text, structured = block_text(container), True
    else:
        text, structured = trafilatura_text(root, url, settings, page_text)
        if (whole := _whole_article(text, root)) is not None:
            text, structured = block_text(whole), True
        elif (laid := layout_text(text, root, block_text)) is not None:
            text, structured = laid, True
    if (dense := thin_text_source(text, root, page_text)) is not None:
        text, structured = block_text(dense), True
    found, joined = split_lines(text)
    scope = root if container is None else container
    paras = recover_blocks(found, scope, structured=structured) if settings.recover else found
    cleaned = clean_paragraphs(paras, title, settings.cut_zone, links)
    return cleaned, frozenset(paras) - frozenset(found), joined


def _main_text(
    html: str,
    root: HtmlElement,
    container: HtmlElement | None,
    url: str,
    titled: tuple[str | None, HtmlElement | None],
    settings: ExtractionSettings,
    anchors: frozenset[str],
) -> tuple[list[str], frozenset[str], Joined, str | None]:
    """:func:`main_paragraphs` and the title (``titled``: it and the element showing it); for a
    page without a CMS container whose markup yields only a teaser, those of the article its
    script state holds (:mod:`crawler.extract.script_state`), with the state's title when no
    element shows one."""
    title, title_el = titled
    paras, recovered, joined = main_paragraphs(root, container, url, title, settings, anchors)
    if container is not None or (state := state_article(html, root, paras)) is None:
        return paras, recovered, joined, title
    title = state.title or title if title_el is None else title
    paras, recovered, joined = main_paragraphs(root, state.body, url, title, settings, anchors)
    return paras, recovered, joined, title


def _whole_article(text: str, root: HtmlElement) -> HtmlElement | None:
    """The ``<article>`` whose whole text is ``text`` as one line: trafilatura's last resort on
    a short post, its heading, byline and paragraphs run together (its blocks then split it)."""
    if "\n" in text.strip():
        return None
    line = norm(text)
    return next((el for el in root.iter("article") if norm(el.text_content()) == line), None)


def block_text(element: HtmlElement) -> str:
    """Plain text of an element with one line per block (fallback for CMS containers), the
    lines ``<br>`` began marked."""
    element = deepcopy(element)
    for br in element.iter("br"):
        br.tail = f"\n{BREAK}{br.tail or ''}"
    for block in element.iter(*_BLOCK_TAGS):
        block.text = "\n" + (block.text or "")
        block.tail = "\n" + (block.tail or "")
    return element.text_content()


# --- helpers -------------------------------------------------------------------------------


def _fallback(date: datetime | None, tz: timezone) -> datetime | None:
    """The caller's fallback date, made aware with ``tz`` if naive; None if implausible."""
    if date is not None and date.tzinfo is None:
        date = date.replace(tzinfo=tz)
    return date if plausible(date, datetime.now(UTC)) else None
