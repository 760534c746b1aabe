"""mail outbox; accounts gain a language, a verified e-mail, a session generation and a role in their firm

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 18:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UTC = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "mail_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recipient", sa.String(length=254), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("template", sa.String(length=80), nullable=False),
        sa.Column("context", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", _UTC, nullable=False),
        sa.Column("claimed_until", _UTC, nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("created_at", _UTC, nullable=False),
        sa.Column("sent_at", _UTC, nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    for column in ("user_id", "kind", "status"):
        op.create_index(op.f(f"ix_mail_outbox_{column}"), "mail_outbox", [column], unique=False)
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("firm_role", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("language", sa.String(length=5), nullable=False, server_default="zh"))
        batch_op.add_column(sa.Column("email_verified_at", _UTC, nullable=True))
        batch_op.add_column(sa.Column("session_generation", sa.Integer(), nullable=False, server_default="0"))
    # Accounts made before verification existed were used as they were: they count as verified, and the
    # one member each firm had is its owner.
    op.execute("UPDATE users SET email_verified_at = created_at")
    op.execute("UPDATE users SET firm_role = 'owner' WHERE company_id IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("session_generation")
        batch_op.drop_column("email_verified_at")
        batch_op.drop_column("language")
        batch_op.drop_column("firm_role")
    for column in ("status", "kind", "user_id"):
        op.drop_index(op.f(f"ix_mail_outbox_{column}"), table_name="mail_outbox")
    op.drop_table("mail_outbox")
