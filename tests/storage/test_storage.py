"""The store: ingest outcomes, revisions, URLs seen, and full-text search incl. Chinese."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from storage import ArticleRecord, Store, article_search
from storage.cjk import index_text
from storage.query import fts5_match, parse_query

T0 = datetime(2025, 12, 7, 8, 0, tzinfo=UTC)


def _record(
    url: str, text: str, *, title: str = "t", published: datetime | None = T0, **kw
) -> ArticleRecord:  # type: ignore[no-untyped-def]
    return ArticleRecord(
        url=url,
        source=kw.pop("source", "src"),
        category="media",
        title=title,
        published_at=published,
        language="en",
        text=text,
        content_hash=kw.pop("hash", text),
        fetched_at=kw.pop("fetched", T0),
        **kw,
    )


def _never(_a: bytes, _b: bytes) -> bool:
    return False


def _ingest(store: Store, record: ArticleRecord):  # type: ignore[no-untyped-def]
    with store.transaction() as tx:
        source = tx.sources.ensure(record.source, "rss", "https://x.org/feed", "media")
        result = tx.articles.ingest(record, source, _never)
        tx.commit()
    return result


CORPUS = [
    ("https://a.org/1", "国家广播电视总局加强网络微短剧监管", "短剧 regulation notice"),
    ("https://a.org/2", "Micro-drama apps earned US$700M in Q1", "ReelShort and DramaBox lead"),
    ("https://a.org/3", "上海发布微短劇扶持政策", "網絡微短劇 產業 扶持"),
    ("https://a.org/4", "Shanghai marathon draws 38,000 runners", "A sports story with no drama."),
    ("https://a.org/5", "剧场与监制", "电视剧 监制 工作"),
]


@pytest.fixture
def corpus(store: Store) -> Store:
    for i, (url, title, text) in enumerate(CORPUS):
        _ingest(
            store,
            _record(url, text, title=title, published=T0 + timedelta(days=i), source=f"s{i % 2}"),
        )
    return store


def _search(store: Store, query: str | None, **kw) -> list[str]:  # type: ignore[no-untyped-def]
    with store.transaction() as tx:
        return [a.url for a in tx.archive.search(query, **kw)]


@pytest.mark.parametrize(
    "query,expected",
    [
        ("短剧", ["https://a.org/3", "https://a.org/1"]),  # 2 chars; Traditional 短劇 folded
        ("監管", ["https://a.org/1"]),  # Traditional query finds Simplified text
        ("监制", ["https://a.org/5"]),  # not a substring of 监管: no false hit
        ("微短剧 扶持", ["https://a.org/3"]),  # two terms are ANDed
        ("剧", ["https://a.org/5", "https://a.org/3", "https://a.org/1"]),  # one character
        ('"micro drama"', ["https://a.org/2"]),  # phrase matches "Micro-drama"
        ("reelshort OR marathon", ["https://a.org/4", "https://a.org/2"]),
        ("nothing-like-this", []),
    ],
)
def test_search_latin_and_chinese(corpus: Store, query: str, expected: list[str]) -> None:
    assert _search(corpus, query) == expected


def test_search_filters_and_default_order(corpus: Store) -> None:
    assert _search(corpus, None, limit=2) == ["https://a.org/5", "https://a.org/4"]
    assert _search(corpus, "剧", source="s0") == [
        "https://a.org/5",
        "https://a.org/3",
        "https://a.org/1",
    ]
    assert _search(corpus, "剧", since=T0 + timedelta(days=2)) == [
        "https://a.org/5",
        "https://a.org/3",
    ]


def _dated_corpus(store: Store) -> list[tuple[int, ArticleRecord]]:
    """Articles dated by a publication older or newer than their fetch, or by the fetch;
    fetched out of id order, from three sources."""
    rows = []
    for i in range(24):
        fetched = T0 + timedelta(hours=(7 * i) % 24)
        published = [None, fetched - timedelta(days=3), fetched + timedelta(hours=5), fetched]
        text = f"短剧 drama {i}" if i % 3 else f"drama only {i}"
        record = _record(
            f"https://d.org/{i}",
            text,
            published=published[i % 4],
            fetched=fetched,
            source=f"s{i % 3}",
        )
        rows.append((_ingest(store, record).article_id, record))
    return rows


def _expected(
    rows: list[tuple[int, ArticleRecord]],
    term: str | None,
    since: datetime | None,
    source: str | None,
    limit: int,
) -> list[str]:
    hits = [
        (record.published_at or record.fetched_at, record.fetched_at, id_, record.url)
        for id_, record in rows
        if (term is None or term in record.text.split())
        and (source is None or record.source == source)
        and (since is None or (record.published_at or record.fetched_at) >= since)
    ]
    return [hit[-1] for hit in sorted(hits, reverse=True)][:limit]


@pytest.mark.parametrize(
    "setting",
    [
        {},  # as shipped
        {"_PROBE_COST": 0},  # FTS5 looks up each candidate
        {"_PROBE_COST": 10**9},  # FTS5 walks the candidates' id span
        {"_CANDIDATES": 2},  # too many candidates: the plain newest-first walk
        {"_SORTED_MATCHES": 0},  # many matches: articles walked by date, matches as a set
    ],
    ids=["shipped", "lookups", "span", "walk", "date-walk"],
)
def test_search_since_and_source_match_their_definition(
    store: Store, monkeypatch: pytest.MonkeyPatch, setting: dict[str, int]
) -> None:
    for name, value in setting.items():
        monkeypatch.setattr(article_search, name, value)
    rows = _dated_corpus(store)
    sinces = [None, *(T0 + timedelta(hours=h) for h in (-72, -1, 5, 12, 19, 23, 28, 29))]
    for term in (None, "drama", "短剧", "only"):
        for since in sinces:
            for source in (None, "s1", "s2", "missing"):
                for limit in (3, 20):
                    found = _search(store, term, since=since, source=source, limit=limit)
                    assert found == _expected(rows, term, since, source, limit), (
                        term,
                        since,
                        source,
                        limit,
                    )


def test_index_text_segments_cjk_into_bigrams() -> None:
    assert index_text("微短劇 NRTA").split() == ["微短", "短剧", "剧", "NRTA"]
    parsed = parse_query('短剧 "vertical drama"')
    assert parsed is not None and fts5_match(parsed) == '"短剧" AND "vertical drama"'


def test_ingest_new_unchanged_duplicate_and_revision(store: Store) -> None:
    first = _ingest(store, _record("https://a.org/x", "body one"))
    assert (first.status, first.revision) == ("new", 1)
    assert _ingest(store, _record("https://a.org/x", "body one")).status == "unchanged"
    copy = _ingest(store, _record("https://mirror.org/y", "body one"))
    assert (copy.status, copy.article_id) == ("duplicate", first.article_id)
    revised = _ingest(
        store, _record("https://a.org/x", "body two", fetched=T0 + timedelta(hours=1))
    )
    assert (revised.status, revised.revision, revised.article_id) == (
        "revision",
        2,
        first.article_id,
    )
    with store.transaction() as tx:
        article = tx.articles.get(first.article_id)
        assert article is not None and article.text == "body two"
        assert sorted(u.url for u in article.urls) == ["https://a.org/x", "https://mirror.org/y"]
        assert [r.text for r in tx.articles.revisions(first.article_id)] == ["body one", "body two"]
        assert article.fetched_at.tzinfo is not None
    assert _search(store, "two") == ["https://a.org/x"] and _search(store, "one") == []


def test_naive_timestamps_are_refused(store: Store) -> None:
    with pytest.raises(Exception, match="naive datetime"):
        _ingest(store, _record("https://a.org/n", "x", published=datetime(2025, 1, 1)))


def test_search_stories_gives_one_row_per_story(store: Store) -> None:
    for url, text in [("https://a.org/s1", "短剧 one"), ("https://b.org/s1", "短剧 one copy")]:
        with store.transaction(write=True) as tx:
            source = tx.sources.ensure("src", "rss", "https://x.org/feed", "media")
            record = _record(url, text, signature=b"sig", bands=(7, 8))
            tx.articles.ingest(record, source, lambda _a, _b: True)
            tx.commit()
    _ingest(store, _record("https://c.org/other", "短剧 other"))
    with store.transaction() as tx:
        rows = tx.archive.search("短剧", stories=True)
        assert [(a.url, a.story.article_count) for a in rows] == [
            ("https://c.org/other", 1),
            ("https://b.org/s1", 2),
        ]
