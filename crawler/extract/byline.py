"""Dates shown beside the article's title: the byline's bare or "Published" date, and its
"Updated" date, read from a few lines of text around the title element (and around the page's
``<h1>`` when the title is another element: the byline then sits under the page heading).

The lines after the title end where the article's text ends: past a short story come the dates
of other pages' teasers ("Latest news", "More news"), never the story's own. A picture's caption
among them is left out (the day the photo was taken), and a credit line right above the title
keeps its date though its section links follow it ("KYODO NEWS - Dec 3, 2026 | Business")."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC
from itertools import islice
from typing import TYPE_CHECKING

from lxml import etree

from crawler.extract.date_parse import dates_in
from crawler.extract.meta import XPATH_SPACE, norm, squashed_len
from crawler.extract.relative_date import has_relative, relative_dates
from crawler.extract.text_nodes import TextCuts, pieces
from storage.cjk import HAN

if TYPE_CHECKING:
    from collections.abc import Iterator, Set
    from datetime import date, datetime, timezone

    from lxml.html import HtmlElement

# How much text around the title still belongs to its byline (text nodes, then characters).
# Only nodes with text count: the blank ones between the tags of indented HTML are layout.
_BEFORE_NODES, _BEFORE_CHARS = 6, 60
_AFTER_NODES, _AFTER_CHARS = 80, 800
# Past this many characters after the title, only a date labelled as published or updated is
# the byline's: an unlabelled one that far down is more likely a date of the article's text.
_BARE_CHARS = 400
_LINK_XPATH = etree.XPath("ancestor-or-self::a")
_DIGIT_RE = re.compile(r"\d")
_PICTURES = ("img", "picture", "figure")
# An entry of a list of links: a date beside a link there is the linked page's.
_LINKED_ENTRY_XPATH = etree.XPath("ancestor-or-self::li[.//a]")
# A quotation (a pinned reader's comment, an embedded post): a date in it is the quoted words'.
_QUOTE_XPATH = etree.XPath("ancestor-or-self::blockquote")
_HEADLINE_WORDS = 4  # a link this long is a headline: the box holding it is another story's card
# A line that points to another story ("Up next: The editors · December 6, 2026"): its date is
# that story's.
_POINTER_RE = re.compile(
    r"(?i)(?:up next|read next|next|previous|coming up)\b(?:\s+(?:story|article|post))?\s*[:：]"
    r"|下一篇|上一篇"
)
_LABEL_CHARS = 25  # how far before a date its label may sit
_END_CHARS = 40  # the text's closing characters sought in the lines after the title
_STORY_WORDS = 12  # a paragraph this long opens the story: a byline is shorter
_UPDATED_RE = re.compile(r"(?i)updated|modified|reviewed|revised|更新|编辑于|修改于")
_PUBLISHED_RE = re.compile(r"(?i)published|posted|发布|发表")
# A date labelled as a work's release or first showing dates the film, series or game a review
# or a guide writes about ("84 episodes · Released October 14, 2026"), not the page. Not "release
# date": a statistics or media release's own date line says that ("Media release · Date: ...").
_WORK_DATE_RE = re.compile(r"(?i)\breleased\b|premiered|first aired|上映|首播|开播")
# What follows a date inside a Chinese sentence: an ideograph, or a clause's comma or enumeration
# mark ("截至2025年7月31日，公司……").
_SENTENCE_GOES_ON_RE = re.compile(rf"[{HAN}，、；]")
# What precedes a date inside a Chinese sentence: an ideograph, or the end of the sentence
# before it (not a label's colon: "发布时间：2025年…").
_SENTENCE_BEFORE_RE = re.compile(rf"[{HAN}。！？；]")


_Held = tuple[str, "HtmlElement | None"]  # a text and the element holding it


@dataclass(frozen=True)
class TitleContext:
    """The title element's text and the text right before and after it."""

    title: str
    before: str
    after: str
    heading: TitleContext | None = None  # the page's ``<h1>`` when the title is another element


def title_context(title_el: HtmlElement, cuts: TextCuts | None = None) -> TitleContext:
    """The title element's text and the few lines of text around it, with the page heading's
    when the title is not the ``<h1>``; ``cuts`` tells where removed elements left texts of
    two text nodes (see :func:`crawler.extract.chrome.strip_code`)."""
    heading = None
    cuts = cuts or {}
    if title_el.tag != "h1":
        h1 = title_el.getroottree().getroot().find(".//h1")
        if h1 is not None and h1.find(".//a") is None:
            heading = _context(h1, cuts)
    return _context(title_el, cuts, heading)


def ending_with(context: TitleContext, text: str) -> TitleContext:
    """The context with the lines after the title (its heading's too) cut where the article's
    ``text`` ends: at the last place they hold its closing characters, if any."""
    end = closing_chars(text, _END_CHARS)
    at = context.after.rfind(end) if len(end) == _END_CHARS else -1
    after = context.after if at < 0 else context.after[: at + len(end)]
    heading = context.heading and ending_with(context.heading, text)
    return replace(context, after=after, heading=heading)


def before_story(context: TitleContext, text: str) -> TitleContext:
    """The context with the lines after the title cut where the text's first dated paragraph of
    prose (``_STORY_WORDS`` words or more) begins, when they hold its opening: a date there
    ("Premiered March 3, 2026." in a list of series) is the text's, not the byline's."""
    for line in text.split("\n"):
        if len(line.split()) < _STORY_WORDS:
            continue
        at = context.after.find(norm(line[: 4 * _END_CHARS])[:_END_CHARS])
        if at >= 0 and next(dates_in(line, UTC), None) is not None:
            return replace(context, after=context.after[:at])
    return context


def closing_chars(text: str, chars: int) -> str:
    """``norm(text)[-chars:]``, collapsing only the end of the text: the collapsed
    end of a text is the end of the whole text collapsed, whatever word the cut splits."""
    size = 4 * chars
    while size < len(text):
        tail = norm(text[-size:])
        if len(tail) >= chars:
            return tail[-chars:]
        size *= 4
    return norm(text)[-chars:]


def _context(
    element: HtmlElement, cuts: TextCuts, heading: TitleContext | None = None
) -> TitleContext:
    """An element's text and the few lines of text around it."""
    return TitleContext(
        element.text_content(),
        norm(" ".join(_up_to_a_link(_texts_before(element, cuts), element)))[-_BEFORE_CHARS:],
        _text_after(element, cuts),
        heading,
    )


def _text_after(element: HtmlElement, cuts: TextCuts) -> str:
    """The start (``_AFTER_CHARS``), whitespace collapsed, of the text nodes after the element
    (:func:`_texts_after`), read until they hold that many characters besides whitespace: the
    collapsed start of the nodes read is then the collapsed start of all of them."""
    texts: list[str] = []
    held = 0
    for text in _texts_after(element, cuts):
        texts.append(text)
        held += squashed_len(text)
        if held >= _AFTER_CHARS:
            break
    return norm(" ".join(texts))[:_AFTER_CHARS]


def _texts_after(element: HtmlElement, cuts: TextCuts) -> Iterator[str]:
    """The first text nodes after the element (XPath's ``following::text()``) that are not
    blank, by a walk that stops where the reader stops."""
    texts = (
        text
        for level in (element, *element.iterancestors())
        for text in _following_texts(level, cuts)
        if text.strip(XPATH_SPACE)
    )
    return islice(texts, _AFTER_NODES)


def _texts_before(element: HtmlElement, cuts: TextCuts) -> list[_Held]:
    """The last text nodes before the element (XPath's ``preceding::text()``) that are not
    blank, with the elements holding them."""
    texts = (
        held
        for level in (element, *element.iterancestors())
        for held in _preceding_texts(level, cuts)
        if held[0].strip(XPATH_SPACE)
    )
    return list(islice(texts, _BEFORE_NODES))[::-1]


def _preceding_texts(level: HtmlElement, cuts: TextCuts) -> Iterator[_Held]:
    """The text nodes before an element inside its parent, nearest first: each earlier
    sibling's tail and texts, then the parent's own text."""
    parent = level.getparent()
    for sibling in level.itersiblings(preceding=True):
        yield from ((text, parent) for text in reversed(pieces(sibling.tail, sibling, True, cuts)))
        if isinstance(sibling.tag, str):
            yield from _texts_backwards(sibling, cuts)
    if parent is not None:
        yield from ((text, parent) for text in reversed(pieces(parent.text, parent, False, cuts)))


def _texts_backwards(element: HtmlElement, cuts: TextCuts) -> Iterator[_Held]:
    """The text nodes of an element's subtree with the elements holding them, last first."""
    for child in reversed(element):
        yield from ((text, element) for text in reversed(pieces(child.tail, child, True, cuts)))
        if isinstance(child.tag, str):
            yield from _texts_backwards(child, cuts)
    yield from ((text, element) for text in reversed(pieces(element.text, element, False, cuts)))


def _following_texts(level: HtmlElement, cuts: TextCuts) -> Iterator[str]:
    """The text nodes after an element inside its parent, in document order: its tail, then
    each later sibling's texts and tail."""
    yield from pieces(level.tail, level, True, cuts)
    for sibling in level.itersiblings():
        if isinstance(sibling.tag, str) and not _is_caption(sibling):
            yield from _texts_forwards(sibling, cuts)
        yield from pieces(sibling.tail, sibling, True, cuts)


def _texts_forwards(element: HtmlElement, cuts: TextCuts) -> Iterator[str]:
    """The text nodes of an element's subtree in document order, a picture's caption left out."""
    yield from pieces(element.text, element, False, cuts)
    for child in element:
        if isinstance(child.tag, str) and not _is_caption(child):
            yield from _texts_forwards(child, cuts)
        yield from pieces(child.tail, child, True, cuts)


def _up_to_a_link(before: list[_Held], title_el: HtmlElement) -> list[str]:
    """The texts before the title back to the nearest link, list entry holding one or card of
    another story: before the title, link texts are menus and archive links, a date in a list
    entry beside a link, or in a box beside a headline's link (``_in_card``), dates the linked
    page ("Latest" rails), one in a quotation (a pinned comment) the quoted words, and one in a
    line pointing to another story ("Up next:") that story,
    and what comes before them (a top bar's date) is not the byline. The
    links of the line right above the title, one with a number in it, are that line's own
    ("KYODO NEWS - Dec 3, 2026 - 14:22 | Business, All"): a credit line's sections."""
    kept: list[str] = []
    line = _dated_line(before[-1]) if before else None
    for text, holder in reversed(before):
        links = _LINK_XPATH(holder) if holder is not None else []
        if links and (line is None or links[0].getparent() is not line):
            break
        if holder is not None and (_LINKED_ENTRY_XPATH(holder) or _in_card(holder, title_el, line)):
            break
        if holder is not None and _POINTER_RE.match(norm(holder.text or "")):
            break
        if holder is not None and _quoted(holder, title_el):
            break
        kept.append(text)
    return kept[::-1]


def _quoted(holder: HtmlElement, title_el: HtmlElement) -> bool:
    """Tell whether a text's element is in a quotation that does not hold the title."""
    return any(
        not any(up is quote for up in title_el.iterancestors()) for quote in _QUOTE_XPATH(holder)
    )


def _in_card(holder: HtmlElement, title_el: HtmlElement, line: HtmlElement | None) -> bool:
    """Tell whether a text's element, or the box holding it, is another story's card: it does
    not hold the title and holds a link of a headline's length ("Werewolf series finale breaks
    record" above "Dec 5, 2026"). The credit line right above the title (``line``) is none."""
    for box in (holder, holder.getparent()):
        if box is None or any(up is box for up in title_el.iterancestors()):
            return False
        if box is not line and any(
            len(a.text_content().split()) >= _HEADLINE_WORDS for a in box.iter("a")
        ):
            return True
    return False


def _dated_line(held: _Held) -> HtmlElement | None:
    """The element holding the text right before the title (a link's parent for a link's
    text), when its own text, outside its children, has a number in it (a menu's "Archive
    2025-11-27" link is no credit line's date)."""
    holder = held[1]
    if holder is None:
        return None
    links = _LINK_XPATH(holder)
    line = links[0].getparent() if links else holder
    if line is None:
        return None
    own = "".join([line.text or "", *(child.tail or "" for child in line)])
    return line if _DIGIT_RE.search(own) else None


def shown_date(
    context: TitleContext,
    tz: timezone,
    *,
    updated: bool,
    known: Set[date] = frozenset(),
    day_first: bool | None = None,
) -> datetime | None:
    """The date nearest the title, among those labelled as updates or among the others
    (``known``: the days the page's metadata states; ``day_first``: the page's order of a
    numeric day and month; see ``date_parse.parse_loose``)."""
    found = [
        (start, shown)
        for start, label, shown in _dates(context.after, tz, known, day_first=day_first)
        if bool(_UPDATED_RE.search(label)) == updated
        and (start < _BARE_CHARS or updated or _PUBLISHED_RE.search(label))
        and not _WORK_DATE_RE.search(label)
    ]
    found += [
        (len(context.before) - end, shown)
        for end, label, shown in _dates(
            context.before, tz, known, from_end=True, day_first=day_first
        )
        if bool(_UPDATED_RE.search(label)) == updated and not _WORK_DATE_RE.search(label)
    ]
    return min(found, key=lambda pair: pair[0])[1] if found else None


def _dates(
    text: str,
    tz: timezone,
    known: Set[date],
    *,
    from_end: bool = False,
    day_first: bool | None = None,
) -> list[tuple[int, str, datetime]]:
    """Dates in ``text`` with their offset (start, or end when ``from_end``) and label, less
    those written inside a Chinese sentence (a deadline "于2025年4月30日前"): the text's."""
    return [
        (end if from_end else start, text[max(0, start - _LABEL_CHARS) : start], found)
        for start, end, found in dates_in(text, tz, known, day_first=day_first)
        if not in_sentence(text, start, end)
    ]


def in_sentence(text: str, start: int, end: int) -> bool:
    """Tell whether a date without a clock time has an ideograph or a Chinese sentence's
    punctuation before it ("。2025年12月1日至…") and an ideograph or a clause's comma after it:
    a byline's date stands apart, or carries its time ("新华网2025年3月26日10:30来源")."""
    return (
        start > 0
        and ":" not in text[start:end]
        and _SENTENCE_BEFORE_RE.match(text, start - 1) is not None
        and _SENTENCE_GOES_ON_RE.match(text, end) is not None
    )


def shows_relative(context: TitleContext) -> bool:
    """Tell whether the lines right after the title, or those before it, show a relative stamp
    ("2 days ago"): its day is known only from the fetch time or from another line."""
    return has_relative(context.after[:_BARE_CHARS]) or has_relative(context.before)


def shown_relative(context: TitleContext, fetched_at: datetime, tz: timezone) -> datetime | None:
    """The relative stamp ("3 hours ago", "昨天 10:30") nearest after the title, or else before
    it, resolved against the fetch time; one labelled as an update is not a publication."""
    for text in (context.after[:_BARE_CHARS], context.before):
        for start, date in relative_dates(text, fetched_at, tz):
            if not _UPDATED_RE.search(text[max(0, start - _LABEL_CHARS) : start]):
                return date
    return None


def _is_caption(element: HtmlElement) -> bool:
    """A picture's caption (``<figcaption>``, or an element its class names a caption beside
    the picture): the day a photo was taken ("... in Tokyo on Nov. 28") is not the byline's. A
    "caption" class on a label away from any picture ("Author") is only its type style."""
    if element.tag == "figcaption":
        return True
    if "caption" not in (element.get("class") or "").lower():
        return False
    parent = element.getparent()
    return parent is not None and next(parent.iter(*_PICTURES), None) is not None
