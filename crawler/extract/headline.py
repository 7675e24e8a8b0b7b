"""The page's headline repeated at the top of its text, under a kicker.

The text often opens with the title again, alone or with its date ("Short dramas win a wider
audience", "Short dramas win a wider audience May 1, 2024"), and a news page sets a kicker above
it: the story's section ("News", "Review"), a link back ("Back to selection"). The repeat goes,
with the kicker lines above it, a few words each, and the copies of it right after (a desktop
and a mobile headline). So does a run of three or more short list items above it: a notice's
facts (发布机构, 文号) whose labels were lost, or breadcrumbs; a lone item stays. A menu's items
above it, each line a link of the page, go however many there are.
"""

from __future__ import annotations

from crawler.extract.blocks import block_key
from crawler.extract.meta import squash

_KICKERS = 2  # kicker lines above a repeated title: at most this many ...
_KICKER_WORDS = 3  # ... of at most this many words each
_MENU = 8  # menu items above a repeated title: at most this many more lines are read
_DATED = 20  # characters after the title's own in a repeat (its date)
_ITEM = "- "
# Short list items above a repeated title: a run of at least _MIN_FACTS, at most _FACTS.
_MIN_FACTS, _FACTS, _FACT_CHARS = 3, 8, 40


def drop_leading_title(
    paras: list[str], title: str, links: frozenset[str] | None = None
) -> list[str]:
    """The paragraphs less the title repeated at their start, with the kicker lines above it
    (a section label, a "Back to ..." link) and the copies of it right after; a kicker line
    that is the whole text of one of the page's ``links`` (as :func:`block_key` writes them) is a
    menu's item, any number of which may stand above the title."""
    kickers = facts = 0
    for at, para in enumerate(paras[: _FACTS + _MENU + 1]):
        if _is_title_repeat(para, title):
            if facts and facts < _MIN_FACTS:
                break
            end = at + 1
            while end < len(paras) and _is_title_repeat(paras[end], title):
                end += 1
            return paras[end:]
        kickers += _is_kicker(para) and block_key(para) not in (links or ())
        facts += _is_fact(para)
        if kickers > _KICKERS or not (_is_kicker(para) or _is_fact(para)):
            break
    return paras


def _is_fact(para: str) -> bool:
    """Tell whether a line is a short list item (a fact of a notice, a breadcrumb)."""
    return para.startswith(_ITEM) and len(para) <= _FACT_CHARS


def _is_kicker(para: str) -> bool:
    """Tell whether a line reads as a kicker: a few words, no digit, no list item or label."""
    return (
        len(para.split()) <= _KICKER_WORDS
        and any(c.isalpha() for c in para)
        and not any(c.isdigit() for c in para)
        and not para.startswith(_ITEM)
        and not para.endswith((":", "："))
    )


def _is_title_repeat(para: str, title: str) -> bool:
    """Tell whether a paragraph is the title again (possibly followed by a date)."""
    head, key = squash(para), squash(title)
    return bool(key) and head.startswith(key) and len(head) <= len(key) + _DATED
