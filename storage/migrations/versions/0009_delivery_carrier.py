"""deliveries that travel together: ``delivery.carrier_id``

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 21:40:00.000000

When several rules fire on one story at once, a webhook channel gets one POST carrying every
rule. Each alert keeps its own delivery row; the rows riding in another's POST name that
delivery in ``carrier_id`` and share its outcome.
"""

from __future__ import annotations

import warnings

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("delivery", sa.Column("carrier_id", sa.String(36), nullable=True))
    op.create_index("ix_delivery_carrier", "delivery", ["carrier_id"])


def downgrade() -> None:
    op.drop_index("ix_delivery_carrier", table_name="delivery")
    with warnings.catch_warnings():
        # On SQLite batch mode reflects the tables delivery refers to; reflection cannot read
        # their expression indexes (coalesce(...)), which the copy of delivery does not need.
        warnings.filterwarnings("ignore", "Skipped unsupported reflection", sa.exc.SAWarning)
        with op.batch_alter_table("delivery") as batch:
            batch.drop_column("carrier_id")
