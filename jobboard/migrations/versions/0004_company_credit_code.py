"""companies.credit_code: the 统一社会信用代码, unique when given (firms registered abroad have none)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 14:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("companies", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("credit_code", sqlmodel.sql.sqltypes.AutoString(length=18), nullable=True)
        )
        batch_op.create_unique_constraint("uq_companies_credit_code", ["credit_code"])


def downgrade() -> None:
    with op.batch_alter_table("companies", schema=None) as batch_op:
        batch_op.drop_constraint("uq_companies_credit_code", type_="unique")
        batch_op.drop_column("credit_code")
