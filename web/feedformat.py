"""Atom 1.0 and JSON Feed 1.1 documents of stories."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

ATOM_NS = "http://www.w3.org/2005/Atom"
# Characters XML 1.0 cannot carry at all (crawled text may hold them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Entry:
    """One story in a feed."""

    id: str
    title: str
    link: str
    updated: datetime
    published: datetime | None
    summary: str
    author: str
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class FeedInfo:
    """What a feed is about and where it lives."""

    id: str
    title: str
    self_url: str
    home_url: str


def clean(text: str | None) -> str:
    """Text fit for XML and one line where needed: control characters removed."""
    return _NOT_XML.sub("", text or "")


def _stamp(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def updated_of(entries: list[Entry]) -> datetime:
    """A feed's updated time: its newest entry's (the epoch when it has none)."""
    return max((entry.updated for entry in entries), default=EPOCH)


def atom(feed: FeedInfo, entries: list[Entry]) -> bytes:
    """The Atom document."""
    root = ET.Element("feed", xmlns=ATOM_NS)
    _text(root, "id", feed.id)
    _text(root, "title", feed.title)
    _text(root, "updated", _stamp(updated_of(entries)))
    ET.SubElement(root, "link", rel="self", href=feed.self_url, type="application/atom+xml")
    ET.SubElement(root, "link", rel="alternate", href=feed.home_url, type="text/html")
    _text(ET.SubElement(root, "author"), "name", "dramawatch")
    _text(root, "generator", "dramawatch")
    for entry in entries:
        _entry(root, entry)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8")


def _entry(root: ET.Element, entry: Entry) -> None:
    node = ET.SubElement(root, "entry")
    _text(node, "id", entry.id)
    _text(node, "title", " ".join(clean(entry.title).split()) or "(untitled)")
    ET.SubElement(node, "link", rel="alternate", href=entry.link)
    _text(node, "updated", _stamp(entry.updated))
    if entry.published is not None:
        _text(node, "published", _stamp(entry.published))
    _text(ET.SubElement(node, "author"), "name", clean(entry.author))
    for tag in entry.tags:
        ET.SubElement(node, "category", term=clean(tag))
    summary = ET.SubElement(node, "summary", type="text")
    summary.text = clean(entry.summary)


def _text(parent: ET.Element, name: str, value: str) -> None:
    ET.SubElement(parent, name).text = clean(value)


def json_feed(feed: FeedInfo, entries: list[Entry]) -> dict[str, object]:
    """The JSON Feed document."""
    return {
        "version": "https://jsonfeed.org/version/1.1", "title": feed.title,
        "home_page_url": feed.home_url, "feed_url": feed.self_url,
        "items": [_item(entry) for entry in entries],
    }  # fmt: skip


def _item(entry: Entry) -> dict[str, object]:
    item: dict[str, object] = {
        "id": entry.id, "url": entry.link, "title": " ".join(entry.title.split()),
        "content_text": entry.summary, "date_modified": _stamp(entry.updated),
        "authors": [{"name": entry.author}], "tags": list(entry.tags),
    }  # fmt: skip
    if entry.published is not None:
        item["date_published"] = _stamp(entry.published)
    return item
