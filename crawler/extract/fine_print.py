"""Closing fine print: the publisher's, the wire's or the analyst's notes after the article.

After the story come lines for the record rather than the reader: a disclaimer ("The article
reflects the author's opinions, and not necessarily the views of Example News", "The issuer is
solely responsible for the content of this announcement"), the publisher's investment disclaimer
("Past performance is no guarantee of future results"; the writer's own disclosure of the
shares held stays: it is the writer's word), a release's notice on its forward-looking
statements and that notice's heading, a note on how the text was made ("This article was
generated with the support of AI and reviewed by an editor", "This article is a transcript of
this conference call produced for Example"), the writer's one-line bio ("The author is a professor
at Example University") and the line giving the reporter's address ("Write to Jane Doe at
jane@example.com"). Among the text's last few paragraphs such a line goes; a paragraph of the
story that only mentions a disclosure is longer or does not start that way.
"""

from __future__ import annotations

import re

_FINE_PRINT_RE = re.compile(
    r"(?i)^(?:disclaimer\s*[:：]\s*)?(?:"
    r"(?:the |these |this |any )?(?:views?|opinions?|article|content|statements?)\b.{0,120}"
    r"\bnot necessarily (?:(?:reflect|represent)s? )?(?:the )?(?:views?|opinions?|position)"
    r" of\b|(?:the )?(?:issuer|company|publisher|author|sender)s? (?:is|are) solely responsible"
    r" for the content\b"
    r"|(?:[\w'’ ]{0,40}\bdisclosure\s*[:：]\s*)?past performance is no guarantee\b"
    r"|[\w,.&'’ -]{2,80} is an? registered investment advis[eo]r\b.{0,400}"
    r"\bpast performance is no guarantee\b"
    r"|this (?:article|story|content) (?:was|has been) (?:generated|written|produced|created)"
    r" with the (?:support|help|assistance) of (?:AI|artificial intelligence)\b"
    r"|this (?:article|page|document) is a transcript of\b"
    r"|write to [\w .'’-]{2,60} at [\w.+-]+@[\w-]+\.\w"
    r"|(?:this|the) (?:(?:press|news) )?(?:release|announcement|communication) (?:contains|includes"
    r"|may contain) (?:certain )?[\"“]?forward[- ]looking statements\b)"
)
# The heading of a release's legal notice ("Forward-Looking Statements", "Cautionary Note
# Regarding Forward-Looking Statements", "Safe Harbor Statement"), a line of its own.
_NOTICE_HEADING_RE = re.compile(
    r"(?i)(?:cautionary (?:note|statement|language)s?(?: (?:regarding|concerning|about|on))? )?"
    r"(?:forward[- ]looking (?:statements?|information)|safe harbou?r(?: statement)?)"
    r"(?: disclaimer)?\s*[:.]?"
)
# The writer's one-line bio, a post at a named place: "The author is a professor at Example
# University."
_BIO_RE = re.compile(
    r"(?i)^the (?:author|writer)s? (?:is|are) (?:an? |the )[\w '’-]{0,60}?"
    r"\b(?:at|of|for|with) (?:the )?(?-i:[A-Z])"
)
_BIO = 200  # a longer paragraph about the writer is the article's prose
_CLOSING = 6  # the fine print sits among the text's last this many paragraphs
_MAX_LINE = 600  # a longer paragraph is the article's prose


def is_fine_print(para: str) -> bool:
    """Tell whether a paragraph is a disclaimer, a disclosure, a note on the text's making, a
    one-line bio or a reporter's address."""
    line = para.strip()
    if len(line) < _BIO and (_BIO_RE.match(line) or _NOTICE_HEADING_RE.fullmatch(line)):
        return True
    return len(line) < _MAX_LINE and _FINE_PRINT_RE.match(line) is not None


def drop_fine_print(paras: list[str]) -> list[str]:
    """The paragraphs less the fine print among the last few (never all of them)."""
    start = max(len(paras) - _CLOSING, 0)
    kept = paras[:start] + [p for p in paras[start:] if not is_fine_print(p)]
    return kept or paras
