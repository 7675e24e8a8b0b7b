"""What a new user meets first: clear errors, quiet starts, hints that work as printed."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from dramawatch.cli import cli
from dramawatch.logs import configure


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
    ["search", "x"], ["show", "1"], ["metrics"], ["alerts"], ["export"], ["sources"], ["status"],
]  # fmt: skip


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
