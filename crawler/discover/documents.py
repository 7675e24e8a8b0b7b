"""What a fetched document is: a feed, a sitemap, a JSON list or an HTML page."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
_LINK_KEYS = re.compile(r"^(?:url|link|href|path|(?:article|detail|doc)_?url)$", re.IGNORECASE)
_TITLE_KEYS = re.compile(r"^(?:title|name|headline|subject)$", re.IGNORECASE)
_DATE_KEYS = re.compile(r"date|time|publish|pubtime|created", re.IGNORECASE)


@dataclass(frozen=True)
class JsonList:
    """Where a JSON document keeps its list of articles, as JMESPath, and how many."""

    items: str
    link: str
    title: str | None
    date: str | None
    count: int


@dataclass(frozen=True)
class Document:
    """A fetched document's kind (rss, sitemap, news-sitemap, json, html, other) and facts."""

    kind: str
    entries: int = 0
    json_list: JsonList | None = None
    facts: dict[str, Any] = field(default_factory=dict)


def classify(body: bytes, content_type: str) -> Document:
    """Tell a feed, a sitemap, a JSON list and an HTML page apart by their content."""
    head = body[:2048].lstrip().lower()
    if head.startswith((b"{", b"[")) or "json" in content_type:
        return _json_document(body)
    if head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head or b"<urlset" in head:
        return _xml_document(body)
    if "html" in content_type or b"<html" in head or b"<!doctype html" in head:
        return Document("html")
    return Document("other")


def _xml_document(body: bytes) -> Document:
    try:
        root = etree.fromstring(body, parser=_PARSER)
    except etree.XMLSyntaxError:
        return Document("other")
    if root is None:
        return Document("other")
    name = etree.QName(root).localname.lower()
    if name in ("rss", "feed", "rdf"):
        entries = sum(1 for e in root.iter() if etree.QName(e).localname in ("item", "entry"))
        return Document("rss", entries)
    if name in ("urlset", "sitemapindex"):
        news = b"google.com/schemas/sitemap-news" in body[:4096]
        return Document("news-sitemap" if news else "sitemap", len(root))
    return Document("other")


def _json_document(body: bytes) -> Document:
    try:
        document = json.loads(body.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError):
        return Document("other")
    found = json_list(document)
    return Document("json", found.count if found else 0, found)


def json_list(document: Any) -> JsonList | None:
    """The longest list of objects that carry a link, with the keys to read from each."""
    best: JsonList | None = None
    for path, items in _lists(document, ""):
        keys = set().union(*(item.keys() for item in items))
        link = next((k for k in sorted(keys) if _LINK_KEYS.match(k)), None)
        if link is None or (best and best.count >= len(items)):
            continue
        title = next((k for k in sorted(keys) if _TITLE_KEYS.match(k)), None)
        date = next((k for k in sorted(keys) if _DATE_KEYS.search(k)), None)
        best = JsonList(path or "@", _key(link), _key(title), _key(date), len(items))
    return best


def _lists(node: Any, path: str) -> Any:
    if isinstance(node, list) and node and all(isinstance(x, dict) for x in node):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _lists(value, f"{path}.{_key(key)}" if path else _key(key))


def _key(name: str | None) -> Any:
    """A JMESPath identifier for a JSON key (quoted when it is not a plain name)."""
    if name is None or re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        return name
    return json.dumps(name)
