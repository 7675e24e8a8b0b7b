"""`dramawatch metrics retag`: figures stored untagged (or by an older extractor) re-tagged."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from sqlalchemy import update

from config import load_config
from dramawatch.cli import cli
from storage import ArticleRecord, MetricObservation, Store

TEXTS = [
    (
        "https://a.example/1",
        "上海市出台微短剧扶持措施",
        "力争到2027年，本市微短剧产业规模突破200亿元。",
    ),
    ("https://b.example/2", "Apps", "ReelShort has 55 million monthly active users."),
]


def _archive(tmp_path: Path) -> tuple[Path, Store]:
    config_path = tmp_path / "dramawatch.yaml"
    config_path.write_text(f"database: sqlite:///{tmp_path / 'retag.db'}\n", encoding="utf-8")
    store = Store(load_config(config_path).database)
    store.migrate()
    day = datetime(2025, 6, 1, tzinfo=UTC)
    for url, title, text in TEXTS:
        with store.transaction(write=True) as tx:
            source = tx.sources.ensure("news", "rss", "https://news.example/feed", "media")
            record = ArticleRecord(
                url=url, source="news", category="media", title=title, published_at=day,
                language=None, text=text, content_hash=url, fetched_at=day,
            )  # fmt: skip
            result = tx.articles.ingest(record, source, lambda _a, _b: False)
            assert result.story_id is not None
            # As stored before figures were tagged: every tag at its default.
            old = {"metric": "market_value", "value": 2e10, "unit": "CNY", "period": "2025"}
            old |= {"quote": text, "raw": "200亿元", "observed_at": day}
            tx.metrics.add_all(result.story_id, result.article_id, [old] if "200" in text else [])
            tx.commit()
    return config_path, store


def _run(config_path: Path, *args: str) -> Any:
    result = CliRunner().invoke(cli, ["--config", str(config_path), "metrics", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output) if "--format" in args else result.output


def test_retag_tags_old_figures_and_a_second_run_changes_nothing(tmp_path: Path) -> None:
    config_path, store = _archive(tmp_path)
    (first,) = _run(config_path, "retag", "--format", "json")
    assert first == {
        "articles": 2, "stories": 2, "stories_changed": 2, "figures_before": 1, "figures_after": 2,
    }  # fmt: skip
    rows = _run(config_path, "market_value", "--format", "json")
    assert [(r["period"], r["region"], r["status"]) for r in rows] == [
        ("2027", "shanghai", "target")
    ]
    (mau,) = _run(config_path, "mau", "--format", "json")
    assert mau["entity"] == "reelshort"
    (again,) = _run(config_path, "retag", "--format", "json")
    assert again["stories_changed"] == 0 and again["figures_before"] == again["figures_after"] == 2
    search = CliRunner().invoke(
        cli, ["--config", str(config_path), "search", "--entity", "reelshort", "--format", "json"]
    )
    assert [row["url"] for row in json.loads(search.output)] == ["https://b.example/2"]
    store.dispose()


def test_retag_changes_a_tag_an_older_extractor_got_wrong(tmp_path: Path) -> None:
    config_path, store = _archive(tmp_path)
    _run(config_path, "retag")
    with store.transaction(write=True) as tx:
        tx.session.execute(update(MetricObservation).values(region=None))
        tx.commit()
    (report,) = _run(config_path, "retag", "--format", "json")
    assert report["stories_changed"] == 1
    assert "Figures re-tagged" in _run(config_path, "retag")
    store.dispose()


def test_retag_takes_no_filters(tmp_path: Path) -> None:
    config_path, store = _archive(tmp_path)
    args = ["--config", str(config_path), "metrics", "retag", "--region", "cn"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2 and "takes no filters" in result.output
    store.dispose()


def test_retag_reads_the_sources_region_for_this_city(tmp_path: Path) -> None:
    config_path = tmp_path / "portal.yaml"
    config_path.write_text(
        f"database: sqlite:///{tmp_path / 'portal.db'}\n"
        "sources:\n"
        "  - {name: news, kind: rss, url: 'https://news.example/feed', region: shanghai}\n",
        encoding="utf-8",
    )
    store = Store(load_config(config_path).database)
    store.migrate()
    day, text = datetime(2025, 6, 1, tzinfo=UTC), "2024年，本市微短剧产业规模达到120亿元。"
    with store.transaction(write=True) as tx:
        source = tx.sources.ensure("news", "rss", "https://news.example/feed", "government")
        record = ArticleRecord(
            url="https://news.example/n", source="news", category="government", title="通知",
            published_at=day, language="zh", text=text, content_hash="n", fetched_at=day,
        )  # fmt: skip
        tx.articles.ingest(record, source, lambda _a, _b: False)
        tx.commit()
    store.dispose()
    _run(config_path, "retag", "--format", "json")
    (row,) = _run(config_path, "market_value", "--format", "json")
    assert (row["value"], row["region"]) == (12e9, "shanghai")
