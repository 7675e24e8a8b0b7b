"""PostgreSQL specifics: tsvector/tsquery text, racing writers, concurrent dispatchers and
migrations, and 0004 indexing articles stored before it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.script import ScriptDirectory
from sqlalchemy import func, select, text

from alerts import DispatchPolicy, dispatch_pending, record_alerts
from alerts.records import AlertDraft
from crawler.fingerprint import signatures_match
from storage import ArticleRecord, Store
from storage.db import MIGRATIONS
from storage.models import Article, ArticleUrl, Story
from storage.postgres import tsvector_literal
from storage.query import parse_query, tsquery
from tests.support.alert_servers import T0, HookReceiver, alert_config, deliveries
from tests.support.pg import PostgresServer
from tests.support.stories import labelled_articles, pairwise_precision_recall, record_for

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "query,expected",
    [
        ("短剧", "'短剧'"),
        ("微短劇 扶持", "('微短' <-> '短剧') & '扶持'"),  # Traditional folded, terms ANDed
        ("剧", "'剧':*"),  # one character: any bigram starting with it
        ('"Micro-Drama"', "('micro' <-> 'drama')"),
        ('"reelshort" OR "marathon"', "'reelshort' | 'marathon'"),
        ('"Café"', "'cafe'"),  # diacritics go, as in FTS5's unicode61
        (
            "micro-dramas",
            "(('micro' <-> 'drama') | ('micro' <-> 'dramas') | 'microdrama' | 'microdramas')",
        ),
        ('短剧 -"reel short" NOT 监管', "('短剧') & !(('reel' <-> 'short') | '监管')"),
        ("-监管", "!('监管')"),
        ("!!!", None),
    ],
)
def test_tsquery_is_the_fts5_expression_translated(query: str, expected: str | None) -> None:
    parsed = parse_query(query)
    assert (tsquery(parsed) if parsed else None) == expected


def test_tsvector_weights_title_a_body_b_with_a_gap() -> None:
    expected = "'微短':1A '短剧':2A,5B '剧':3A,6B 'nrta':7B"
    assert tsvector_literal("微短剧", "短剧 NRTA") == expected


def test_tsvector_stays_within_postgres_limits() -> None:
    literal = tsvector_literal("", " ".join(f"w{i % 50_000} 短剧" for i in range(60_000)))
    assert len(literal.encode()) < 2_000_000
    positions = [int(p) for p in re.findall(r"[:,](\d+)B", literal)]
    assert 16000 < max(positions) <= 16383  # PostgreSQL's last position
    assert "'w49999'" in literal  # later words are kept, without a position


@pytest.fixture
def pg_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A fresh, migrated PostgreSQL database."""
    name = postgres_server.create_database()
    yield postgres_server.url(name)
    postgres_server.drop_database(name)


@pytest.fixture
def pg_store(pg_url: str) -> Iterator[Store]:
    """A store on :func:`pg_url`, disposed afterwards."""
    store = Store(pg_url)
    yield store
    store.dispose()


def _run_threads(count: int, target: Callable[[int], Any]) -> None:
    errors: list[BaseException] = []

    def run(index: int) -> None:
        try:
            target(index)
        except BaseException as exc:  # re-raised in the test thread
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors


def test_long_chinese_article_is_searchable_by_a_term_at_its_end(pg_store: Store) -> None:
    store = pg_store
    body = "国家广播电视总局发布通知。" * 2000 + "监管"
    with store.transaction() as tx:
        source = tx.sources.ensure("s", "rss", "https://s.example/", "media")
        record = ArticleRecord(
            url="https://s.example/1",
            source="s",
            category="media",
            title="通知",
            published_at=T0,
            language="zh",
            text=body,
            content_hash="h1",
            fetched_at=T0,
        )
        tx.articles.ingest(record, source, signatures_match)
        tx.commit()
    with store.transaction() as tx:
        assert [a.url for a in tx.archive.search("監管")] == ["https://s.example/1"]


def test_two_processes_racing_on_postgres_make_one_row_per_url_and_story(
    pg_url: str, pg_store: Store, tmp_path: Path
) -> None:
    flag = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.support.ingest_worker", pg_url, order, str(flag)],
            cwd=ROOT,
            env=env,
        )
        for order in ("forward", "reversed")
    ]
    flag.touch()
    assert [w.wait(timeout=120) for w in workers] == [0, 0]
    with pg_store.transaction() as tx:
        urls = tx.session.scalars(select(Article.url)).all()
        assert sorted(urls) == sorted(set(urls)) and len(urls) == len(labelled_articles())
        grouping = {
            url: story for url, story in tx.session.execute(select(Article.url, Article.story_id))
        }
        counts = Counter(grouping.values())
        stories = tx.session.scalars(select(Story)).all()
        # Every story counts exactly its copies: no lost update between the two writers.
        assert {s.id: s.article_count for s in stories} == dict(counts)
    truth = {f"https://example.org/{a['id']}": a["story"] for a in labelled_articles()}
    precision, recall = pairwise_precision_recall(truth, grouping)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)


def test_eight_writers_storing_the_same_bodies_keep_one_article_per_body(pg_store: Store) -> None:
    store = pg_store
    articles = labelled_articles()

    def write(writer: int) -> None:
        for index, article in enumerate(articles):
            record = record_for(article, index)
            mirrored = replace(record, url=f"{record.url}?w={writer}")
            for attempt in range(6):
                try:
                    with store.transaction(write=True) as tx:
                        source = tx.sources.ensure("labelled", "rss", "https://e.org/", "media")
                        tx.articles.ingest(mirrored, source, signatures_match)
                        tx.commit()
                    break
                except Exception:
                    if attempt == 5:
                        raise

    _run_threads(8, write)
    with store.transaction() as tx:
        count = tx.session.scalar(select(func.count()).select_from(Article))
        seen = tx.session.scalar(select(func.count()).select_from(ArticleUrl))
    assert count == len({a["text"] for a in articles})  # each body stored once
    assert seen == 8 * len(articles)  # every URL remembered, pointing at that one article


def test_three_dispatchers_send_each_delivery_once(pg_url: str, pg_store: Store) -> None:
    receiver = HookReceiver()
    store = pg_store
    config = alert_config(
        pg_url, channels=[{"name": "hook", "kind": "webhook", "url": receiver.url}]
    )
    drafts = [
        AlertDraft(
            rule="r",
            kind="keyword",
            dedupe_key=f"k{i}",
            story_id=None,
            article_id=None,
            source_id=None,
            payload={"title": f"t{i}"},
            channels=("hook",),
        )
        for i in range(40)
    ]
    with store.transaction() as tx:
        record_alerts(tx, config, drafts)
        tx.commit()
    policy = DispatchPolicy(batch=5)
    _run_threads(3, lambda _i: dispatch_pending(store, config, policy=policy))
    sent = Counter(r.headers["x-dramawatch-delivery"] for r in receiver.requests)
    receiver.close()
    assert len(sent) == 40 and set(sent.values()) == {1}
    assert {row["status"] for row in deliveries(store)} == {"delivered"}


def test_concurrent_first_migrations_do_not_collide(postgres_server: PostgresServer) -> None:
    name = "fresh_migrations"
    postgres_server.admin(f"CREATE DATABASE {name}")
    try:
        url = postgres_server.url(name)
        _run_threads(4, lambda _i: _migrate(url))
        store = Store(url)
        head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
        with store.transaction() as tx:
            assert tx.session.scalar(text("SELECT version_num FROM alembic_version")) == head
        store.dispose()
    finally:
        postgres_server.drop_database(name)


def _migrate(url: str) -> None:
    store = Store(url)
    store.migrate()
    store.dispose()


def test_0004_indexes_articles_stored_before_it(postgres_server: PostgresServer) -> None:
    name = "before_0004"
    postgres_server.admin(f"CREATE DATABASE {name}")
    url = postgres_server.url(name)
    store = Store(url)
    try:
        _alembic(store, "0003")
        with store.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO source (id, name, kind, url, category, consecutive_failures)"
                    " VALUES (1, 's', 'rss', 'https://s.example/', 'media', 0);"
                    "INSERT INTO article (id, url, source_id, category, title, text, content_hash,"
                    " revision, fetched_at, updated_at) VALUES (1, 'https://s.example/a', 1,"
                    " 'media', '微短劇新規', '網絡微短劇 監管', 'h', 1, now(), now())"
                )
            )
        store.migrate()
        with store.transaction() as tx:
            assert [a.url for a in tx.archive.search("短剧 监管")] == ["https://s.example/a"]
    finally:
        store.dispose()
        postgres_server.drop_database(name)


def _alembic(store: Store, revision: str) -> None:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)
