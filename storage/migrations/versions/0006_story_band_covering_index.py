"""a covering index for the LSH candidate lookup: (band_hash, story_id, article_id)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 08:30:00.000000

The candidate lookup groups every stored band that matches one of a new article's 64 band
hashes; with the story and article ids in the index it never reads the table's rows.
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_story_band_lookup", "story_band", ["band_hash", "story_id", "article_id"])
    op.drop_index("ix_story_band_hash", table_name="story_band")


def downgrade() -> None:
    op.create_index("ix_story_band_hash", "story_band", ["band_hash"])
    op.drop_index("ix_story_band_lookup", table_name="story_band")
