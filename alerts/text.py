"""Human-readable alert summaries (the webhook ``text``, the email body, apprise messages)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from alerts.records import ArticleFacts, ObservationFacts

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand"))


def amount(value: float, unit: str) -> str:
    """``50440000000, "CNY"`` -> ``"50.44 billion CNY"``; percents stay percents."""
    if unit == "percent":
        return f"{value:g}%"
    for scale, word in _SCALES:
        if abs(value) >= scale:
            return f"{value / scale:.4g} {word} {unit}".rstrip()
    return f"{value:g} {unit}".rstrip()


def keyword_text(rule: str, article: ArticleFacts, matched: list[str], revised: bool) -> str:
    """Summary of a keyword alert: a new story, a revision that newly matches, or a later copy
    of a story stored before that is the first of its copies to match."""
    what = "Revised story" if revised else "Later copy" if article.later_copy else "New story"
    origin = ", ".join(one_line(part) for part in (article.source, article.category) if part)
    return (
        f"[{rule}] {what}: {one_line(article.title or '') or '(untitled)'}"
        + (f" ({origin})" if origin else "")
        + f"\nMatched: {', '.join(map(one_line, matched))}\n{one_line(article.url)}"
    )


def metric_text(rule: str, metric: dict[str, Any], new: ObservationFacts) -> str:
    """Summary of a metric-change alert: both values, the change and both quotes."""
    unit = metric["unit"]
    pct = metric["change_pct"]
    change = "new" if pct is None else f"{pct:+.1f}%"
    before = f"{amount(metric['previous_value'], unit)} ({metric['previous_period'] or 'n/a'})"
    after = f"{amount(metric['value'], unit)} ({metric['period'] or 'n/a'})"
    about = [metric.get("entity") or "sector", metric.get("region"), metric.get("basis")]
    series = ", ".join(part for part in about if part and part != "period")
    return (
        f"[{rule}] {metric['key']} ({series}) {change}: {before} -> {after}"
        f"\nNow: {one_line(metric['quote'] or '')}"
        f"\nBefore: {one_line(metric['previous_quote'] or '')}"
        f"\n{one_line(new.url or '')}"
    ).rstrip()


def health_text(rule: str, headline: str, url: str) -> str:
    """Summary of a source-health alert."""
    return f"[{rule}] {one_line(headline)}\n{one_line(url)}"


def one_line(value: str) -> str:
    """A scraped string on one line: CR, LF and other line breaks become single spaces.

    Each summary line has a meaning ("Matched: ..."), so a title must not start new ones.
    """
    return " ".join(value.split())
