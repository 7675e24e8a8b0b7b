"""Closing prompts: the reader addressed after the article ("Thanks for reading!", "Follow us on
Instagram", "If you enjoyed this post, share it with a friend", "Already a subscriber? Log in",
"Support the show", "Found a bug? Tell us", "We're funded by readers", "Download the Example
News app", "This story was originally featured on Example.com", "Example News is now on
WhatsApp! Join our channel", "Catch all the Business News ... on Example News", "Read more news
like this on Example.com").

Such a line asks the reader to act on the site, not to read on: among the text's last few
paragraphs, a short one that thanks the reader, asks them to follow, share, sign up, pay or
write in goes, and with it the short lines after it (its buttons: "Subscribe now", "Sign in"). A
paywall's prompt ("To read the full story, subscribe") ends the text the reader may see: with
only short lines after it, it goes with all of them, in Chinese too ("本文為會員限定文章",
"訂閱信報全文": see :mod:`crawler.extract.paywall_zh`).
"""

from __future__ import annotations

import re

from crawler.extract.date_parse import MONTH_START
from crawler.extract.meta import ODD_FOLDS
from crawler.extract.paywall_zh import is_paywall_zh

# A paywall's prompt: the text the reader may see ends there.
_PAYWALL = (
    r"\bto (?:continue|keep) reading\b"
    r"|\b(?:subscribe|sign up|register|log in|sign in) (?:now )?to (?:read|continue|unlock)\b"
    r"|\b(?:read|unlock) the (?:full|whole|rest of the) (?:story|article)\b"
)
_PAYWALL_RE = re.compile(_PAYWALL, re.IGNORECASE)
_PROMPT_RE = re.compile(
    r"(?i)^(?:thanks|thank you) for (?:reading|visiting|watching|listening)"
    r"|\b(?:follow|find|join) (?:me|us) on\b"
    r"|^if you (?:enjoyed|liked|found)\b"
    r"|\bshare (?:this|it) with\b"
    r"|\b(?:sign up|subscribe|register) (?:for|to) (?:my|our)\b"
    r"|\balready an? (?:subscriber|member)\b"
    r"|\b(?:get|enjoy) unlimited (?:digital )?access\b|\bbecome an? (?:member|subscriber)\b"
    r"|(?:^|[.!]\s)download (?:the|our) (?:[\w-]+ ){0,4}app\b"
    r"|\bdownload (?:the|our) (?:[\w-]+ ){0,4}app to stay\b"
    r"|\bnow on (?:whatsapp|telegram)\b|\bjoin (?:our|the) (?:[\w'’-]+ ){0,3}channel\b"
    r"|^\(?(?:catch|get|read) (?:all|more|the latest)(?: the)?(?: latest)? (?:[\w,-]+ ){0,8}news\b"
    r".{0,80}\bon (?!(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)"
    r"(?-i:[A-Z])[\w.&'’-]*(?:,? (?-i:[A-Z])[\w.&'’-]*){0,4}(?: and more)?[.!)]*$"
    rf"|{_PAYWALL}"
    r"|^support (?:the|our|this) (?:show|podcast|newsletter|journalism|work)\b"
    r"|^[^.?!]{3,60}\? ?(?:tell us|let us know|contact us|get in touch|email us|write to us)"
    r"(?: here| below)?[.!]?$"
    r"|\bfunded by (?:its |our )?readers\b|\bsupport us from as little as\b"
    r"|\bwherever you (?:get|listen to) (?:your )?podcasts\b"
    r"|^(?:this|the) (?:story|article|post) (?:was )?originally (?:appeared|published|featured)"
    rf" (?:on|in|at) (?!{MONTH_START}\w*\b)"
    r"(?-i:[A-Z])[\w.&'’-]*(?: (?-i:[A-Z])[\w.&'’-]*){0,4}\.?$"
)
_CLOSING = 4  # the prompts sit among the text's last this many paragraphs
_PAYWALL_CLOSING = 8  # a paywall's prompt sits among the text's last this many paragraphs
_MAX_PROMPT = 250  # a longer paragraph is the article's prose
BUTTON = 40  # a prompt's buttons and links after it are shorter than this


# Words that every match of _PROMPT_RE holds: a line without any in lower case (nor one of the
# characters of ODD_FOLDS) is searched no further (the search tries every alternative at every
# character).
_PROMPT_WORDS = tuple(
    "thank|follow|find|join|if you|share |sign up|subscribe|register|already a|unlimited"
    "|become a|download |reading|read the |unlock the |support |funded by|wherever you|log in"
    "|sign in|originally|now on |channel|catch |get |read |tell us|let us know|contact us"
    "|get in touch|email us|write to us".split("|")
)


def is_prompt(para: str) -> bool:
    """Tell whether a paragraph is a short prompt addressed to the reader."""
    if len(para) >= _MAX_PROMPT:
        return False
    lower = para.lower()
    if not any(word in lower for word in _PROMPT_WORDS) and not any(c in para for c in ODD_FOLDS):
        return False
    return bool(_PROMPT_RE.search(para))


def is_paywall(text: str) -> bool:
    """Tell whether a text holds a paywall's prompt ("To read the full story, subscribe",
    "本文为付费内容"): the text the reader may see ends there."""
    return bool(_PAYWALL_RE.search(text)) or is_paywall_zh(text)


def drop_closing_prompts(paras: list[str]) -> list[str]:
    """The paragraphs less the reader prompts among the last few, a prompt followed by buttons
    only with them, and a paywall's prompt followed by short lines only with them (never all
    of the paragraphs)."""
    paras = _cut_paywall(paras)
    head, tail = paras[:-_CLOSING], paras[-_CLOSING:]
    for at, para in enumerate(tail):
        if is_prompt(para) and all(len(p) < BUTTON for p in tail[at + 1 :]):
            tail = tail[:at]
            break
    kept = head + [p for p in tail if not is_prompt(p)]
    return kept or paras


def _cut_paywall(paras: list[str]) -> list[str]:
    """The paragraphs before a paywall's prompt among the last few, when only lines shorter
    than prose follow it (the paywall's buttons and fine print); never none of them."""
    start = max(len(paras) - _PAYWALL_CLOSING, 1)
    for at in range(start, len(paras)):
        if (
            len(paras[at]) < _MAX_PROMPT
            and is_paywall(paras[at])
            and all(len(p) < _MAX_PROMPT for p in paras[at + 1 :])
        ):
            return paras[:at]
    return paras
