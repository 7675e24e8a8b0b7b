"""What a dry run shows of each article: the extraction, topic verdict, figures and chrome."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from lxml import html as lxml_html

from crawler.analysis import analyse_page

_SKIP = ("script", "style", "noscript", "template", "head")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w")
MAX_CHROME_SAMPLES = 8


@dataclass(frozen=True)
class TrialArticle:
    """One article as the crawl would store it, and what was left out of it."""

    url: str
    title: str | None
    published_at: datetime | None
    language: str | None
    length: int
    on_topic: bool
    matched: tuple[str, ...]
    figures: tuple[dict[str, Any], ...]
    chrome_removed: tuple[str, ...] = field(default=())
    chrome_chars: int = 0

    def as_dict(self) -> dict[str, Any]:
        """The contract's article fields and the extra detail."""
        return {
            "url": self.url, "title": self.title, "language": self.language,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "length": self.length, "on_topic": self.on_topic, "matched": list(self.matched),
            "figures": list(self.figures),
            "chrome_removed": {"chars": self.chrome_chars, "samples": list(self.chrome_removed)},
        }  # fmt: skip


def analyse_article(item: Any, metrics: tuple[Any, ...], keywords: Any) -> TrialArticle:
    """Extract an article item as the crawl's pipelines would, without storing anything."""
    analysis = analyse_page(
        item.html, item.url, metrics=metrics, fallback_title=item.fallback_title,
        fallback_date=item.fallback_date, language_hint=item.language_hint,
    )  # fmt: skip
    extracted = analysis.extracted
    title = extracted.title or item.fallback_title
    matched = tuple(keywords(f"{title or ''}\n{extracted.text}"))
    observations = analysis.text.observations if analysis.text else []
    removed = chrome_lines(item.html, extracted.text, title)
    return TrialArticle(
        item.url, title, analysis.published_at, extracted.language or item.language_hint,
        len(extracted.text), bool(matched), matched, tuple(_figure(o) for o in observations),
        tuple(removed[:MAX_CHROME_SAMPLES]), sum(len(line) for line in removed),
    )  # fmt: skip


def chrome_lines(html: str, text: str, title: str | None) -> list[str]:
    """The page's text blocks that the extraction left out (menus, sign-in boxes, footers)."""
    try:
        root = lxml_html.document_fromstring(html)
    except (ValueError, TypeError):
        return []
    body = root.find(".//body")
    kept = _SPACE.sub("", f"{title or ''}{text}")
    lines: list[str] = []
    for element in body.iter() if body is not None else ():
        if not isinstance(element.tag, str):
            continue
        pieces = (element.tail,) if element.tag in _SKIP else (element.text, element.tail)
        for piece in pieces:
            line = _SPACE.sub(" ", piece or "").strip()
            if _WORD.search(line) and _SPACE.sub("", line) not in kept and line not in lines:
                lines.append(line)
    return lines


def _figure(observation: Any) -> dict[str, Any]:
    return {"metric": observation.metric, "value": observation.value, "unit": observation.unit,
            "period": observation.period, "quote": observation.quote}  # fmt: skip
