"""The subject, text and HTML of alert emails; every article-supplied string is escaped."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any
from urllib.parse import urlsplit

from alerts.records import AlertMessage
from alerts.text import amount

_STYLE = "font-family:sans-serif;font-size:14px;line-height:1.4"


def subject(message: AlertMessage) -> str:
    """``[dramawatch] <rule>: <story title>`` on one line."""
    return _one_line(f"[dramawatch] {message.rule}: {message.title}")


def digest_subject(messages: Sequence[AlertMessage]) -> str:
    """The subject of a digest: how many alerts, from which rules."""
    rules = ", ".join(dict.fromkeys(m.rule for m in messages))
    count = len(messages)
    return _one_line(f"[dramawatch] {count} alert{'s' * (count != 1)} ({rules})")


def text_body(messages: Sequence[AlertMessage]) -> str:
    """The plain-text part: each alert's summary, separated by rules."""
    parts = [m.text for m in messages]
    footer = "\n\n-- \ndramawatch delivery " + ", ".join(m.delivery_id for m in messages)
    return ("\n\n" + "-" * 40 + "\n\n").join(parts) + footer + "\n"


def html_body(messages: Sequence[AlertMessage]) -> str:
    """The HTML part: one escaped section per alert."""
    sections = "\n".join(_html_section(m) for m in messages)
    return f'<!DOCTYPE html>\n<html><body style="{_STYLE}">\n{sections}\n</body></html>\n'


def _html_section(message: AlertMessage) -> str:
    payload = message.payload
    title = escape(message.title)
    url = str(payload.get("url") or "")
    heading = f'<a href="{escape(url, quote=True)}">{title}</a>' if _is_web(url) else title
    rows = [
        f"<h3>{heading}</h3>",
        f"<p><b>Rule:</b> {escape(message.rule)} ({escape(message.kind)})",
        f"<br><b>Source:</b> {escape(str(payload.get('source') or ''))}",
        f"<br><b>Matched:</b> {escape(', '.join(map(str, payload.get('matched') or [])))}</p>",
    ]
    if payload.get("metric"):
        rows.append(_html_metric(payload["metric"]))
    if url and not _is_web(url):
        rows.append(f"<p>{escape(url)}</p>")
    return "<section>\n" + "\n".join(rows) + "\n</section>"


def _html_metric(metric: dict[str, Any]) -> str:
    unit = str(metric.get("unit") or "")
    pct = metric.get("change_pct")
    change = "new" if pct is None else f"{float(pct):+.1f}%"
    before = amount(float(metric["previous_value"]), unit)
    after = amount(float(metric["value"]), unit)
    return (
        f"<p><b>{escape(str(metric.get('key')))}</b> {escape(change)}: "
        f"{escape(before)} ({escape(str(metric.get('previous_period') or 'n/a'))}) &rarr; "
        f"{escape(after)} ({escape(str(metric.get('period') or 'n/a'))})</p>"
        f"<blockquote>{escape(str(metric.get('quote') or ''))}</blockquote>"
        f"<blockquote>{escape(str(metric.get('previous_quote') or ''))}</blockquote>"
    )


def _is_web(url: str) -> bool:
    # Only http(s) links become clickable: never javascript: or data: from a scraped page.
    return urlsplit(url).scheme in ("http", "https")


def _one_line(text: str) -> str:
    return " ".join(text.split())[:250]
