"""The CLI: help for every command, README coverage, exit codes and data commands."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from dramawatch.cli import cli
from storage import ArticleRecord, Store

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output or "Commands:" in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented_in_the_readme(command: str) -> None:
    assert f"dramawatch {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_invalid_config_exits_2_naming_file_and_key(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("sources:\n  - {name: x, kind: atom, url: 'https://x.org/'}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(bad), "crawl"])
    assert result.exit_code == 2
    expected = f"{bad}: sources[0].kind (line 2): 'atom' is not one of rss, html, sitemap, json"
    assert expected in result.output


def test_unknown_source_names_the_choices(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(
        f"database: sqlite:///{tmp_path / 'x.db'}\nmetrics: []\n"
        "sources:\n  - {name: feed-a, kind: rss, url: 'https://x.org/feed'}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["--config", str(good), "crawl", "--source", "nope"])
    assert result.exit_code == 2 and "Try --source with one of: feed-a" in result.output


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A config whose store holds one article with two market-size observations."""
    database = f"sqlite:///{tmp_path / 'cli.db'}"
    store = Store(database)
    store.migrate()
    with store.transaction(write=True) as tx:
        source = tx.sources.ensure("cnsa", "html", "https://www.cnsa.cn/", "industry")
        record = ArticleRecord(
            url="https://www.cnsa.cn/art/1.html",
            source="cnsa",
            category="industry",
            title="微短剧市场规模",
            published_at=datetime(2025, 3, 27, tzinfo=UTC),
            language="zh",
            text="2023年市场规模373.9亿元，2024年市场规模504.4亿元。",
            content_hash="h",
            fetched_at=datetime(2025, 3, 27, tzinfo=UTC),
        )
        result = tx.articles.ingest(record, source, lambda _a, _b: False)
        assert result.story_id is not None
        figures = [
            {
                "metric": "market_value",
                "value": value,
                "unit": "CNY",
                "period": period,
                "kind": "level",
                "qualifier": None,
                "quote": record.text,
                "raw": f"{value}",
                "observed_at": record.published_at,
            }
            for period, value in (("2023", 37.39e9), ("2024", 50.44e9))
        ]
        tx.metrics.add_all(result.story_id, result.article_id, figures)
        tx.commit()
    config = tmp_path / "dramawatch.yaml"
    config.write_text(f"database: {database}\n", encoding="utf-8")
    return config


def test_metrics_summary_shows_latest_and_change(archive: Path) -> None:
    result = CliRunner().invoke(cli, ["--config", str(archive), "metrics", "--format", "json"])
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.output)
    assert (row["metric"], row["value"], row["period"]) == ("market_value", 50.44e9, "2024")
    assert row["previous"] == 37.39e9 and row["change_pct"] == 34.9
    assert row["article_url"] == "https://www.cnsa.cn/art/1.html" and row["unit"] == "CNY"


def test_metric_history_plot_and_png(archive: Path, tmp_path: Path) -> None:
    png = tmp_path / "chart.png"
    args = ["--config", str(archive), "metrics", "market_value", "--plot", "--png", str(png)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "50.44 bn" in result.output and "Domestic" in result.output
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_metric_without_observations_is_an_error(archive: Path) -> None:
    result = CliRunner().invoke(cli, ["--config", str(archive), "metrics", "jobs"])
    assert result.exit_code == 1 and "no observations of 'jobs'" in result.output


def test_search_and_export_formats(archive: Path) -> None:
    runner = CliRunner()
    found = runner.invoke(cli, ["--config", str(archive), "search", "市场", "--format", "jsonl"])
    assert json.loads(found.output)["title"] == "微短剧市场规模"
    exported = runner.invoke(cli, ["--config", str(archive), "export", "--format", "csv"])
    assert exported.output.splitlines()[0].startswith("id,url,source,category,title")
    bad = runner.invoke(cli, ["--config", str(archive), "search", "x", "--since", "yesterday"])
    assert bad.exit_code == 2 and "--since" in bad.output


def test_metric_plot_with_json_keeps_stdout_json(archive: Path) -> None:
    args = ["--config", str(archive), "metrics", "market_value", "--plot", "--format", "json"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert [row["value"] for row in json.loads(result.stdout)] == [37.39e9, 50.44e9]
    assert "Domestic" in result.stderr


def test_metric_png_into_a_missing_directory_is_one_line(archive: Path, tmp_path: Path) -> None:
    png = tmp_path / "missing" / "dir" / "x.png"
    args = ["--config", str(archive), "metrics", "market_value", "--png", str(png)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert f"{png.parent} is not a directory; create it" in result.output
    assert "Traceback" not in result.output and result.exception is not None
    assert isinstance(result.exception, SystemExit)
