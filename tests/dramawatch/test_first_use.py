"""What a new user meets first: clear errors, quiet starts, hints that work as printed."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from dramawatch.cli import cli
from dramawatch.cli.crawl import alerts_line, progress_caption, summary_table
from dramawatch.logs import configure
from dramawatch.report import SourceResult
from storage import ArticleRecord, Store

T0 = datetime(2025, 10, 1, tzinfo=UTC)


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    alembic = logging.getLogger("alembic").level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    logging.getLogger("alembic").setLevel(alembic)


@pytest.mark.usefixtures("restore_logging")
def test_the_daemons_info_logging_leaves_out_alembic() -> None:
    configure("text", logging.INFO)
    assert logging.getLogger("dramawatch.daemon").isEnabledFor(logging.INFO)
    assert not logging.getLogger("alembic.runtime.migration").isEnabledFor(logging.INFO)
    configure("text", logging.DEBUG)
    assert logging.getLogger("alembic.runtime.migration").isEnabledFor(logging.INFO)


def _config(tmp_path: Path, database: str) -> str:
    path = tmp_path / "dramawatch.yaml"
    path.write_text(
        f"database: '{database}'\nmetrics: []\n"
        "sources:\n  - {name: feed-a, kind: rss, url: 'https://x.org/feed'}\n",
        encoding="utf-8",
    )
    return str(path)


READS = [
    ["search", "x"],
    ["show", "1"],
    ["metrics"],
    ["alerts"],
    ["export"],
    ["sources"],
    ["status"],
]


@pytest.mark.parametrize("command", READS, ids=lambda c: c[0])
def test_read_commands_never_create_a_database(tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "no" / "dir" / "b.db"
    config = _config(tmp_path, f"sqlite:///{missing}")
    result = CliRunner().invoke(cli, ["--config", config, *command])
    assert result.exit_code == 2, result.output
    assert f"no database at {missing}" in result.output
    assert "dramawatch crawl" in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "no").exists()


def test_serve_never_creates_the_database_it_is_given(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "dir" / "b.db"
    config = _config(tmp_path, "sqlite:///archive.db")
    args = ["--config", config, "serve", "--database", f"sqlite:///{missing}"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert f"no database at {missing} (--database)" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "no").exists()


def test_a_relative_database_is_found_from_any_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _config(tmp_path, "sqlite:///archive.db")
    assert CliRunner().invoke(cli, ["--config", config, "init"]).exit_code == 0
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = CliRunner().invoke(cli, ["--config", config, "search", "x"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "archive.db").is_file() and not (elsewhere / "archive.db").exists()


@pytest.mark.parametrize(
    ("database", "message"),
    [
        ("mysql://u:secret@localhost/db", "its database driver is not installed"),
        ("nosuch://localhost/db", "unknown database scheme"),
    ],
)
def test_check_config_checks_the_database_url(tmp_path: Path, database: str, message: str) -> None:
    config = _config(tmp_path, database)
    for command in (["check-config"], ["crawl"], ["search", "x"]):
        result = CliRunner().invoke(cli, ["--config", config, *command])
        assert result.exit_code == 2, result.output
        assert message in result.output and "secret" not in result.output
        assert "Traceback" not in result.output


def test_a_file_that_is_not_a_database_and_a_path_under_a_file(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a database", encoding="utf-8")
    for database, message in (
        (f"sqlite:///{text}", "is not an SQLite database"),
        (f"sqlite:///{text}/sub/b.db", "is a file, not a directory"),
    ):
        config = _config(tmp_path, database)
        for command in (["init"], ["search", "x"]):
            result = CliRunner().invoke(cli, ["--config", config, *command])
            assert result.exit_code == 2 and message in result.output, result.output


@pytest.fixture
def archive_config(tmp_path: Path) -> str:
    """22 articles about micro-dramas, one also about a boom, from the configured feed-a."""
    config = _config(tmp_path, "sqlite:///archive.db")
    store = Store(f"sqlite:///{tmp_path / 'archive.db'}")
    store.migrate()
    with store.transaction(write=True) as tx:
        source = tx.sources.ensure("feed-a", "rss", "https://x.org/feed", "media")
        for i in range(22):
            text = "the micro-drama boom" if i == 3 else f"micro-drama story {i}"
            record = ArticleRecord(
                url=f"https://x.org/{i}",
                source="feed-a",
                category="media",
                title=f"t{i}",
                published_at=T0 + timedelta(days=i),
                language="en",
                text=text,
                content_hash=str(i),
                fetched_at=T0,
            )
            tx.articles.ingest(record, source, lambda _a, _b: False)
        tx.commit()
    store.dispose()
    return config


def test_search_says_how_many_of_how_many_and_how_to_see_more(archive_config: str) -> None:
    result = CliRunner().invoke(cli, ["--config", archive_config, "search", "microdramas"])
    assert result.exit_code == 0, result.output
    assert "20 of 22 articles" in result.stdout
    assert "see more with --limit 22" in result.stderr
    as_json = CliRunner().invoke(
        cli, ["--config", archive_config, "search", "microdrama", "--format", "json"]
    )
    assert len(json.loads(as_json.stdout)) == 20


def test_search_excludes_a_term_without_a_double_dash(archive_config: str) -> None:
    command = ["--config", archive_config, "search", "micro-drama", "-boom", "--limit", "50"]
    result = CliRunner().invoke(cli, [*command, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 21
    negated = CliRunner().invoke(cli, ["--config", archive_config, "search", "NOT", "story"])
    assert "1 articles" in negated.stdout


def test_search_and_export_validate_the_source_as_crawl_does(archive_config: str) -> None:
    for command in (["search", "x"], ["export"]):
        result = CliRunner().invoke(cli, ["--config", archive_config, *command, "--source", "no"])
        assert result.exit_code == 2
        assert "Try --source with one of: feed-a" in result.output


def test_crawl_progress_counts_sources_done_pages_and_new_articles() -> None:
    running, finished = SourceResult("a"), SourceResult("b", done=True)
    running.stats.fetched, finished.stats.fetched, finished.stats.new = 3, 5, 2
    assert progress_caption([running, finished]) == (
        "1/2 sources done · 8 pages fetched · 2 new articles"
    )
    out = Console(width=200, record=True)
    out.print(summary_table([running, finished], "Crawling", live=True))
    text = out.export_text()
    assert "crawling" in text and "ok" in text


def test_crawl_ends_with_the_alerts_it_raised() -> None:
    line = alerts_line({"raised": 3, "delivered": 1, "pending": 2, "failed": 0})
    assert line == (
        "Alerts: 3 raised; deliveries 1 delivered, 2 pending, 0 failed (see `dramawatch alerts`)"
    )


def test_search_counts_no_further_than_it_says(
    archive_config: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("dramawatch.cli.archive.COUNT_AT_MOST", 21)
    result = CliRunner().invoke(cli, ["--config", archive_config, "search", "microdrama"])
    assert "20 of more than 21 articles" in result.stdout
    assert "a higher --limit or a narrower query" in result.stderr
