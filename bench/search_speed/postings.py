"""Seeded, realistic bilingual firms and postings, and loading them into an empty board."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, insert

from bench.search_speed.roles import DUTIES_EN, DUTIES_ZH, ROLES, SKILLS_EN, SKILLS_ZH
from jobboard.companies.models import Company
from jobboard.core.db import open_session
from jobboard.jobs.models import Job

CITIES = ["长春"] * 6 + ["北京", "上海", "深圳", "武汉", "西安", "成都", "苏州", "合肥", "长沙"]
COMPANY_STEMS = [
    "光华",
    "北湖",
    "长光",
    "天枢",
    "芯视",
    "星河",
    "驰远",
    "光迅",
    "联科",
    "晶瑞",
    "华芯",
    "远航",
    "精测",
    "锐光",
    "中科",
    "吉光",
    "博睿",
    "海光",
    "启明",
    "天仪",
]
COMPANY_KINDS = {
    "optics": "光电科技",
    "chips": "半导体",
    "satellites": "卫星技术",
    "automotive": "汽车电子",
    "networks": "通信技术",
    "other": "科技",
}
FOREIGN = [
    "Delft Photonics",
    "Jena Optik Systems",
    "Munich Laser Works",
    "Tokyo Sensor Labs",
    "Seoul Display Tech",
    "Boston Quantum Optics",
    "Eindhoven Chips",
    "Toulouse Space Systems",
]


def generate(size: int, seed: int = 7) -> tuple[list[dict], list[dict]]:
    """Companies and postings: about 3/4 Chinese (most with an English title), 1/4 English-only."""
    rng = random.Random(seed)
    segments = list(ROLES)
    companies: list[dict] = []
    for number in range(max(10, size // 150)):
        segment = rng.choice(segments)
        foreign = number % 8 == 7
        name = (
            f"{rng.choice(FOREIGN)} {number}"
            if foreign
            else (f"{rng.choice(CITIES)}{rng.choice(COMPANY_STEMS)}{COMPANY_KINDS[segment]}有限公司{number}")
        )
        companies.append(
            {
                "id": number + 1,
                "name_zh": name,
                "name_en": name if foreign else "",
                "segment": segment,
                "foreign": foreign,
            }
        )
    start = datetime.now(UTC) - timedelta(days=60)
    jobs: list[dict] = []
    for number in range(size):
        company = rng.choice(companies)
        segment = company["segment"] if rng.random() < 0.8 else rng.choice(segments)
        title_zh, title_en = rng.choice(ROLES[segment])
        low = rng.choice([None, 6000, 8000, 10000, 12000, 15000, 20000, 25000, 30000])
        if company["foreign"]:
            title, english = title_en, title_en
            description = "; ".join(rng.sample(DUTIES_EN[segment], k=min(3, len(DUTIES_EN[segment])))) + "."
            requirements = "; ".join(rng.sample(SKILLS_EN, k=4)) + "."
        else:
            title, english = title_zh, (title_en if rng.random() < 0.7 else "")
            description = "；".join(rng.sample(DUTIES_ZH[segment], k=min(4, len(DUTIES_ZH[segment])))) + "。"
            description += rng.choice(["", "参与新产品导入与技术攻关。", "编写技术文档并培训生产人员。"])
            requirements = "；".join(rng.sample(SKILLS_ZH, k=5)) + "。"
        jobs.append(
            {
                "company_id": company["id"],
                "title": title,
                "title_en": english,
                "description": description,
                "requirements": requirements,
                "city": rng.choice(CITIES),
                "education": rng.choice(["any", "associate", "bachelor", "bachelor", "master", "phd"]),
                "job_type": rng.choice(["full_time"] * 6 + ["internship", "campus"]),
                "experience": "any",
                "majors": "",
                "salary_min": low,
                "salary_max": low * 2 if low else None,
                "salary_months": 12,
                "headcount": rng.randint(1, 5),
                "contact_email": "",
                "status": "published",
                "status_reason": "",
                "external_id": f"S-{number:06d}",
                "created_at": start,
                "updated_at": start,
                "published_at": start + timedelta(seconds=number * 30),
            }
        )
    return companies, jobs


def load_board(engine: Engine, companies: list[dict], jobs: list[dict]) -> None:
    with open_session(engine) as session:
        session.execute(
            insert(Company),
            [
                {
                    "id": c["id"],
                    "name_zh": c["name_zh"],
                    "name_en": c["name_en"],
                    "segment": c["segment"],
                    "status": "approved",
                    "city": "长春",
                    "created_at": datetime.now(UTC),
                }
                for c in companies
            ],
        )
        for start in range(0, len(jobs), 5000):
            session.execute(insert(Job), jobs[start : start + 5000])
        session.commit()
