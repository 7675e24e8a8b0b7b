"""Closing fine print: the publisher's, the wire's or the analyst's notes after the article.

After the story come lines for the record rather than the reader: a disclaimer ("The article
reflects the author's opinions, and not necessarily the views of Example News", "The issuer is
solely responsible for the content of this announcement"), the publisher's investment disclaimer
("Past performance is no guarantee of future results"; the writer's own disclosure of the
shares held stays: it is the writer's word), a note on how the text was made ("This article was
generated with the support of AI and reviewed by an editor", "This article is a transcript of
this conference call produced for Example"), the writer's one-line bio ("The author is a professor
at Example University") and the line giving the reporter's address ("Write to Jane Doe at
jane@example.com"). Among the text's last few paragraphs such a line goes; a paragraph of the
story that only mentions a disclosure is longer or does not start that way.
"""

from __future__ import annotations

import re

_FINE_PRINT_RE = re.compile(
    r"(?i)\bnot necessarily (?:(?:reflect|represent)s? )?(?:the )?(?:views?|opinions?|position)"
    r" of\b|\bsolely responsible for the content\b"
    r"|\bpast performance is no guarantee\b"
    r"|^this (?:article|story|content) (?:was|has been) (?:generated|written|produced|created)"
    r" with the (?:support|help|assistance) of (?:AI|artificial intelligence)\b"
    r"|^this (?:article|page|document) is a transcript of\b"
    r"|^the (?:author|writer)s? (?:is|are) (?:an? |the )"
    r"|^write to [\w .'’-]{2,60} at [\w.+-]+@[\w-]+\.\w"
)
_CLOSING = 6  # the fine print sits among the text's last this many paragraphs
_MAX_LINE = 600  # a longer paragraph is the article's prose


def is_fine_print(para: str) -> bool:
    """Tell whether a paragraph is a disclaimer, a disclosure, a note on the text's making, a
    one-line bio or a reporter's address."""
    return len(para) < _MAX_LINE and _FINE_PRINT_RE.search(para.strip()) is not None


def drop_fine_print(paras: list[str]) -> list[str]:
    """The paragraphs less the fine print among the last few (never all of them)."""
    start = max(len(paras) - _CLOSING, 0)
    kept = paras[:start] + [p for p in paras[start:] if not is_fine_print(p)]
    return kept or paras
