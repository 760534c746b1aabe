"""A temporary board for the export benchmark: 670 firms, 5 jobs each, seekers and their applications.

The board's modules are imported inside ``load_board``: the benchmark's parent process imports this
module too, and stays small so that its children's peak memory is their own.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

FAIR_OPENS = datetime(2026, 9, 1, 0, 0, tzinfo=UTC)  # 08:00 at the fair
SEGMENTS = ("chips", "optics", "satellites", "automotive", "networks", "other")
STATUSES = ("submitted", "viewed", "interview", "offer", "hired", "rejected", "withdrawn")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "明芳伟娜静磊洋艳勇军杰娟涛超霞平刚桂英华"
LETTER = (
    "本人毕业于长春理工大学光电信息科学与工程专业，熟悉光纤激光器、红外探测器与光学设计软件"
    "（Zemax、CODE V），"
    '参与过"高功率半导体激光器封装"项目，擅长测试与数据分析。希望加入贵公司，从事研发工作，谢谢！'
)


def _companies(count: int) -> Iterator[dict[str, Any]]:
    for number in range(1, count + 1):
        yield {
            "id": number,
            "name_zh": f"长春第{number}光电科技有限公司",
            "name_en": f"Changchun Photonics No. {number}",
            "segment": SEGMENTS[number % len(SEGMENTS)],
            "city": "长春",
            "website": "",
            "description_zh": "",
            "description_en": "",
            "hall": f"B{number % 4 + 1}",
            "booth": f"B{number % 4 + 1}-{number:03d}",
            "status": "approved",
            "status_reason": "",
            "created_at": FAIR_OPENS,
        }


def _jobs(companies: int, per_company: int) -> Iterator[dict[str, Any]]:
    for number in range(1, companies * per_company + 1):
        yield {
            "id": number,
            "company_id": (number - 1) // per_company + 1,
            "external_id": f"GBH-{number:05d}",
            "title": (
                "激光器研发工程师",
                "光学设计工程师",
                "芯片测试工程师",
                "卫星载荷工程师",
                '=HYPERLINK("x")',
            )[number % 5],
            "title_en": "",
            "description": "负责研发。",
            "requirements": "",
            "city": "长春",
            "job_type": "full_time",
            "education": "bachelor",
            "experience": "any",
            "majors": "",
            "salary_min": 15000,
            "salary_max": 25000,
            "salary_months": 14,
            "headcount": 2,
            "contact_email": "",
            "status": "published",
            "status_reason": "",
            "created_at": FAIR_OPENS,
            "published_at": FAIR_OPENS,
        }


def _seekers(count: int) -> Iterator[dict[str, Any]]:
    for number in range(1, count + 1):
        yield {
            "id": number,
            "email": f"seeker{number}@example.cn",
            "password_hash": "x",
            "role": "seeker",
            "full_name": "",
            "phone": "",
            "is_active": True,
            "created_at": FAIR_OPENS,
        }


def _applications(rows: int, seekers: int, jobs: int, rng: random.Random) -> Iterator[dict[str, Any]]:
    per_seeker = -(-rows // seekers)
    for number in range(1, rows + 1):
        seeker = (number - 1) // per_seeker + 1
        job = ((number - 1) % per_seeker * (jobs // per_seeker) + seeker) % jobs + 1  # distinct per seeker
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(("", *GIVEN))
        letter = LETTER[: rng.randint(20, len(LETTER))]
        if number % 50 == 0:
            letter = rng.choice(("=1+2", "+86 13800000000", "-不限", "@SUM(A1)", "\tTAB", "\rCR")) + letter
        moment = FAIR_OPENS + timedelta(seconds=rng.randint(0, 3 * 24 * 3600))
        yield {
            "id": number,
            "job_id": job,
            "seeker_id": seeker,
            "status": STATUSES[number % len(STATUSES)],
            "applicant_name": name,
            "applicant_email": f"seeker{seeker}@example.cn",
            "applicant_phone": f"138{number:08d}",
            "cover_letter": letter,
            "resume_key": f"{number:032x}.pdf",
            "resume_filename": f"{name}简历.pdf",
            "resume_size": 123_456,
            "consent_recipient": "长春光电",
            "consented_at": moment,
            "created_at": moment,
        }


def _insert(engine: Any, table: Any, rows: Iterator[dict[str, Any]], batch: int = 5000) -> None:
    from sqlalchemy import insert

    with engine.begin() as connection:
        chunk: list[dict[str, Any]] = []
        for row in rows:
            chunk.append(row)
            if len(chunk) == batch:
                connection.execute(insert(table), chunk)
                chunk.clear()
        if chunk:
            connection.execute(insert(table), chunk)


def load_board(database: Path, rows: int) -> None:
    """A migrated board with 670 firms, 5 jobs each and ``rows`` applications (bulk inserts)."""
    import jobboard.models  # noqa: F401  (registers every table)
    from jobboard.accounts.models import User
    from jobboard.applications.models import Application
    from jobboard.companies.models import Company
    from jobboard.core.db import create_db_engine
    from jobboard.jobs.models import Job
    from jobboard.migrations.runner import upgrade

    url = f"sqlite:///{database}"
    upgrade("head", database_url=url)
    engine = create_db_engine(url)
    companies, per_company, seekers = 670, 5, max(1, rows // 4)
    rng = random.Random(20260901)
    try:
        _insert(engine, Company.__table__, _companies(companies))
        _insert(engine, Job.__table__, _jobs(companies, per_company))
        _insert(engine, User.__table__, _seekers(seekers))
        _insert(engine, Application.__table__, _applications(rows, seekers, companies * per_company, rng))
    finally:
        engine.dispose()
