"""Alembic environment: runs on the connection that Store.migrate() hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from storage.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    """Run migrations on the given connection, or on sqlalchemy.url when run by alembic."""
    connection = config.attributes.get("connection")
    if connection is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
        with engine.begin() as owned:
            _run(owned)
        return
    _run(connection)


def _include(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    # The FTS5 virtual table and its shadow tables are managed by hand in the migrations.
    return not (type_ == "table" and name is not None and name.startswith("article_fts"))


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_object=_include,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
