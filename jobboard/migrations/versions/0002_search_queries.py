"""search analytics: queries per fair day, without anyone's identity

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "search_queries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("query", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("searches", sa.Integer(), nullable=False),
        sa.Column("zero_results", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("day", "query", name="uq_search_queries_day_query"),
    )
    with op.batch_alter_table("search_queries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_search_queries_day"), ["day"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("search_queries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_search_queries_day"))

    op.drop_table("search_queries")
