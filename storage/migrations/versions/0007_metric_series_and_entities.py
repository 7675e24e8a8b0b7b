"""metric series: entity, region, status and basis on observations; article_entity mentions

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 21:00:00.000000

A figure belongs to a series (metric, entity, region, unit, status, basis): the unique key of
an observation takes the new columns in (entity and region may be null, so the index reads
them through coalesce). Figures stored before this revision are sector-wide actual figures
per period until their articles are analysed again.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op
from alembic.operations import BatchOperations

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_TABLE = "metric_observation"
_OLD_COLUMNS = ["story_id", "metric", "period", "value", "unit", "kind"]
# SQLite keeps the old unique constraint unnamed: batch mode names it by this convention.
_NAMES = {"uq": "uq_%(table_name)s_%(column_0_name)s"}
_FIGURE: list[str | sa.TextClause] = [
    *_OLD_COLUMNS, sa.text("coalesce(entity, '')"), sa.text("coalesce(region, '')"),
    "status", "basis",
]  # fmt: skip


def upgrade() -> None:
    old = _old_unique_name()
    with _batch(naming_convention=_NAMES) as batch:
        batch.add_column(sa.Column("entity", sa.String(length=80), nullable=True))
        batch.add_column(sa.Column("region", sa.String(length=40), nullable=True))
        batch.add_column(
            sa.Column("status", sa.String(length=20), nullable=False, server_default="actual")
        )
        batch.add_column(
            sa.Column("basis", sa.String(length=20), nullable=False, server_default="period")
        )
        batch.drop_constraint(old, type_="unique")
    op.create_index("uq_metric_observation_figure", _TABLE, _FIGURE, unique=True)
    op.create_index(
        "ix_metric_observation_series", _TABLE, ["metric", "entity", "region", "period"]
    )
    op.create_table(
        "article_entity",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=80), nullable=False),
        sa.Column("mentions", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("article_id", "entity"),
    )
    op.create_index("ix_article_entity_entity", "article_entity", ["entity", "article_id"])


def downgrade() -> None:
    op.drop_index("ix_article_entity_entity", table_name="article_entity")
    op.drop_table("article_entity")
    op.drop_index("ix_metric_observation_series", table_name=_TABLE)
    op.drop_index("uq_metric_observation_figure", table_name=_TABLE)
    # Figures that differ only in their tags become duplicates: the first stored one stays.
    op.execute(
        f"DELETE FROM {_TABLE} WHERE id NOT IN (SELECT min(id) FROM {_TABLE} "
        f"GROUP BY {', '.join(_OLD_COLUMNS)})"
    )
    with _batch() as batch:
        batch.create_unique_constraint("uq_metric_observation_story_id", _OLD_COLUMNS)
        for column in ("basis", "status", "region", "entity"):
            batch.drop_column(column)


def _old_unique_name() -> str:
    """The old unique constraint's name: PostgreSQL's own, or the batch convention's."""
    for constraint in sa.inspect(op.get_bind()).get_unique_constraints(_TABLE):
        if constraint["column_names"] == _OLD_COLUMNS and constraint["name"]:
            return str(constraint["name"])
    return "uq_metric_observation_story_id"


@contextmanager
def _batch(naming_convention: dict[str, str] | None = None) -> Iterator[BatchOperations]:
    """Batch mode on the table; on SQLite it reflects the table and those it refers to."""
    with warnings.catch_warnings():
        # Reflection cannot read expression indexes (coalesce(...)); SQLite's batch copy
        # does not need them: they are on other tables, or created again after it.
        warnings.filterwarnings("ignore", "Skipped unsupported reflection", sa.exc.SAWarning)
        with op.batch_alter_table(_TABLE, naming_convention=naming_convention) as batch:
            yield batch
