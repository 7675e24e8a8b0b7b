"""postgres full-text search

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 05:10:00.000000

On PostgreSQL, ``article_fts`` is a table of tsvector documents with a GIN index (SQLite's
FTS5 table of the same name was created by 0001). Articles stored before are indexed here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_BATCH = 500


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.create_table(
        "article_fts",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("document", postgresql.TSVECTOR(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("article_id"),
    )
    op.create_index(
        "ix_article_fts_document", "article_fts", ["document"], postgresql_using="gin"
    )
    _index_existing_articles()


def _index_existing_articles() -> None:
    from storage.postgres import tsvector_literal

    bind = op.get_bind()
    last = 0
    while True:
        rows = bind.execute(
            sa.text("SELECT id, title, text FROM article WHERE id > :last ORDER BY id LIMIT :n"),
            {"last": last, "n": _BATCH},
        ).all()
        if not rows:
            return
        bind.execute(
            sa.text("INSERT INTO article_fts VALUES (:id, CAST(:doc AS tsvector))"),
            [{"id": r.id, "doc": tsvector_literal(r.title or "", r.text)} for r in rows],
        )
        last = rows[-1].id


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index("ix_article_fts_document", table_name="article_fts")
    op.drop_table("article_fts")
