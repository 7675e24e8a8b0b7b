"""Credit lines: the photographer or agency of a picture, left between the text's paragraphs.

A picture's credit ("Photo: Shutterstock", "Image credit: © Agency/Name", "Photo courtesy of
Example Studio") is laid out under the figure as a line of its own, a caption's fine print rather
than the article's words. Such a line is a label with a colon (or "courtesy of") and a short
value; a label alone ("Credits:") announces the list after it and stays. A "Source:" line stays
too: it may name the story's news agency. A newswire's line naming who issued a release ("News
provided by Example Studio") is a credit as well. So is a caption ending with its picture's
credit ("The studio's set in May. Photo: Jane Doe"): the figure's words, not the article's.
"""

from __future__ import annotations

import re

_CREDIT_RE = re.compile(
    r"(?i)^(?:photo|image|credit|photograph|illustration)s?(?: credits?| by)?\s*[:：]"
    r"\s*\S.{0,80}$|^(?:photo|image|picture)s? courtesy of\b[:：]?\s*[^.!?]{1,60}$"
    r"|^(?:news|content|(?:press )?release) (?:provided|distributed|issued) by"
    r"\s+\S.{0,80}(?<![.!?])$"
)
# a sentence, then the credit: "(Photo: Getty Images)", "Credit: Jane Doe", "Photo by: 'J. Doe'."
_CAPTION_RE = re.compile(
    r"(?i)[.!?)”\"’']\s+\(?(?:photo|image|credit|photograph|illustration)s?(?: credits?| by)?"
    r"\s*[:：]\s*(?-i:[A-Z©'‘\"“])[^.:：]{1,60}\.?\)?$"
)
_MAX_LINE = 100  # a longer line is a sentence about the source, not its credit
_MAX_CAPTION = 300  # a longer paragraph ending with a credit is the article's prose


def is_credit_line(para: str) -> bool:
    """Tell whether a paragraph is a picture's credit line, or a caption ending with one."""
    if len(para) < _MAX_LINE and _CREDIT_RE.match(para):
        return True
    return len(para) < _MAX_CAPTION and bool(_CAPTION_RE.search(para))


def drop_credit_lines(paras: list[str]) -> list[str]:
    """The paragraphs less the figures' credit lines (never all of them)."""
    kept = [p for p in paras if not is_credit_line(p)]
    return kept or paras
