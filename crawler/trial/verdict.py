"""The dry run's verdict: ok, warning or failing, with concrete hints."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from crawler.trial.articles import TrialArticle

_HINTS = {
    "HTTP 404": "the URL answers 404: check it in a browser, or run `dramawatch sources add URL`",
    "HTTP 403": "the site refuses the crawler (403): it may need another user_agent",
    "not JSON": "the URL does not answer JSON: use kind: html for a page, or find the list's API",
    "not a sitemap": "the URL is not a sitemap: try kind: html or rss",
    "malformed or empty feed": "the URL is not a feed: try `dramawatch sources add URL`",
    "robots.txt": "robots.txt forbids it: choose another page, or ask the site",
}


@dataclass(frozen=True)
class Verdict:
    """``status`` (ok | warning | failing), a one-line summary and hints."""

    status: str
    summary: str
    hints: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"status": self.status, "summary": self.summary, "hints": list(self.hints)}


def judge(
    error: str | None,
    warnings: Sequence[str],
    links: int,
    articles: Sequence[TrialArticle],
    page_errors: Sequence[Mapping[str, str]] = (),
    fenced: Sequence[str] = (),
) -> Verdict:
    """What the run says about the source, most serious first; ``page_errors`` are the linked
    pages that failed (``url``, ``error``), ``fenced`` the links not followed because they lead
    to another host."""
    if error:
        return Verdict("failing", error, tuple(h for k, h in _HINTS.items() if k in error))
    if warnings:
        return Verdict("warning", warnings[0], tuple(_hint_of(w) for w in warnings))
    with_text = [a for a in articles if a.length]
    on_topic = [a for a in with_text if a.on_topic]
    summary = f"{links} article links, {len(with_text)} with text, {len(on_topic)} on topic"
    summary += _failures(page_errors)
    if not links and fenced:
        return Verdict("warning", summary, (_fence_hint(fenced),))
    if not with_text and page_errors:
        hint = "the linked pages failed to load: open one in a browser; if the links are not "
        return Verdict("warning", summary, (hint + "articles, set link_selector",))
    if not with_text:
        return Verdict(
            "warning",
            summary,
            (
                "no article text was extracted from the linked pages: "
                "check that the links lead to articles",
            ),
        )
    if not on_topic:
        hint = "none of the articles is on topic: fine for a broad source, else set topic_keywords"
        return Verdict("ok", summary, (hint,))
    return Verdict("ok", summary)


def _fence_hint(fenced: Sequence[str]) -> str:
    """Name the hosts the links lead to, the commonest first, and the key that admits them."""
    hosts = [
        host for host, _ in Counter(urlsplit(url).hostname or "" for url in fenced).most_common(3)
    ]
    listed = ", ".join(host for host in hosts if host)
    return (
        f"{len(fenced)} links lead to other hosts ({listed}): if they are this source's "
        f"articles, add allowed_domains: [{listed}]"
    )


def _failures(page_errors: Sequence[Mapping[str, str]]) -> str:
    """``; 8 failed to load (HTTP 404 ×8)``, the commonest errors first; nothing when none."""
    if not page_errors:
        return ""
    counts = Counter(e["error"] for e in page_errors).most_common(3)
    errors = ", ".join(f"{error} ×{n}" if n > 1 else error for error, n in counts)
    return f"; {len(page_errors)} failed to load ({errors})"


def _hint_of(warning: str) -> str:
    return warning.split(": ", 1)[1] if warning.startswith("http") and ": " in warning else warning
