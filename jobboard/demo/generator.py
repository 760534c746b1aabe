"""Generates the demo job table: about 300 postings in the import column format, the same for a given seed."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from jobboard.demo.catalog import (
    BENEFITS_CHANGCHUN,
    BENEFITS_EN,
    BENEFITS_ZH,
    CITY_EN,
    CITY_FACTOR,
    EDUCATION_EN,
    EDUCATION_ZH,
    EXPERIENCE_ZH,
    FIRMS,
    INTRO_EN,
    INTRO_ZH,
    PLUS_EN,
    SENIOR_EN,
    SENIOR_ZH,
    SHARED,
    SOFT_ZH,
    STUDYING_EN,
    STUDYING_ZH,
    TEMPLATES,
    Firm,
    JobTemplate,
)

TOTAL_POSTINGS = 300
COLUMNS = (
    "external_id",
    "company",
    "title",
    "title_en",
    "description",
    "requirements",
    "description_en",
    "requirements_en",
    "city",
    "education",
    "job_type",
    "salary_min",
    "salary_max",
    "headcount",
    "majors",
    "booth",
    "segment",
    "contact_email",
)
MAILBOXES = ("hr", "zhaopin", "jobs", "talent", "rczp")

Row = dict[str, Any]


def generate_job_table(seed: int = 2026) -> list[Row]:
    """The demo board's postings, as an import table (``external_id`` ``DEMO-0001`` …)."""
    rng = random.Random(seed)
    rows: list[Row] = []
    for firm, count in zip(FIRMS, _postings_per_firm(rng), strict=True):
        rows.extend(generate_postings(firm, count, rng))
    rng.shuffle(rows)  # so that the newest postings on the board are not all one firm's
    for number, row in enumerate(rows, start=1):
        row["external_id"] = f"DEMO-{number:04d}"
    return rows


def generate_postings(firm: Firm, count: int, rng: random.Random) -> list[Row]:
    """``count`` postings of one firm, each from a different template (``external_id`` left empty)."""
    pool = TEMPLATES[firm.template_pool]
    # Weighted sampling without replacement (Efraimidis-Spirakis): a firm's own trade comes first,
    # the segment's flagship job above all; the jobs every firm has (sales, HR, …) less often.
    weights = [4.0 if i == 0 else 1.0 if template in SHARED else 2.0 for i, template in enumerate(pool)]
    keys = sorted(range(len(pool)), key=lambda i: rng.random() ** (1 / weights[i]), reverse=True)
    return [_posting(firm, pool[i], rng) for i in keys[:count]]


def _postings_per_firm(rng: random.Random) -> list[int]:
    """Seven or eight postings for a firm; fewer for foreign firms, institutes and service firms."""
    counts = [_base_count(firm) for firm in FIRMS]
    caps = [len(TEMPLATES[firm.template_pool]) for firm in FIRMS]
    growable = [i for i, firm in enumerate(FIRMS) if firm.template_pool in _INDUSTRY_POOLS]
    while sum(counts) < TOTAL_POSTINGS:
        i = rng.choice(growable)
        if counts[i] < min(caps[i], 10):
            counts[i] += 1
    return counts


_INDUSTRY_POOLS = frozenset({"chips", "optics", "satellites", "automotive", "networks"})


def _base_count(firm: Firm) -> int:
    if firm.template_pool in _INDUSTRY_POOLS:
        return 7
    return 5 if firm.template_pool == "services" else 6


def _posting(firm: Firm, template: JobTemplate, rng: random.Random) -> Row:
    # The first title is the common one.
    title, title_en = template.titles[0] if rng.random() < 0.5 else rng.choice(template.titles)
    senior = template.senior and template.job_type == "full_time" and rng.random() < 0.25
    if senior and not title_en.startswith(SENIOR_EN):
        title, title_en = SENIOR_ZH + title, SENIOR_EN + title_en
    education = rng.choice(template.education)
    city = rng.choice(firm.branches) if firm.branches and rng.random() < 0.2 else firm.city
    salary_min, salary_max = _salary(template, city, senior, rng)
    majors = _some(rng, template.majors, 2, 3)
    if firm.foreign:  # foreign firms post in English only
        title = ""
        description, requirements = "", ""
        description_en, requirements_en = _texts_en(firm, template, education, majors, city, rng)
    else:
        description, requirements = _texts_zh(firm, template, education, majors, city, senior, rng)
        description_en, requirements_en = "", ""
    return {
        "external_id": "",
        "company": firm.import_name,
        "title": title,
        "title_en": title_en,
        "description": description,
        "requirements": requirements,
        "description_en": description_en,
        "requirements_en": requirements_en,
        "city": city,
        "education": education,
        "job_type": template.job_type,
        "salary_min": salary_min,
        "salary_max": salary_max,
        "headcount": 1 if senior else rng.randint(*template.headcount),
        "majors": (", " if firm.foreign else "、").join(majors),
        "booth": firm.booth,
        "segment": firm.segment,
        "contact_email": f"{_mailbox(firm)}@{firm.domain}",
    }


def _salary(
    template: JobTemplate, city: str, senior: bool, rng: random.Random
) -> tuple[int | None, int | None]:
    if template.salary is None or (template.job_type == "full_time" and rng.random() < 0.06):
        return None, None  # 面议
    low, high = template.salary
    factor = CITY_FACTOR.get(city, 1.2) * (1.35 if senior else 1.0) * rng.uniform(0.9, 1.12)
    step = 500 if template.job_type == "internship" else 1000
    salary_min = max(1000, _round(low * factor, step))
    salary_max = max(salary_min + step, _round(high * factor * rng.uniform(0.95, 1.1), step))
    return salary_min, salary_max


def _round(value: float, step: int) -> int:
    return round(value / step) * step


def _some(rng: random.Random, items: Sequence[str], low: int, high: int) -> list[str]:
    """Between ``low`` and ``high`` of ``items`` (fewer if there are fewer), in their original order."""
    count = min(len(items), rng.randint(low, high))
    chosen = sorted(rng.sample(range(len(items)), count))
    return [items[i] for i in chosen]


def _numbered(items: Sequence[str], separator: str, end: str) -> list[str]:
    return [f"{n}. {item}{end if n == len(items) else separator}" for n, item in enumerate(items, start=1)]


def _texts_zh(
    firm: Firm,
    template: JobTemplate,
    education: str,
    majors: list[str],
    city: str,
    senior: bool,
    rng: random.Random,
) -> tuple[str, str]:
    duties = [duty.format(focus=firm.focus_zh) for duty in _some(rng, template.duties, 3, 5)]
    benefits = rng.choice(BENEFITS_ZH)
    if city == "长春" and rng.random() < 0.5:
        benefits += BENEFITS_CHANGCHUN
    intro = rng.choice(INTRO_ZH).format(focus=firm.focus_zh)
    description = "\n".join(part for part in (intro, *_numbered(duties, "；", "。"), benefits) if part)

    degree = STUDYING_ZH.get(education, "") if template.job_type == "internship" else EDUCATION_ZH[education]
    needs = [f"{degree or EDUCATION_ZH[education]}，{'、'.join(majors)}等相关专业"]
    skills = _some(rng, template.skills, 2, 4)
    if template.job_type == "full_time" and not any("年以上" in skill for skill in skills):
        if senior:
            needs.append(rng.choice(EXPERIENCE_ZH["senior"]))
        elif education in ("any", "associate"):
            needs.append(rng.choice(EXPERIENCE_ZH["entry"]))
        else:
            needs.append(rng.choice(EXPERIENCE_ZH["junior"]))
    needs.extend(skills)
    if template.plus and rng.random() < 0.7:
        needs.append(rng.choice(template.plus))
    if rng.random() < 0.7:
        needs.append(rng.choice(SOFT_ZH))
    return description, "\n".join(_numbered(needs, "；", "。"))


def _texts_en(
    firm: Firm, template: JobTemplate, education: str, majors: list[str], city: str, rng: random.Random
) -> tuple[str, str]:
    duties = [duty.format(focus=firm.focus_en) for duty in _some(rng, template.duties, 3, 4)]
    intro = rng.choice(INTRO_EN).format(focus=firm.focus_en)
    where = f"Based in our {CITY_EN.get(city, city)} office." if rng.random() < 0.5 else ""
    parts = (intro, "Responsibilities:", *(f"- {duty}." for duty in duties), where, rng.choice(BENEFITS_EN))
    description = "\n".join(part for part in parts if part)
    fields = f"{', '.join(majors)} or a related field"
    if template.job_type == "internship":
        needs = [f"Studying towards {STUDYING_EN.get(education, 'a degree')} in {fields}"]
    else:
        needs = [f"{EDUCATION_EN[education]} in {fields}"]
    needs.extend(_some(rng, template.skills, 2, 4))
    if rng.random() < 0.5:
        needs.append(rng.choice(PLUS_EN).rstrip("."))
    return description, "\n".join(f"- {need}." for need in needs)


def _mailbox(firm: Firm) -> str:
    if firm.foreign:
        return "careers"
    return MAILBOXES[sum(map(ord, firm.key)) % len(MAILBOXES)]
