"""Search: publication order, Latin spelling variants, NOT, ranked stories and the total."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from storage import ArticleRecord, Store, article_search

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def _add(
    store: Store,
    url: str,
    text: str,
    published: datetime | None,
    fetched: datetime,
    *,
    story_band: int | None = None,
) -> None:
    record = ArticleRecord(
        url=url,
        source="src",
        category="media",
        title=url.rsplit("/", 1)[-1],
        published_at=published,
        language="en",
        text=text,
        content_hash=url,
        fetched_at=fetched,
        signature=b"sig" if story_band else None,
        bands=(story_band,) if story_band else (),
    )
    with store.transaction(write=True) as tx:
        source = tx.sources.ensure("src", "rss", "https://x.org/feed", "media")
        tx.articles.ingest(record, source, lambda _a, _b: True)
        tx.commit()


@pytest.fixture(autouse=True, params=["sorted", "date-walk"])
def plan(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both ways SQLite answers newest first: few matches sorted, many walked by date."""
    if request.param == "date-walk":
        monkeypatch.setattr(article_search, "_SORTED_MATCHES", 0)


@pytest.fixture
def archive(store: Store) -> Store:
    """Fetched in one order, published in another; three spellings of one term."""
    _add(store, "https://a.org/oct", "Micro-drama apps grow", T0 - timedelta(days=90), T0)
    _add(store, "https://a.org/feb", "The microdrama boom", T0 + timedelta(days=40), T0)
    _add(store, "https://a.org/dec", "Micro dramas regulated", T0 - timedelta(days=20), T0)
    _add(store, "https://a.org/undated", "microdramas again", None, T0 + timedelta(days=1))
    _add(store, "https://a.org/tie1", "tennis final", T0, T0 + timedelta(hours=1))
    _add(store, "https://a.org/tie2", "tennis open", T0, T0 + timedelta(hours=2))
    return store


def _urls(store: Store, query: str | None, **kw) -> list[str]:  # type: ignore[no-untyped-def]
    with store.transaction() as tx:
        return [a.url.rsplit("/", 1)[-1] for a in tx.archive.search(query, **kw)]


def test_newest_published_first_fetch_time_breaks_ties(archive: Store) -> None:
    assert _urls(archive, None) == ["feb", "undated", "tie2", "tie1", "dec", "oct"]


@pytest.mark.parametrize("query", ["micro-drama", "micro-dramas", "microdrama", "Microdramas"])
def test_latin_spellings_are_one_term(archive: Store, query: str) -> None:
    assert sorted(_urls(archive, query)) == ["dec", "feb", "oct", "undated"]


def test_quoted_phrases_stay_exact(archive: Store) -> None:
    assert _urls(archive, '"micro drama"') == ["oct"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("microdrama -regulated", ["feb", "undated", "oct"]),
        ("microdramas boom", ["feb"]),
        ("micro-drama grows OR regulated", ["dec", "oct"]),
        ("microdrama NOT regulated NOT boom", ["undated", "oct"]),
        ("-microdrama", ["tie2", "tie1"]),
        ("NOT tennis NOT microdrama", []),
        ('tennis OR boom -"open"', ["feb", "tie1"]),
    ],
)
def test_not_excludes_terms(archive: Store, query: str, expected: list[str]) -> None:
    assert _urls(archive, query) == expected


def test_count_is_the_total_beyond_the_limit(archive: Store) -> None:
    with archive.transaction() as tx:
        assert len(tx.archive.search("microdrama", limit=2)) == 2
        assert tx.archive.count("microdrama") == 4
        assert tx.archive.count("-microdrama") == 2
        assert tx.archive.count(None) == 6
        assert tx.archive.count("nothing") == 0


def test_rank_is_honoured_with_stories(store: Store) -> None:
    _add(store, "https://a.org/weak", "zebra and many other words about nothing", T0, T0)
    _add(store, "https://a.org/strong", "zebra zebra zebra", T0 - timedelta(days=9), T0)
    _add(store, "https://a.org/copy", "zebra zebra zebra", T0 - timedelta(days=9), T0, story_band=5)
    _add(
        store, "https://a.org/copy2", "zebra zebra zebra!", T0 - timedelta(days=9), T0, story_band=5
    )
    assert _urls(store, "zebra", stories=True) == ["weak", "copy2", "strong"]
    ranked = _urls(store, "zebra", stories=True, rank=True)
    assert ranked[-1] == "weak"
    with store.transaction() as tx:
        assert tx.archive.count("zebra", stories=True) == 3
