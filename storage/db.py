"""Engines, migrations and the unit of work: ``with store.transaction() as tx: ...``."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from storage import postgres
from storage.alerts import AlertRepository
from storage.article_search import ArticleSearch
from storage.boilerplate import BoilerplateRepository
from storage.daemon_state import DaemonRepository
from storage.maintenance import MaintenanceRepository
from storage.mentions import MentionRepository
from storage.opening import parse_database_url, prepare_new, require_existing, sqlite_file
from storage.pages import PageRepository
from storage.reading import ReadingRepository
from storage.repository import (
    ArticleRepository,
    MetricRepository,
    SourceRepository,
)

logger = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 30_000
WRITE_OPTION = "dramawatch_write"


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets WAL, a busy timeout and foreign keys."""
    # PostgreSQL gets psycopg 3, pre-ping and UTC sessions: storage/postgres.py.
    parsed = make_url(url)
    if parsed.get_backend_name() in ("postgresql", "postgres"):
        return create_engine(postgres.engine_url(parsed), **postgres.engine_options())
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_begin(connection: Connection) -> None:
    # A writing unit of work takes SQLite's write lock up front (BEGIN IMMEDIATE), so two
    # processes cannot both decide that a story is new: the second waits, then sees it.
    immediate = connection.get_execution_options().get(WRITE_OPTION)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own implicit BEGIN is switched off: _sqlite_begin issues it instead.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA wal_autocheckpoint=10000")
    cursor.close()


class Transaction:
    """One unit of work: repositories sharing one session, committed by the caller."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.sources = SourceRepository(session)
        self.articles = ArticleRepository(session)
        self.archive = ArticleSearch(session)
        self.metrics = MetricRepository(session)
        self.mentions = MentionRepository(session)
        self.pages = PageRepository(session)
        self.alerts = AlertRepository(session)
        self.daemon = DaemonRepository(session)
        self.maintenance = MaintenanceRepository(session)
        self.reading = ReadingRepository(session)
        self.boilerplate = BoilerplateRepository(session)

    def commit(self) -> None:
        """Make everything done in this unit of work durable."""
        self.session.commit()


class Store:
    """The archive: an engine, its migrations and short transactions."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def migrate(self) -> None:
        """Bring the schema to the newest Alembic revision."""
        cfg = AlembicConfig()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                postgres.lock_migrations(connection)
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")

    @contextmanager
    def transaction(self, *, write: bool = False) -> Iterator[Transaction]:
        """A unit of work that is rolled back unless ``tx.commit()`` was called.

        ``write=True`` serialises it against other writers from the start (needed where a
        decision depends on what is stored, such as joining a story).
        """
        with self._sessions() as session:
            if write:
                session.connection(execution_options={WRITE_OPTION: True})
            try:
                yield Transaction(session)
            finally:
                session.rollback()

    def ping(self) -> bool:
        """True when the database answers (used to wait out a server restart)."""
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except DBAPIError as exc:
            logger.debug("Database %s does not answer: %s", self.engine.url, exc)
            return False
        return True

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


_STORES: dict[str, Store] = {}


def open_store(url: str, *, create: bool = True) -> Store:
    """The process-wide Store for ``url`` (Scrapy deep-copies settings, so pass the URL).

    ``create=False`` opens for reading: a missing SQLite database raises DatabaseMissing
    instead of being created. Either way an unusable URL or file raises DatabaseSetupError.
    """
    store = _STORES.get(url)
    if store is None:
        path = sqlite_file(parse_database_url(url))
        if path is not None:
            (prepare_new if create else require_existing)(path)
        store = _STORES.setdefault(url, Store(url))
    return store
