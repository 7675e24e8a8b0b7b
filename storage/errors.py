"""Storage errors: what callers outside ``storage/`` catch, so that none of them imports SQLAlchemy.

    StorageError                 anything the database layer raised
    └── DatabaseError            the database driver reported a failure; ``connection_invalidated``
        │                        is true when the connection was lost with it
        ├── DatabaseUnavailable  the database could not run the statement now (locked, busy,
        │                        restarting, unreachable)
        ├── ConnectionFailure    the driver's connection interface failed (a dropped connection)
        └── IntegrityConflict    a constraint refused a write, usually because another writer
                                 stored the same row first

They are SQLAlchemy's own classes under names that say what happened, so an ``except`` catches
exactly what it did when it named SQLAlchemy. Callers for whom a write is an optimisation
(HTTP validators) catch ``StorageError``, log and go on; writers retry ``DatabaseUnavailable``
and ``IntegrityConflict``; the distributed worker pauses while the database is away.
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

__all__ = [
    "ConnectionFailure",
    "DatabaseError",
    "DatabaseUnavailable",
    "IntegrityConflict",
    "StorageError",
]
