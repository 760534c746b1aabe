"""account links: e-mail verification and password reset, each kept as its token's digest

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 19:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UTC = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "account_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=20), nullable=False),
        sa.Column("token_digest", sa.String(length=64), nullable=False),
        sa.Column("next_path", sa.String(length=500), nullable=False),
        sa.Column("session_generation", sa.Integer(), nullable=False),
        sa.Column("created_at", _UTC, nullable=False),
        sa.Column("expires_at", _UTC, nullable=False),
        sa.Column("used_at", _UTC, nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_account_links_token_digest"), "account_links", ["token_digest"], unique=True)
    op.create_index(op.f("ix_account_links_user_id"), "account_links", ["user_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_account_links_user_id"), table_name="account_links")
    op.drop_index(op.f("ix_account_links_token_digest"), table_name="account_links")
    op.drop_table("account_links")
