"""a run's warnings apart from its error: ``crawl_run.warnings``

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 00:10:00.000000

A run that read its source but not as it should (a listing that yielded no article link)
kept its warning in ``error`` as ``warning: ...``, so it counted as a failure for backoff and
the source_health rule. Those texts move to ``warnings`` (a JSON list), their runs' ``error``
is cleared, and each source's ``consecutive_failures`` is counted again from its runs.
"""

from __future__ import annotations

import warnings

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

PREFIX = "warning: "

_runs = sa.table(
    "crawl_run",
    sa.column("id", sa.Integer),
    sa.column("source_id", sa.Integer),
    sa.column("finished_at", sa.DateTime),
    sa.column("error", sa.Text),
    sa.column("warnings", sa.JSON(none_as_null=True)),
)
_sources = sa.table(
    "source", sa.column("id", sa.Integer), sa.column("consecutive_failures", sa.Integer)
)


def upgrade() -> None:
    op.add_column("crawl_run", sa.Column("warnings", sa.JSON(), nullable=True))
    bind = op.get_bind()
    warned = bind.execute(
        sa.select(_runs.c.id, _runs.c.error).where(_runs.c.error.like(PREFIX + "%"))
    ).all()
    for run_id, error in warned:
        bind.execute(
            _runs.update()
            .where(_runs.c.id == run_id)
            .values(error=None, warnings=[error.removeprefix(PREFIX)])
        )
    if warned:
        _recount_failures(bind)


def _recount_failures(bind: sa.Connection) -> None:
    """Each source's failed runs since its last run without an error."""
    for (source_id,) in bind.execute(sa.select(_sources.c.id)).all():
        errors = bind.execute(
            sa.select(_runs.c.error)
            .where(_runs.c.source_id == source_id, _runs.c.finished_at.is_not(None))
            .order_by(_runs.c.id.desc())
        ).scalars()
        streak = 0
        for error in errors:
            if error is None:
                break
            streak += 1
        bind.execute(
            _sources.update()
            .where(_sources.c.id == source_id)
            .values(consecutive_failures=streak)
        )


def downgrade() -> None:
    bind = op.get_bind()
    warned = bind.execute(
        sa.select(_runs.c.id, _runs.c.warnings).where(
            _runs.c.warnings.is_not(None), _runs.c.error.is_(None)
        )
    ).all()
    for run_id, texts in warned:
        if texts:
            error = PREFIX + texts[0]
            bind.execute(_runs.update().where(_runs.c.id == run_id).values(error=error))
    _recount_failures(bind)
    with warnings.catch_warnings():
        # On SQLite batch mode reflects the tables crawl_run refers to; reflection cannot read
        # their expression indexes, which the copy of crawl_run does not need.
        warnings.filterwarnings("ignore", "Skipped unsupported reflection", sa.exc.SAWarning)
        with op.batch_alter_table("crawl_run") as batch:
            batch.drop_column("warnings")
