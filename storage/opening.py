"""Checks made before a database is opened: the URL's driver, and an SQLite file's state.

Reading never creates a database (nor its directories): a wrong or relative path would
otherwise answer every read with an empty archive.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from storage import postgres
from storage.errors import DatabaseMissing, DatabaseSetupError

SQLITE_HEADER = b"SQLite format 3\x00"
_DRIVER_PACKAGES = {
    "postgresql": "psycopg[binary] (pip install 'dramawatch[postgres]')",
    "mysql": "mysqlclient or pymysql (mysql+pymysql://...)",
    "mariadb": "mariadb",
    "oracle": "oracledb",
    "mssql": "pyodbc",
}


def parse_database_url(url: str) -> URL:
    """The parsed URL, after checking that SQLAlchemy knows its scheme and its driver imports."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseSetupError(
            repr(url), "not a database URL", "write sqlite:///dramawatch.db or postgresql://..."
        ) from None
    if parsed.get_backend_name() in ("postgresql", "postgres"):
        parsed = postgres.engine_url(parsed)
    _check_driver(parsed)
    return parsed


def _check_driver(parsed: URL) -> None:
    shown = parsed.render_as_string(hide_password=True)
    try:
        dialect = parsed.get_dialect()
    except NoSuchModuleError:
        raise DatabaseSetupError(
            shown,
            f"unknown database scheme {parsed.drivername!r}",
            "use sqlite:/// or postgresql://",
        ) from None
    try:
        dialect.import_dbapi()
    except ImportError as exc:
        package = _DRIVER_PACKAGES.get(parsed.get_backend_name(), f"the {parsed.drivername} driver")
        raise DatabaseSetupError(
            shown, f"its database driver is not installed ({exc})", f"install {package}"
        ) from None


def sqlite_file(parsed: URL) -> Path | None:
    """The SQLite database file the URL names (None for other backends and in-memory ones)."""
    if parsed.get_backend_name() != "sqlite":
        return None
    name = parsed.database or ""
    if name in ("", ":memory:") or name.startswith("file:"):
        return None
    return Path(name)


def require_existing(path: Path) -> None:
    """Raise unless ``path`` is an existing SQLite database."""
    _check_parents(path)
    if not path.exists():
        raise DatabaseMissing(str(path))
    check_is_database(path)


def prepare_new(path: Path) -> None:
    """Make the directories for a database at ``path``; an existing file must be a database."""
    _check_parents(path)
    if path.exists():
        check_is_database(path)
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseSetupError(
            str(path), f"its directory cannot be created ({exc.strerror})", "choose another path"
        ) from None


def check_is_database(path: Path) -> None:
    """Raise unless ``path`` is a file that is empty or starts with SQLite's header."""
    if path.is_dir():
        raise DatabaseSetupError(str(path), "is a directory", "name a file inside it")
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header and header != SQLITE_HEADER:
        raise DatabaseSetupError(
            str(path), "is not an SQLite database", "point the database setting at another file"
        )


def _check_parents(path: Path) -> None:
    for parent in path.absolute().parents:
        if parent.exists() and not parent.is_dir():
            raise DatabaseSetupError(
                str(path),
                f"{parent} is a file, not a directory",
                "choose a database path inside a directory",
            )
