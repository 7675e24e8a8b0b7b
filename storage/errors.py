"""Storage errors: what callers outside ``storage/`` catch, so that none of them imports SQLAlchemy.

    StorageError                 anything the database layer raised
    └── DatabaseError            the database driver reported a failure; ``connection_invalidated``
        │                        is true when the connection was lost with it
        ├── DatabaseUnavailable  the database could not run the statement now (locked, busy,
        │                        restarting, unreachable)
        ├── ConnectionFailure    the driver's connection interface failed (a dropped connection)
        └── IntegrityConflict    a constraint refused a write, usually because another writer
                                 stored the same row first

    DatabaseSetupError           the configured database cannot be opened as configured: a URL
    │                            whose scheme or driver is unknown, a file that is not a
    │                            database, a path under a file. Raised by ``open_store``; the
    │                            CLI shows it as one line (exit 2).
    └── DatabaseMissing          a read found no database at the configured path (nothing is
                                 created)

The first group are SQLAlchemy's own classes under names that say what happened, so an
``except`` catches exactly what it did when it named SQLAlchemy. Callers for whom a write is an
optimisation (HTTP validators) catch ``StorageError``, log and go on; writers retry
``DatabaseUnavailable`` and ``IntegrityConflict``; the distributed worker pauses while the
database is away (:func:`is_outage` tells an unreachable database from a bad statement).
"""

from __future__ import annotations

from sqlalchemy.exc import (
    DBAPIError,
    IntegrityError,
    InterfaceError,
    OperationalError,
    SQLAlchemyError,
)

StorageError = SQLAlchemyError
DatabaseError = DBAPIError
DatabaseUnavailable = OperationalError
ConnectionFailure = InterfaceError
IntegrityConflict = IntegrityError


class DatabaseSetupError(Exception):
    """The configured database cannot be opened; the message names it, the problem and the fix."""

    def __init__(self, target: str, problem: str, fix: str) -> None:
        self.target = target
        self.problem = problem
        self.fix = fix
        super().__init__(f"{target}: {problem}; {fix}")


class DatabaseMissing(DatabaseSetupError):
    """Opening for reading found no database at ``path`` (reads never create one)."""

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(path, "no database here", "create it by crawling, or check the path")


__all__ = [
    "ConnectionFailure",
    "DatabaseError",
    "DatabaseMissing",
    "DatabaseSetupError",
    "DatabaseUnavailable",
    "IntegrityConflict",
    "StorageError",
    "is_outage",
]


def is_outage(error: BaseException) -> bool:
    """Tell whether ``error`` means the database is unreachable (not a bad statement)."""
    if isinstance(error, DatabaseUnavailable | ConnectionFailure):
        return True
    return isinstance(error, DatabaseError) and bool(error.connection_invalidated)
