"""Discover how to follow a site: its feeds, sitemaps, JSON lists and listing pages."""

from __future__ import annotations

from crawler.discover.documents import Document, JsonList, classify, json_list
from crawler.discover.fetch import Fetch, Fetched, http_fetcher
from crawler.discover.find import Candidate, discover

__all__ = [
    "Candidate", "Document", "Fetch", "Fetched", "JsonList", "classify", "discover",
    "http_fetcher", "json_list",
]  # fmt: skip
