"""INSERT ... ON CONFLICT DO UPDATE on SQLite and PostgreSQL alike."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from functools import lru_cache
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import Insert


def upsert(
    session: Session, model: Any, values: Mapping[str, Any], keep: Collection[str] = ()
) -> None:
    """INSERT ... ON CONFLICT (primary key) DO UPDATE: atomic even between two processes.

    Columns named in ``keep`` keep their stored value when the row exists.
    """
    dialect = session.get_bind().dialect.name
    statement = _statement(dialect, model, tuple(values), frozenset(keep))
    session.connection().execute(statement, dict(values))


@lru_cache(maxsize=32)
def _statement(dialect: str, model: Any, columns: tuple[str, ...], keep: frozenset[str]) -> Insert:
    """The upsert of ``columns`` into ``model``'s table, built once per shape."""
    insert = (postgresql if dialect == "postgresql" else sqlite).insert(model)
    keys = [column.name for column in model.__table__.primary_key]
    changed = {k: insert.excluded[k] for k in columns if k not in keys and k not in keep}
    return insert.on_conflict_do_update(index_elements=keys, set_=changed)
