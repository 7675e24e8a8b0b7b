"""``dramawatch prune`` and ``dramawatch backup`` on both backends."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from click.testing import CliRunner

from dramawatch.cli import cli
from storage import Store
from tests.support.archive import src_record


def _ingest(store: Store, url: str, text: str, published: datetime) -> None:
    record = src_record(url, text, published)
    with store.transaction(write=True) as tx:
        source = tx.sources.ensure("src", "rss", "https://x.org/feed", "media")
        tx.articles.ingest(record, source, lambda _a, _b: False)
        tx.commit()


def _search(store: Store, query: str) -> list[int]:
    with store.transaction() as tx:
        return [article.id for article in tx.archive.search(query)]


def _cli_config(tmp_path: Path, database: str) -> str:
    path = tmp_path / "dramawatch.yaml"
    path.write_text(f"database: '{database}'\nmetrics: []\n", encoding="utf-8")
    return str(path)


def test_prune_command_dry_run_then_for_real(store: Store, tmp_path: Path) -> None:
    old = datetime.now(UTC) - timedelta(days=400)
    _ingest(store, "https://a.org/old", "zebra old", old)
    _ingest(store, "https://a.org/new", "zebra new", datetime.now(UTC))
    config = _cli_config(tmp_path, store.url)
    dry = CliRunner().invoke(
        cli, ["--config", config, "prune", "--older-than", "365d", "--dry-run"]
    )
    assert dry.exit_code == 0, dry.output
    assert dry.output.startswith("Would remove 1 articles dated before ")
    assert len(_search(store, "zebra")) == 2
    done = CliRunner().invoke(
        cli, ["--config", config, "prune", "--older-than", "365d", "--format", "json"]
    )
    assert json.loads(done.output)["articles"] == 1
    assert len(_search(store, "zebra")) == 1
    bad = CliRunner().invoke(cli, ["--config", config, "prune", "--older-than", "a year"])
    assert bad.exit_code == 2 and "use a duration such as 365d" in bad.output


def test_backup_command(store: Store, tmp_path: Path) -> None:
    config = _cli_config(tmp_path, store.url)
    target = tmp_path / "copy.db"
    result = CliRunner().invoke(cli, ["--config", config, "backup", str(target)])
    if store.engine.dialect.name == "postgresql":
        assert result.exit_code == 2 and "pg_dump" in result.output
        return
    assert result.exit_code == 0, result.output
    assert f"Backed up the archive to {target}" in result.output
    again = CliRunner().invoke(cli, ["--config", config, "backup", str(target)])
    assert again.exit_code == 2 and "already exists; choose a new file name" in again.output
