"""Closing prompts: the reader addressed after the article ("Thanks for reading!", "Follow us on
Instagram", "If you enjoyed this post, share it with a friend", "Already a subscriber? Log in").

Such a line asks the reader to act on the site, not to read on: among the text's last few
paragraphs, a short one that thanks the reader, asks them to follow, share, sign up or pay goes,
and with it the short lines after it (its buttons: "Subscribe now", "Sign in").
"""

from __future__ import annotations

import re

_PROMPT_RE = re.compile(
    r"(?i)^(?:thanks|thank you) for (?:reading|visiting|watching|listening)"
    r"|\b(?:follow|find|join) (?:me|us) on\b"
    r"|^if you (?:enjoyed|liked|found)\b"
    r"|\bshare (?:this|it) with\b"
    r"|\b(?:sign up|subscribe|register) (?:for|to) (?:my|our)\b"
    r"|\bto (?:continue|keep) reading\b|\balready an? (?:subscriber|member)\b"
    r"|\b(?:get|enjoy) unlimited (?:digital )?access\b|\bbecome an? (?:member|subscriber)\b"
    r"|\b(?:read|unlock) the (?:full|whole|rest of the) (?:story|article)\b"
)
_CLOSING = 4  # the prompts sit among the text's last this many paragraphs
_MAX_PROMPT = 250  # a longer paragraph is the article's prose
_BUTTON = 40  # a prompt's buttons and links after it are shorter than this


def is_prompt(para: str) -> bool:
    """Tell whether a paragraph is a short prompt addressed to the reader."""
    return len(para) < _MAX_PROMPT and bool(_PROMPT_RE.search(para))


def drop_closing_prompts(paras: list[str]) -> list[str]:
    """The paragraphs less the reader prompts among the last few, a prompt followed by buttons
    only with them (never all of the paragraphs)."""
    head, tail = paras[:-_CLOSING], paras[-_CLOSING:]
    for at, para in enumerate(tail):
        if is_prompt(para) and all(len(p) < _BUTTON for p in tail[at + 1 :]):
            tail = tail[:at]
            break
    kept = head + [p for p in tail if not is_prompt(p)]
    return kept or paras
