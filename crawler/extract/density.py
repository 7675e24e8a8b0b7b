"""A text- and punctuation-density second opinion for CJK pages, used to trim the text's edges.

The main text (from trafilatura or a CMS container) sometimes starts or ends with page chrome
that sits in the same container or beside it: an account's profile box, a tag line, a column's
blurb, previous/next links. Like GeneralNewsExtractor, every element of the cleaned page gets a
score from its non-link text per tag and the punctuation of that text; the best element is the
article body as prose sees it. Short unpunctuated paragraphs at the start or end of the text that
this element does not hold are dropped: never one inside the text, never a sentence, and only
when the element holds most of the text. Sentences of the element that the text lacks between
two of its lines (a list item the extractor skipped) are put back in place. When the text holds
only a small share of that element (a share bar or a QR-code prompt taken for the article), the
element's text replaces it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import etree

from crawler.extract.meta import norm, squash, squashed_len
from storage.cjk import HAN, HAN_RE

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# A run of letters of other scripts: one word, as one CJK character is.
_WORD_RE = re.compile(rf"[^\W\d_{HAN}]+")
_PUNCT_RE = re.compile(r"[，。！？；：、,.!?;:]")
_CANDIDATE_TAGS = frozenset({"div", "article", "section", "td", "main", "body", "p"})
_TEXT_TAGS = frozenset({"p", "span", "br", "font", "strong", "b", "section"})
_CJK_SAMPLE = 3000  # characters read to tell a CJK text
_MIN_CJK_SHARE = 0.3  # of the text's words, for the text to be treated as CJK
_MIN_COVER = 0.6  # the best element must hold this share of the text's characters
_MIN_PARAS = 2
_PROSE_LEN = 20
_SENTENCE_RE = re.compile(r"[，。；]")
_MIN_ANCHOR = 4  # a shorter line (a number, a bullet) places nothing
_LINE_TAGS = frozenset(
    "p div li section br h1 h2 h3 h4 h5 h6 blockquote pre tr td ul ol table figcaption".split()
)
_MIN_HELD = 0.2  # a text holding less than this share of the densest prose is replaced by it
_MIN_RESCUE_PUNCT = 5  # ... when that element is prose: this many punctuation marks at least


@dataclass
class _Stats:
    """Counts of one element's subtree: characters, link characters, tags, links, punctuation."""

    chars: int = 0
    link_chars: int = 0
    tags: int = 0
    links: int = 0
    punct: int = 0
    text_tags: int = 0

    def add(self, other: _Stats) -> None:
        """Fold a child's counts into this element's."""
        self.chars += other.chars
        self.link_chars += other.link_chars
        self.tags += other.tags + 1
        self.links += other.links
        self.punct += other.punct
        self.text_tags += other.text_tags

    def add_text(self, other: _Stats) -> None:
        """Fold a run of text (a child's tail) into this element's counts."""
        self.chars += other.chars
        self.punct += other.punct


def is_cjk(text: str) -> bool:
    """Tell whether CJK characters make up a good share of the text's words (a CJK character
    counts as one word, as does a run of other letters: code in a Chinese text is not prose)."""
    sample = text[:_CJK_SAMPLE]
    cjk = len(HAN_RE.findall(sample))
    return cjk > 0 and cjk >= _MIN_CJK_SHARE * (cjk + len(_WORD_RE.findall(sample)))


def trim_edges(paras: list[str], root: HtmlElement) -> list[str]:
    """The paragraphs less leading and trailing ones outside the densest prose element, with
    that element's sentences they lack inside the text put back."""
    if len(paras) < _MIN_PARAS or not is_cjk("".join(paras)):
        return paras
    best = densest_element(root)
    if best is None:
        return paras
    body = squash(best.text_content())
    keys = [squash(p) for p in paras]
    inside = [bool(key) and key in body for key in keys]
    total = sum(map(len, keys)) or 1
    if sum(len(k) for k, ok in zip(keys, inside, strict=True) if ok) < _MIN_COVER * total:
        return paras
    keep = [ok or _is_prose(p) for p, ok in zip(paras, inside, strict=True)]
    first = keep.index(True)
    last = len(keep) - 1 - keep[::-1].index(True)
    kept = paras[first : last + 1]
    return kept if best.tag == "body" else restore_gaps(kept, block_lines(best))


def block_lines(element: HtmlElement) -> list[str]:
    """The element's text, one line per block (paragraph, list item, section, line break)."""
    lines: list[str] = []
    run: list[str] = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if isinstance(node.tag, str) and node.tag in _LINE_TAGS:
            lines.append(norm("".join(run)))
            run.clear()
        if event == "start":
            run.append(node.text or "")
        elif node is not element:
            run.append(node.tail or "")
    lines.append(norm("".join(run)))
    return [line for line in lines if line]


def restore_gaps(paras: list[str], lines: list[str]) -> list[str]:
    """The paragraphs with the sentences of ``lines`` (the densest element's) that they lack
    put back where they stand, between two lines the paragraphs hold (never at an edge)."""
    keys = [squash(p) for p in paras]
    text = "".join(keys)
    placed: dict[int, list[str]] = {}
    last = -1  # the paragraph holding the latest line found
    pending: list[str] = []  # sentences missing since that line
    for line in lines:
        key = squash(line)
        if len(key) < _MIN_ANCHOR:
            continue
        if key in text:
            if pending:
                placed.setdefault(last, []).extend(pending)
            pending = []
            start = max(last, 0)
            last = next((k for k in range(start, len(keys)) if key in keys[k]), start)
        elif last >= 0 and _is_prose(line):
            pending.append(line)
    return [q for i, p in enumerate(paras) for q in (p, *placed.get(i, ()))]


def thin_text_source(text: str, root: HtmlElement, raw: str) -> HtmlElement | None:
    """The densest prose element of a CJK page (``raw``: its text) when ``text`` holds little
    of it (a share-bar or a QR-code prompt taken for the article), else None."""
    if HAN_RE.search(raw) is None:  # not a CJK page, whatever else it holds
        return None
    held = len(squash(text))
    # squashing drops whitespace and more: the page's length without whitespace bounds it
    if held >= _MIN_HELD * squashed_len(raw) or not is_cjk(_squashed_head(raw)):
        return None
    if held >= _MIN_HELD * len(squash(raw)):
        return None
    best = densest_element(root)
    if best is None or best.tag == "body":  # the whole page is no opinion on where prose is
        return None
    prose = best.text_content()
    if held >= _MIN_HELD * len(squash(prose)) or len(_PUNCT_RE.findall(prose)) < _MIN_RESCUE_PUNCT:
        return None
    return best


def _squashed_head(text: str) -> str:
    """The start of ``squash(text)``, as much of it as :func:`is_cjk` reads, squashing only a
    prefix of the text when that is enough."""
    head = squash(text[: 4 * _CJK_SAMPLE])
    return head if len(head) >= _CJK_SAMPLE else squash(text)


def _is_prose(para: str) -> bool:
    """A sentence of some length with a comma or a full stop: kept wherever it sits."""
    return len(para) >= _PROSE_LEN and bool(_SENTENCE_RE.search(para))


def densest_element(root: HtmlElement) -> HtmlElement | None:
    """The element whose text is densest prose: non-link characters per tag, weighted by its
    count of text tags and punctuation marks (GeneralNewsExtractor's score, simplified)."""
    stats: dict[HtmlElement, _Stats] = {}
    best, best_score = None, 0.0
    for element in reversed(list(root.iter())):
        if not isinstance(element.tag, str):
            continue
        own = _text_stats(element.text)
        for child in element:
            if (child_stats := stats.pop(child, None)) is not None:
                own.add(child_stats)
            own.add_text(_text_stats(child.tail))
        own.text_tags += element.tag in _TEXT_TAGS
        if element.tag == "a":
            own.link_chars, own.links = own.chars, own.links + 1
        stats[element] = own
        if element.tag in _CANDIDATE_TAGS and (score := _score(own)) > best_score:
            best, best_score = element, score
    return best


def _text_stats(text: str | None) -> _Stats:
    """Counts of one run of text."""
    if not text:
        return _Stats()
    return _Stats(chars=squashed_len(text), punct=len(_PUNCT_RE.findall(text)))


def _score(stats: _Stats) -> float:
    """Text density times the weight of text tags and punctuation."""
    text = stats.chars - stats.link_chars
    if text <= 0:
        return 0.0
    if stats.tags <= stats.links:  # a leaf: a single paragraph is not a container
        return 0.0
    density = text / (stats.tags - stats.links)
    return density * math.log10(stats.text_tags + 2) * math.log(stats.punct + 2)
