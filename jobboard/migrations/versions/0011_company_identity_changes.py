"""company identity changes wait for review; withdrawn applications keep only the record

Revision ID: 0011
Revises: 0006
Create Date: 2026-12-03 18:54:27.484121
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UTC = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "company_identity_changes",
        sa.Column("name_zh", sa.String(length=120), nullable=False),
        sa.Column("name_en", sa.String(length=160), nullable=False),
        sa.Column("hall", sa.String(length=20), nullable=False),
        sa.Column("booth", sa.String(length=20), nullable=False),
        sa.Column("credit_code", sa.String(length=18), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("created_at", _UTC, nullable=False),
        sa.Column("updated_at", _UTC, nullable=True),
        sa.Column("decided_at", _UTC, nullable=True),
        sa.ForeignKeyConstraint(["company_id"], ["companies.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    for column in ("company_id", "status"):
        op.create_index(
            op.f(f"ix_company_identity_changes_{column}"), "company_identity_changes", [column], unique=False
        )
    # Applications withdrawn before this revision gave up their letter and resume too; the files go with
    # the next `jobboard sweep-resumes` (it keeps only the resumes of applications not withdrawn).
    op.execute(
        "UPDATE applications SET cover_letter = '', applicant_phone = '', resume_filename = '',"
        " resume_size = 0 WHERE status = 'withdrawn'"
    )


def downgrade() -> None:
    for column in ("status", "company_id"):
        op.drop_index(op.f(f"ix_company_identity_changes_{column}"), table_name="company_identity_changes")
    op.drop_table("company_identity_changes")
