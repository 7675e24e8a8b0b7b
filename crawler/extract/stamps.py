"""Date stamps: the article's posting date, laid out as a line of its own above the text.

The lines around a headline that state when the article was posted or updated ("Jun 08, 2023 •
11 Minute Read", "Last updated on September 16th, 2023 at 09:27 am", "Posted on December 18,
2025 Posted by A. Writer", "3 min read · 2 days ago") are the page's metadata, not the
article's words: among the text's first few paragraphs, a short line that is a date (or a
relative stamp: "2 days ago", "2小时前") and little else goes. A line ending with a colon
announces what follows ("Effective beginning 6/2/2025:") and stays, and so does a sentence that
merely holds a date. Dates are those of the shared patterns (``date_parse``; relative stamps
those of ``relative_date``); a CJK character counts as a word, so a
Chinese line holding a date ("（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）")
is a sentence. The byline block's labels and values go as well, laid out one a line without a
date: a line of stamp words only ("Written by", "Last updated on:", "PUBLISHED", "Estimated
reading time:", "1 minute") and a bare byline ("By Jane Doe").
"""

from __future__ import annotations

import re

from crawler.extract.date_parse import ANY_DATE_RE
from crawler.extract.relative_date import AGO_RE
from storage.cjk import HAN

# the words a stamp holds besides its dates: when (and in which time zone), by whom or from
# where ("March 20, 2025 08:00 ET | Source: Example Research"), how long a read
_STAMP_WORDS = frozenset(
    """last updated update posted published originally submitted on at in by date am pm
    min mins minute minutes read source et est edt ct cst cdt pt pst pdt gmt utc bst cet
    cest""".split()
)
# the labels of a byline block, a line each, besides those words
_LABEL_WORDS = _STAMP_WORDS | frozenset("written reviewed edited reading time estimated".split())
# a bare byline: "By" and a name of two to four capitalised words ("By Jane Doe", "by A. J.
# Neal"), not a heading ("By Car", "By The Numbers")
_BYLINE_RE = re.compile(r"(?i:by)\s+(?!The\b)(?:[A-Z][\w.'’-]*\s*){2,4}")
_SEPARATOR_RE = re.compile(r"\s*[·•|]\s*|^\s+|\s+$")  # between a byline's parts
_WORD_RE = re.compile(rf"[^\W\d_{HAN}]+|[{HAN}]")  # a CJK character is a word
_OPENING = 4  # stamps sit among the text's first this many paragraphs
_MAX_STAMP = 80  # a longer line is a sentence
_MAX_OTHER_WORDS = 3  # a stamp holds at most this many other words (an author's name)


def is_stamp(para: str) -> bool:
    """Tell whether a paragraph is a date stamp: short, holding a date, not ending with a colon,
    and with at most a name's worth of words besides the date and stamp words; or a byline
    label without a date (:func:`is_label`)."""
    line = para.strip()
    if len(line) >= _MAX_STAMP:
        return False
    if not ANY_DATE_RE.search(line) and not AGO_RE.search(line):
        return is_label(line)
    if line.endswith((":", "：")):
        return False
    words = _WORD_RE.findall(AGO_RE.sub(" ", ANY_DATE_RE.sub(" ", line)).lower())
    other = [word for word in words if word not in _STAMP_WORDS]
    return len(other) <= _MAX_OTHER_WORDS


def is_label(line: str) -> bool:
    """Tell whether a short line without a date is a byline label: stamp words only ("Written
    by", "Last updated on:", "1 minute") or "By" and a name, or such parts set apart by dots or
    bars ("By Jane Doe · 24 min read")."""
    parts = [part for part in _SEPARATOR_RE.split(line) if part]
    return bool(parts) and all(_is_label_part(part) for part in parts)


def _is_label_part(part: str) -> bool:
    """Tell whether a part of a byline line is stamp words only or "By" and a name."""
    if _BYLINE_RE.fullmatch(part):
        return True
    words = _WORD_RE.findall(part.lower())
    return bool(words) and all(word in _LABEL_WORDS for word in words)


def drop_stamps(paras: list[str]) -> list[str]:
    """The paragraphs less the date stamps among the first few (never all of them)."""
    head, tail = paras[:_OPENING], paras[_OPENING:]
    kept = [p for p in head if not is_stamp(p)] + tail
    return kept or paras
