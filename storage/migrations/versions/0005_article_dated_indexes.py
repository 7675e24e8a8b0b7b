"""indexes on an article's date, coalesce(published_at, fetched_at)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 07:30:00.000000

``search(since=..., source=...)`` reads the ids of the articles that pass its filters from
these before it walks the full-text index (see ``storage.article_search``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_DATED = sa.text("coalesce(published_at, fetched_at)")


def upgrade() -> None:
    op.create_index("ix_article_dated", "article", [_DATED])
    op.create_index("ix_article_source_dated", "article", ["source_id", _DATED])


def downgrade() -> None:
    op.drop_index("ix_article_source_dated", table_name="article")
    op.drop_index("ix_article_dated", table_name="article")
