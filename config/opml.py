"""OPML in and out: feed sources to and from feed readers."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import quoteattr

from lxml import etree

from config.schema import CATEGORIES, SourceConfig

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_SLUG = re.compile(r"[^a-z0-9]+")


def read_opml(data: bytes, taken: Iterable[str] = ()) -> list[dict[str, Any]]:
    """An rss source entry per feed outline; names made unique against ``taken``."""
    try:
        root = etree.fromstring(data, parser=_PARSER)
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"not an OPML file: {exc}") from None
    names = set(taken)
    entries = []
    for outline in root.iter("outline"):
        url = outline.get("xmlUrl")
        if not url or not url.startswith(("http://", "https://")):
            continue
        label = _slug(outline.get("title") or outline.get("text") or "")
        name = _unique(label or _slug(urlsplit(url).hostname or "") or "feed", names)
        entry: dict[str, Any] = {"name": name, "kind": "rss", "url": url}
        category = _category(outline)
        if category:
            entry["category"] = category
        entries.append(entry)
    return entries


def write_opml(sources: Iterable[SourceConfig], title: str = "dramawatch sources") -> str:
    """OPML 2.0 with the feed sources, one folder per category."""
    feeds = [s for s in sources if s.kind == "rss"]
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">',
             f"  <head><title>{_escape(title)}</title></head>", "  <body>"]  # fmt: skip
    for category in CATEGORIES:
        members = [s for s in feeds if s.category == category]
        if members:
            lines.append(f"    <outline text={quoteattr(category)}>")
            lines += [f"      {_outline(source)}" for source in members]
            lines.append("    </outline>")
    lines += ["  </body>", "</opml>"]
    return "\n".join(lines) + "\n"


def _outline(source: SourceConfig) -> str:
    name, url = quoteattr(source.name), quoteattr(source.url)
    return f'<outline type="rss" text={name} title={name} xmlUrl={url}/>'


def _category(outline: Any) -> str | None:
    for ancestor in outline.iterancestors("outline"):
        text = (ancestor.get("text") or ancestor.get("title") or "").strip().lower()
        if text in CATEGORIES:
            return text
    return None


def _slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-")[:40].strip("-")


def _unique(name: str, names: set[str]) -> str:
    candidate, number = name, 2
    while candidate in names:
        candidate, number = f"{name}-{number}", number + 1
    names.add(candidate)
    return candidate


def _escape(text: str) -> str:
    return quoteattr(text)[1:-1]
