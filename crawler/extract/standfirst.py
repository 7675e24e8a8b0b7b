"""A Chinese standfirst: the summary a site sets between the headline and the article's body.

Sites set a story's lead under its headline, outside the body's container ("在北美站穩腳跟之後，
中國短劇平台開始把目光投向歐洲。……" above the byline and the body): the main text then starts
with the body and lacks it. A paragraph after the title element and before the element holding
the text's first paragraph, not already in the text, that reads as prose (finished sentences of
some length, hardly any of it in links, not a caption nor inside a link) comes back before the
text. Only a Chinese text's: English pages set editors' notes, affiliate disclosures and session
details there, in sentences too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crawler.extract.blocks import block_key
from crawler.extract.density import is_cjk
from crawler.extract.meta import ends_sentence, norm, squashed_len, text_len

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_MIN_CHARS = 30  # a standfirst holds this many characters (whitespace aside) at least
_MAX_LINKS = 0.2  # a paragraph with more of its text in links is navigation
_MAX_LEADS = 2  # more paragraphs between the title and the body are no standfirst
_BLOCKS = frozenset(("p", "div"))  # the blocks read between the title and the body
_MAX_BLOCKS = 40  # a body further from the title than this many blocks has no standfirst
_OUTSIDE = frozenset("a figure figcaption nav header footer aside form button label".split())


def with_standfirst(paras: list[str], title_el: HtmlElement | None) -> list[str]:
    """``paras`` with the standfirst set between ``title_el`` and their first paragraph put
    back before them."""
    if not paras or title_el is None or not is_cjk("".join(paras)):
        return paras
    first, joined = block_key(paras[0]), block_key(" ".join(paras))
    leads: list[str] = []
    seen_title, read = False, 0
    for el in title_el.getroottree().iter():
        if el is title_el:
            seen_title = True
            continue
        if not seen_title or el.tag not in _BLOCKS or title_el in el.iterancestors():
            continue
        read += 1
        if read > _MAX_BLOCKS:
            return paras
        key = block_key(el.text_content())
        if key and (first in key or key in first):
            return [*leads, *paras] if leads else paras
        if el.tag == "p" and key and key not in joined and _reads_as_lead(el):
            leads.append(norm(el.text_content()))
            if len(leads) > _MAX_LEADS:
                return paras
    return paras


def _reads_as_lead(el: HtmlElement) -> bool:
    """Tell whether a paragraph reads as a standfirst: prose of finished sentences, long
    enough, hardly linked, outside captions, links and page chrome."""
    text = norm(el.text_content())
    chars = squashed_len(text)
    if chars < _MIN_CHARS:
        return False
    if not ends_sentence(text) or any(a.tag in _OUTSIDE for a in el.iterancestors()):
        return False
    linked = sum(text_len(a) for a in el.iter("a"))
    return linked <= _MAX_LINKS * chars
