"""Story grouping in the store: quality on the labelled set, and two racing writers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from crawler.fingerprint import signatures_match
from storage import Article, ArticleRecord, Store
from storage.models import ArticleUrl, Story
from tests.support.stories import labelled_articles, pairwise_precision_recall, record_for

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = labelled_articles()
TRUTH = {f"https://example.org/{a['id']}": a["story"] for a in ARTICLES}


def _ingest_all(store: Store, records: list[ArticleRecord]) -> None:
    for record in records:
        with store.transaction(write=True) as tx:
            source = tx.sources.ensure("labelled", "rss", "https://example.org/", "media")
            tx.articles.ingest(record, source, signatures_match)
            tx.commit()


def _grouping(store: Store) -> dict[str, int]:
    with store.transaction() as tx:
        rows = tx.session.execute(select(Article.url, Article.story_id)).all()
    return {url: story for url, story in rows}


def test_labelled_set_is_large_enough() -> None:
    assert len(ARTICLES) >= 30 and len(set(TRUTH.values())) >= 8


@pytest.mark.parametrize("order", ["forward", "reversed"])
def test_story_grouping_precision_and_recall(store: Store, order: str) -> None:
    records = [record_for(a, i) for i, a in enumerate(ARTICLES)]
    _ingest_all(store, records if order == "forward" else records[::-1])
    precision, recall = pairwise_precision_recall(TRUTH, _grouping(store))
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)


def test_story_keeps_first_seen_copy_count_and_earliest_title(store: Store) -> None:
    records = [record_for(a, i) for i, a in enumerate(ARTICLES)]
    _ingest_all(store, records[::-1])  # latest-published first: the title must still move
    with store.transaction() as tx:
        for story in tx.session.scalars(select(Story)):
            copies = tx.articles.story_articles(story.id)
            assert story.article_count == len(copies)
            earliest = min(copies, key=lambda a: a.published_at)  # type: ignore[arg-type,return-value]
            assert story.title == earliest.title


def test_two_processes_racing_create_one_row_per_url_and_one_story_per_story(
    tmp_path: Path,
) -> None:
    database = f"sqlite:///{tmp_path / 'race.db'}"
    Store(database).migrate()
    flag = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.support.ingest_worker", database, order, str(flag)],
            cwd=ROOT,
            env=env,
        )
        for order in ("forward", "reversed")
    ]
    flag.touch()
    assert [w.wait(timeout=120) for w in workers] == [0, 0]
    store = Store(database)
    with store.transaction() as tx:
        assert tx.session.scalar(select(func.count()).select_from(Article)) == len(ARTICLES)
        assert tx.session.scalar(select(func.count()).select_from(ArticleUrl)) == len(ARTICLES)
    precision, recall = pairwise_precision_recall(TRUTH, _grouping(store))
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)
