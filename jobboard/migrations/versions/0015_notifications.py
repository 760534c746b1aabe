"""notifications: the inbox, each person's mail choices and digest stamp, and mail stop links

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04 19:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UTC = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recipient_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("link", sa.String(length=200), nullable=False),
        sa.Column("created_at", _UTC, nullable=False),
        sa.Column("read_at", _UTC, nullable=True),
        sa.Column("awaiting_digest", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["recipient_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_notifications_unread", "notifications", ["recipient_id", "read_at"], unique=False)
    op.create_index(
        op.f("ix_notifications_awaiting_digest"), "notifications", ["awaiting_digest"], unique=False
    )
    op.create_table(
        "notification_settings",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("mail_off", sa.JSON(), nullable=False),
        sa.Column("digest_sent_at", _UTC, nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("user_id"),
    )
    op.create_table(
        "mail_stop_tokens",
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("created_at", _UTC, nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("digest"),
    )
    op.create_index(op.f("ix_mail_stop_tokens_user_id"), "mail_stop_tokens", ["user_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_mail_stop_tokens_user_id"), table_name="mail_stop_tokens")
    op.drop_table("mail_stop_tokens")
    op.drop_table("notification_settings")
    op.drop_index(op.f("ix_notifications_awaiting_digest"), table_name="notifications")
    op.drop_index("ix_notifications_unread", table_name="notifications")
    op.drop_table("notifications")
