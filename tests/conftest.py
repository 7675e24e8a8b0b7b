"""Shared fixtures: configs, a temporary store and the recorded-sites server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storage import Store, open_store
from tests.support.pg import PostgresServer, postgres_bindir
from tests.support.redis_server import RedisServer, redis_binary

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL server for the whole session (skips without the binaries)."""
    bindir = postgres_bindir()
    if bindir is None:
        pytest.skip(
            "PostgreSQL binaries not found (no pg_config --bindir, no /usr/lib/postgresql/*/bin):"
            " apt-get install postgresql, as .ci/run does"
        )
    server = PostgresServer(bindir).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    """A throwaway Redis for the whole session (skips without redis-server)."""
    binary = redis_binary()
    if binary is None:
        pytest.skip("redis-server not found: apt-get install redis-server, as .ci/run does")
    server = RedisServer(binary).start()
    yield server
    server.close()


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A migrated, empty database: an SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = server.create_database()
    url = server.url(name)
    yield url
    open_store(url).dispose()  # the CLI's process-wide store, if a test used it
    server.drop_database(name)


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    """A migrated store on each backend: SQLite always, PostgreSQL when installed."""
    store = Store(database_url)
    store.migrate()
    yield store
    store.dispose()


@pytest.fixture
def write_config(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write YAML text to a config file and return its path."""

    def write(text: str, name: str = "dramawatch.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
