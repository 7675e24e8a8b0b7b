"""Opening the database: reads never create one; unusable URLs and files are one clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from config import load_config
from storage import DatabaseMissing, DatabaseSetupError, open_store, parse_database_url


def test_reading_a_missing_database_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "no" / "such" / "dir" / "b.db"
    with pytest.raises(DatabaseMissing) as raised:
        open_store(f"sqlite:///{path}", create=False)
    assert str(path) in str(raised.value)
    assert not (tmp_path / "no").exists()


def test_opening_for_writing_creates_the_directories(tmp_path: Path) -> None:
    path = tmp_path / "new" / "dir" / "b.db"
    store = open_store(f"sqlite:///{path}")
    store.migrate()
    assert path.is_file()
    assert open_store(f"sqlite:///{path}", create=False) is store


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello, this is text", encoding="utf-8")
    for create in (True, False):
        with pytest.raises(DatabaseSetupError, match="is not an SQLite database"):
            open_store(f"sqlite:///{path}", create=create)


def test_a_database_path_under_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    for create in (True, False):
        with pytest.raises(DatabaseSetupError, match=r"is a file, not a directory"):
            open_store(f"sqlite:///{blocker / 'sub' / 'b.db'}", create=create)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://user:secret@localhost/db", "driver is not installed"),
        ("nosuchdb://localhost/db", "unknown database scheme"),
        ("not a url", "not a database URL"),
    ],
)
def test_urls_that_cannot_be_opened(url: str, message: str) -> None:
    with pytest.raises(DatabaseSetupError, match=message) as raised:
        parse_database_url(url)
    assert "secret" not in str(raised.value)
    assert "\n" not in str(raised.value)


def test_relative_sqlite_paths_resolve_against_the_config_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "conf"
    folder.mkdir()
    config_file = folder / "dramawatch.yaml"
    config_file.write_text("database: sqlite:///data/archive.db\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    config = load_config(config_file)
    assert config.database == f"sqlite:///{(folder / 'data' / 'archive.db').as_posix()}"


def test_absolute_and_other_urls_are_kept(write_config) -> None:  # type: ignore[no-untyped-def]
    for url in ("sqlite:////var/lib/dw.db", "sqlite:///:memory:", "postgresql://h/db"):
        assert load_config(write_config(f"database: '{url}'\n")).database == url
