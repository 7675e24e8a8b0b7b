"""Stories an endless page appends after its own.

A page that loads the next story as the reader scrolls holds, after the story its title heads,
more elements built like that story's (same tag, a class in common: a listicle's bare sections
are not alike). Each opens with a heading that links to another page of the same site, holds no
other linked heading and holds a story's prose. The first of them, and all that follows it
beside the page's story ("Next story", a loader, the stories after it), is not the page's text.

The page's own heading links nowhere and its story holds prose of its own: a listing, whose
items' headings link to the items, and a guide whose sections head each entry with a link to
its own site are left alone, and so is a box holding several linked headlines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from crawler.extract.meta import ends_sentence, norm, squashed_len, text_len

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_HEADINGS = ("h1", "h2", "h3")
_STORY_TEXT = 400  # an appended story holds this much text (without whitespace) at least
_LABEL = 40  # a story opens with its heading, under a label of this much text at most
_PROSE = 2  # a story holds this many paragraphs of prose
_PROSE_LEN = 60  # a paragraph of prose: this much text (without whitespace), ending a sentence
_TOPS = frozenset({"html", "body"})


def drop_next_stories(title_el: HtmlElement | None, url: str) -> None:
    """Remove, in place, the stories appended after the story that ``title_el`` heads on the
    page at ``url``."""
    if title_el is None or title_el.tag not in _HEADINGS or _link_of(title_el) is not None:
        return
    host = urlsplit(url).hostname
    for story in (title_el, *title_el.iterancestors()):
        if story.tag in _TOPS:
            return
        later = [el for el in story.itersiblings() if isinstance(el.tag, str)]
        first = next((i for i, el in enumerate(later) if _next_story(el, story, url, host)), None)
        if first is None:
            continue
        if not _holds_prose(story):
            return
        for el in later[first:]:
            el.drop_tree()
        for el in later[:first]:  # what stands between: "Next story", a divider
            if text_len(el) < _STORY_TEXT:
                el.drop_tree()
        return


def _next_story(element: HtmlElement, story: HtmlElement, url: str, host: str | None) -> bool:
    """Tell whether ``element`` is built like ``story`` and is a story of its own on the site
    at ``host``."""
    if element.tag != story.tag or not _same_classes(element, story):
        return False
    if text_len(element) < _STORY_TEXT:
        return False
    linked = [h for h in element.iter(*_HEADINGS) if _link_of(h) is not None]
    if len(linked) != 1 or next(element.iter(*_HEADINGS)) is not linked[0]:
        return False
    href = _link_of(linked[0]) or ""
    return (
        urlsplit(urljoin(url, href)).hostname == host
        and _text_before(linked[0], element) <= _LABEL
        and _holds_prose(element)
    )


def _same_classes(one: HtmlElement, other: HtmlElement) -> bool:
    """Tell whether two elements share a class name (two elements with none are not alike:
    a listicle's bare sections are no stories)."""
    return bool(set(one.classes) & set(other.classes))


def _link_of(heading: HtmlElement) -> str | None:
    """The address ``heading`` links to when it is a link to another page (its text a link's,
    not to a fragment of this page), else None."""
    link = next(heading.iter("a"), None)
    if link is None:
        link = next(heading.iterancestors("a"), None)
    href = None if link is None else link.get("href")
    if link is None or not href or href.startswith("#"):
        return None
    return href if norm(link.text_content()) == norm(heading.text_content()) else None


def _text_before(heading: HtmlElement, element: HtmlElement) -> int:
    """The length (without whitespace) of the text ``element`` holds before ``heading``."""
    around = set(heading.iterancestors())
    held = 0
    for node in element.iter():
        if node is heading:
            break
        held += squashed_len(node.text or "")
        if node not in around:  # a node before the heading ends before it, its tail too
            held += squashed_len(node.tail or "")
    return held


def _holds_prose(element: HtmlElement) -> bool:
    """Tell whether ``element`` holds ``_PROSE`` paragraphs of prose."""
    found = 0
    for paragraph in element.iter("p"):
        text = paragraph.text_content()
        if squashed_len(text) >= _PROSE_LEN and ends_sentence(text):
            found += 1
            if found == _PROSE:
                return True
    return False
