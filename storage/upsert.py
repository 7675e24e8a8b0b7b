"""INSERT ... ON CONFLICT DO UPDATE on SQLite and PostgreSQL alike."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def upsert(
    session: Session, model: Any, values: Mapping[str, Any], keep: Collection[str] = ()
) -> None:
    """INSERT ... ON CONFLICT (primary key) DO UPDATE: atomic even between two processes."""
    dialect = session.get_bind().dialect.name
    insert = (postgresql if dialect == "postgresql" else sqlite).insert(model).values(**values)
    keys = [column.name for column in model.__table__.primary_key]
    changed = {k: insert.excluded[k] for k in values if k not in keys and k not in keep}
    session.execute(insert.on_conflict_do_update(index_elements=keys, set_=changed))
