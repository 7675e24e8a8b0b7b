"""source_block: per-source fingerprints of repeated text blocks (learned page chrome)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 21:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "source_block",
        sa.Column("source", sa.String(200), primary_key=True),
        sa.Column("fingerprint", sa.BigInteger(), primary_key=True),
        sa.Column("pages", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("source_block")
