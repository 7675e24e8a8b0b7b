"""The web app's read queries on both backends: story leads, filters, keyset pages, search."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from storage import ArticleRecord, Store, reading
from storage.reading import StoryFilter

T0 = datetime(2025, 6, 1, 8, 0, tzinfo=UTC)
# (url, source, language, title, text, days after T0, story group or None)
ROWS = [
    ("https://a.org/1", "gov", "zh", "监管通知", "国家广播电视总局加强网络微短剧监管", 0, None),
    ("https://a.org/2", "news", "en", "Apps earn", "Micro drama apps earned US$700M", 1, "apps"),
    ("https://b.org/2", "gov", "en", "Apps earn (copy)", "Micro drama apps earned 700M", 3, "apps"),
    ("https://a.org/3", "news", "zh", "扶持政策", "上海发布微短劇扶持政策", 2, None),
    ("https://a.org/4", "news", "en", "Studios", "Vertical drama studios open", 4, None),
    ("https://a.org/5", "gov", "en", "Rules", "New regulation for micro drama", 5, None),
]


def _same(_a: bytes, _b: bytes) -> bool:
    return True


@pytest.fixture
def archive(store: Store) -> Store:
    for url, source, language, title, text, days, group in ROWS:
        bands = (hash(group) & 0xFFFFFFF,) if group else (hash(url) & 0xFFFFFFF,)
        record = ArticleRecord(
            url=url, source=source, category="government" if source == "gov" else "media",
            title=title, published_at=T0 + timedelta(days=days), language=language, text=text,
            content_hash=url, fetched_at=T0, signature=b"sig", bands=bands,
        )  # fmt: skip
        with store.transaction(write=True) as tx:
            row = tx.sources.ensure(source, "rss", f"https://{source}.org/feed", record.category)
            tx.articles.ingest(record, row, _same)
            tx.commit()
    return store


def _titles(store: Store, filters: StoryFilter, limit: int = 20) -> list[str]:
    with store.transaction() as tx:
        leads, _ = tx.reading.stories(filters, None, limit)
        return [lead.title or "" for lead in leads]


def test_each_story_once_at_its_newest_copy(archive: Store) -> None:
    titles = _titles(archive, StoryFilter())
    assert titles == ["Rules", "Studios", "Apps earn (copy)", "扶持政策", "监管通知"]


def test_a_filter_picks_the_newest_matching_copy(archive: Store) -> None:
    assert _titles(archive, StoryFilter(source="news")) == ["Studios", "扶持政策", "Apps earn"]
    assert _titles(archive, StoryFilter(language="zh")) == ["扶持政策", "监管通知"]
    assert _titles(archive, StoryFilter(category="government")) == [
        "Rules", "Apps earn (copy)", "监管通知",
    ]  # fmt: skip
    window = StoryFilter(since=T0 + timedelta(days=1), until=T0 + timedelta(days=3))
    assert _titles(archive, window) == ["扶持政策", "Apps earn"]


def test_search_with_cli_syntax(archive: Store) -> None:
    assert _titles(archive, StoryFilter(query="监管")) == ["监管通知"]
    assert _titles(archive, StoryFilter(query="微短剧")) == ["扶持政策", "监管通知"]
    assert _titles(archive, StoryFilter(query='"micro drama" OR studios')) == [
        "Rules", "Studios", "Apps earn (copy)",
    ]  # fmt: skip
    assert _titles(archive, StoryFilter(query="nothingmatches")) == []


def test_keyset_pages_never_repeat_a_story(archive: Store) -> None:
    seen: list[str] = []
    after = None
    with archive.transaction() as tx:
        while True:
            leads, after = tx.reading.stories(StoryFilter(), after, 2)
            seen += [lead.title or "" for lead in leads]
            if after is None:
                break
    assert seen == _titles(archive, StoryFilter())


def test_story_facts_and_detail(archive: Store) -> None:
    with archive.transaction() as tx:
        leads, _ = tx.reading.stories(StoryFilter(source="gov"), None, 5)
        apps = next(lead for lead in leads if lead.title == "Apps earn (copy)")
        facts = tx.reading.story_facts([apps.story_id or 0])[apps.story_id or 0]
        assert facts.sources == ["gov", "news"] and facts.rules == [] and facts.figures == []
        detail = tx.reading.story(apps.story_id or 0)
        assert detail and [a.title for a in detail.copies] == ["Apps earn", "Apps earn (copy)"]
        assert tx.reading.story(999_999) is None
        health = {h.source.name: h.articles for h in tx.reading.source_health()}
        assert health == {"gov": 3, "news": 3}


@pytest.mark.parametrize("query", ["drama", "micro", '"micro drama" OR 监管', "微短剧"])
def test_reading_only_the_newest_matches_gives_the_same_pages(
    archive: Store, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    def pages(limit: int) -> list[str]:
        seen: list[str] = []
        after = None
        with archive.transaction() as tx:
            while True:
                leads, after = tx.reading.stories(StoryFilter(query=query), after, limit)
                seen += [lead.title or "" for lead in leads]
                if after is None:
                    return seen

    expected = pages(20)
    monkeypatch.setattr(reading, "FEW_MATCHES", 1)
    for recent in (1, 2, 3):
        monkeypatch.setattr(reading, "RECENT_MATCHES", recent)
        assert pages(1) == expected and pages(2) == expected


def test_entity_filter_uses_the_article_entity_table(archive: Store) -> None:
    tags = reading.entity_table_column().table
    with archive.transaction() as tx:
        ids = {a.url: a.id for a in tx.reading.articles(StoryFilter(), None, 50)[0]}
    with archive.engine.begin() as connection:
        connection.execute(tags.delete())
        connection.execute(tags.insert(), [
            {"article_id": ids["https://a.org/2"], "entity": "reelshort", "mentions": 1},
            {"article_id": ids["https://a.org/4"], "entity": "reelshort", "mentions": 2},
        ])  # fmt: skip
    assert _titles(archive, StoryFilter(entity="reelshort")) == ["Studios", "Apps earn"]
    assert _titles(archive, StoryFilter(entity="dramabox")) == []
    with archive.transaction() as tx:
        assert tx.reading.choices()["entity"] == ["reelshort"]
