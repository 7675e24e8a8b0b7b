"""The page's headline repeated at the top of its text, under a kicker.

The text often opens with the title again, alone or with its date ("Short dramas win a wider
audience", "Short dramas win a wider audience May 1, 2024"), and a news page sets a kicker above
it: the story's section ("News", "Review"), a link back ("Back to selection"). The repeat goes,
with the kicker lines above it, a few words each, and the copies of it right after (a desktop
and a mobile headline).
"""

from __future__ import annotations

from crawler.extract.meta import squash

_KICKERS = 2  # kicker lines above a repeated title: at most this many ...
_KICKER_WORDS = 3  # ... of at most this many words each
_DATED = 20  # characters after the title's own in a repeat (its date)


def drop_leading_title(paras: list[str], title: str) -> list[str]:
    """The paragraphs less the title repeated at their start, with the kicker lines above it
    (a section label, a "Back to ..." link) and the copies of it right after."""
    for at, para in enumerate(paras[: _KICKERS + 1]):
        if _is_title_repeat(para, title):
            end = at + 1
            while end < len(paras) and _is_title_repeat(paras[end], title):
                end += 1
            return paras[end:]
        if not _is_kicker(para):
            break
    return paras


def _is_kicker(para: str) -> bool:
    """Tell whether a line reads as a kicker: a few words, no digit, no list item or label."""
    return (
        len(para.split()) <= _KICKER_WORDS
        and any(c.isalpha() for c in para)
        and not any(c.isdigit() for c in para)
        and not para.startswith("- ")
        and not para.endswith((":", "："))
    )


def _is_title_repeat(para: str, title: str) -> bool:
    """Tell whether a paragraph is the title again (possibly followed by a date)."""
    head, key = squash(para), squash(title)
    return bool(key) and head.startswith(key) and len(head) <= len(key) + _DATED
