"""Steps that stop reading early, or skip a search, give the answers of their plain definitions."""

from __future__ import annotations

import pytest

from crawler.extract.kind import _ARTICLE_TYPE_RE, _LIST_TYPE_RE, declared_article

_TYPES = [
    "",
    '{"@type": "NewsArticle"}',
    '{"@type": "CollectionPage"}',
    '{"@type": "ItemList"} {"@type": "BlogPosting"}',
    '{"@type": "BlogPosting"} {"@type": "ItemList"}',
    '{"@type": ["WebPage", "CollectionPage"]}',
    '{"@type": ["Thing", "Report"]} "@type" "@type": "Person"',
    '"@type""@type": "SearchResultsPage"',
    '{"@type" : "Organization"}',
]


def _plain_declared(html: str, meta: dict[str, str]) -> bool | None:
    og_type = meta.get("og:type", "").lower()
    if og_type == "product.group":
        return False
    if _LIST_TYPE_RE.search(html) and not _ARTICLE_TYPE_RE.search(html):
        return False
    if og_type == "article" or _ARTICLE_TYPE_RE.search(html):
        return True
    return None


@pytest.mark.parametrize("html", _TYPES)
@pytest.mark.parametrize("og_type", ["", "article", "website", "product.group"])
def test_a_declaration_read_in_one_pass_is_the_searches_one(html: str, og_type: str) -> None:
    meta = {"og:type": og_type}
    assert declared_article(f"<html>{html}</html>", meta) is _plain_declared(html, meta)
