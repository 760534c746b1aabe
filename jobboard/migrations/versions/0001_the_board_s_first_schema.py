"""the board's first schema

Revision ID: 0001
Revises:
Create Date: 2026-11-27 23:00:17.307149
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "companies",
        sa.Column("name_en", sqlmodel.sql.sqltypes.AutoString(length=160), nullable=False),
        sa.Column("segment", sa.String(length=20), nullable=False),
        sa.Column("city", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("website", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("description_zh", sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
        sa.Column("description_en", sqlmodel.sql.sqltypes.AutoString(length=6000), nullable=False),
        sa.Column("hall", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("booth", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name_zh", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("status_reason", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("companies", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_companies_name_zh"), ["name_zh"], unique=True)
        batch_op.create_index(batch_op.f("ix_companies_status"), ["status"], unique=False)

    op.create_table(
        "search_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("search_outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_search_outbox_job_id"), ["job_id"], unique=False)

    op.create_table(
        "jobs",
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("title_en", sqlmodel.sql.sqltypes.AutoString(length=160), nullable=False),
        sa.Column("city", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("job_type", sa.String(length=20), nullable=False),
        sa.Column("education", sa.String(length=20), nullable=False),
        sa.Column("experience", sa.String(length=20), nullable=False),
        sa.Column("majors", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("salary_min", sa.Integer(), nullable=True),
        sa.Column("salary_max", sa.Integer(), nullable=True),
        sa.Column("salary_months", sa.Integer(), nullable=False),
        sa.Column("headcount", sa.Integer(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("contact_email", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("external_id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("requirements", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("status_reason", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("external_id"),
    )
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_jobs_company_id"), ["company_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_jobs_published_at"), ["published_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_jobs_status"), ["status"], unique=False)

    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
        sa.Column("password_hash", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("full_name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("phone", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_users_company_id"), ["company_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_users_email"), ["email"], unique=True)

    op.create_table(
        "applications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("seeker_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("applicant_name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("applicant_email", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
        sa.Column("applicant_phone", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("cover_letter", sa.Text(), nullable=False),
        sa.Column("resume_key", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("resume_filename", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("resume_size", sa.Integer(), nullable=False),
        sa.Column("consent_recipient", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("consented_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["job_id"],
            ["jobs.id"],
        ),
        sa.ForeignKeyConstraint(
            ["seeker_id"],
            ["users.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("job_id", "seeker_id", name="uq_application_job_seeker"),
        sa.UniqueConstraint("resume_key"),
    )
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_applications_job_id"), ["job_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_applications_seeker_id"), ["seeker_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_applications_status"), ["status"], unique=False)

    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("subject_type", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["users.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_events_action"), ["action"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_events_actor_id"), ["actor_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_actor_id"))
        batch_op.drop_index(batch_op.f("ix_audit_events_action"))

    op.drop_table("audit_events")
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_applications_status"))
        batch_op.drop_index(batch_op.f("ix_applications_seeker_id"))
        batch_op.drop_index(batch_op.f("ix_applications_job_id"))

    op.drop_table("applications")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_users_email"))
        batch_op.drop_index(batch_op.f("ix_users_company_id"))

    op.drop_table("users")
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_jobs_status"))
        batch_op.drop_index(batch_op.f("ix_jobs_published_at"))
        batch_op.drop_index(batch_op.f("ix_jobs_company_id"))

    op.drop_table("jobs")
    with op.batch_alter_table("search_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_search_outbox_job_id"))

    op.drop_table("search_outbox")
    with op.batch_alter_table("companies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_companies_status"))
        batch_op.drop_index(batch_op.f("ix_companies_name_zh"))

    op.drop_table("companies")
