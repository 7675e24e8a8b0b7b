"""A throwaway PostgreSQL server for tests: initdb into a temp dir, pg_ctl on 127.0.0.1.

The Debian ``postgresql`` package (installed by ``.ci/run``) provides the binaries. initdb
refuses to run as root, so as root the cluster belongs to the ``postgres`` system user (or
``nobody``). Each test gets its own database, copied from a migrated template.
"""

from __future__ import annotations

import itertools
import logging
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from glob import glob
from pathlib import Path
from typing import Any

import psycopg

from storage import Store

logger = logging.getLogger(__name__)

TEMPLATE = "dramawatch_template"
_SETTINGS = {
    # Throwaway data: durability is not needed, speed is.
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "300",
    "shared_buffers": "64MB",
    "listen_addresses": "'127.0.0.1'",
    "log_min_messages": "warning",
}


def postgres_bindir() -> Path | None:
    """Where initdb and pg_ctl are: ``pg_config --bindir``, else the newest Debian cluster."""
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        done = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        candidates.append(Path(done.stdout.strip()))
    debian = sorted(glob("/usr/lib/postgresql/*/bin"), key=lambda p: _version(Path(p)))
    candidates.extend(Path(p) for p in reversed(debian))
    for bindir in candidates:
        if (bindir / "initdb").is_file() and (bindir / "pg_ctl").is_file():
            return bindir
    return None


def _version(bindir: Path) -> int:
    try:
        return int(bindir.parent.name)
    except ValueError:
        return 0


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresServer:
    """One cluster in a temp dir, listening on 127.0.0.1 and on a socket in that dir."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="dramawatch-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self._owner = _cluster_owner()
        self._names = itertools.count(1)

    def start(self) -> PostgresServer:
        """initdb, configure and start the server; build the migrated template database."""
        if self._owner is not None:
            os.chown(self.root, self._owner.pw_uid, self._owner.pw_gid)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )
        settings = {**_SETTINGS, "port": str(self.port)}
        settings["unix_socket_directories"] = f"'{self.root}'"
        with (self.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.writelines(f"{key} = {value}\n" for key, value in settings.items())
        self.pg_ctl("start")
        self._make_template()
        return self

    def pg_ctl(self, action: str, mode: str = "fast") -> None:
        """``pg_ctl start|stop|restart`` on this cluster, waiting until it is done."""
        log = self.root / "server.log"
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(log), "-w", "-t", "60", "-m", mode, action
        )

    def stop(self) -> None:
        """Stop the server and delete its files."""
        try:
            self.pg_ctl("stop", mode="immediate")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str) -> str:
        """SQLAlchemy URL of ``database`` on this server."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        """A fresh database, copied from the migrated template; returns its name."""
        name = f"test_{os.getpid()}_{next(self._names)}"
        self.admin(f'CREATE DATABASE "{name}" TEMPLATE {TEMPLATE} STRATEGY FILE_COPY')
        return name

    def drop_database(self, name: str) -> None:
        """Drop ``name``, closing whatever is still connected to it."""
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def admin(self, statement: str) -> None:
        """Run one statement outside a transaction on the ``postgres`` database."""
        with psycopg.connect(self._dsn("postgres"), autocommit=True) as connection:
            connection.execute(statement)  # type: ignore[arg-type]

    def _make_template(self) -> None:
        self.admin(f"CREATE DATABASE {TEMPLATE}")
        store = Store(self.url(TEMPLATE))
        store.migrate()
        store.dispose()

    def _dsn(self, database: str) -> str:
        return f"host=127.0.0.1 port={self.port} user=postgres dbname={database}"

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bindir / program), *args]
        kwargs: dict[str, Any] = {}
        if self._owner is not None:
            kwargs = {"user": self._owner.pw_uid, "group": self._owner.pw_gid, "extra_groups": []}
        done = subprocess.run(
            command, capture_output=True, text=True, check=False, cwd=self.root, **kwargs
        )
        if done.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{' '.join(command)} failed:\n{done.stderr}\n{tail}")


def _cluster_owner() -> pwd.struct_passwd | None:
    """The user to run the cluster as when we are root (initdb refuses root)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise RuntimeError("running as root and there is no 'postgres' or 'nobody' user for initdb")
