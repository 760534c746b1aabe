"""(Job, Company) → the document the index keeps for a public job."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from jobboard.companies.models import Company
from jobboard.jobs.models import Job

_LATIN_WORD = re.compile(r"[a-z][a-z]{2,}")


@dataclass(frozen=True)
class SalaryBand:
    key: str
    low: int | None  # monthly CNY, inclusive; None = negotiable
    high: int | None  # exclusive; None = no upper bound


# Bands of the upper end of the range, the end the salary_min filter compares with.
SALARY_BANDS: tuple[SalaryBand, ...] = (
    SalaryBand("negotiable", None, None),
    SalaryBand("lt10k", 0, 10_000),
    SalaryBand("10k-15k", 10_000, 15_000),
    SalaryBand("15k-20k", 15_000, 20_000),
    SalaryBand("20k-30k", 20_000, 30_000),
    SalaryBand("30k-50k", 30_000, 50_000),
    SalaryBand("50k+", 50_000, None),
)


def salary_band(salary_max: int | None) -> str:
    if salary_max is None:
        return "negotiable"
    for band in SALARY_BANDS[1:]:
        if band.low is not None and salary_max >= band.low and (band.high is None or salary_max < band.high):
            return band.key
    return SALARY_BANDS[-1].key


def facet_value(value: str) -> str:
    """How filter values are compared: NFKC and trimmed (full-width and stray spaces don't split facets)."""
    return unicodedata.normalize("NFKC", value).strip()


def spelling_words(*texts: str) -> str:
    words = set()
    for text in texts:
        words.update(_LATIN_WORD.findall(unicodedata.normalize("NFKC", text).lower()))
    return " ".join(sorted(words))


def _same_text(a: str | None, b: str | None) -> bool:
    return (
        bool(a)
        and unicodedata.normalize("NFKC", a or "").strip().lower()
        == unicodedata.normalize("NFKC", b or "").strip().lower()
    )


def job_document(job: Job, company: Company) -> dict[str, Any]:
    if job.id is None or company.id is None:
        raise ValueError("only saved jobs and companies can be indexed")
    # Both languages' texts go into the same fields: the analyzer reads Chinese and English alike.
    requirements = "\n".join(part for part in (job.requirements, job.requirements_en, job.majors) if part)
    description = "\n".join(part for part in (job.description, job.description_en) if part)
    company_names = " ".join(part for part in (company.name_zh, company.name_en) if part)
    published = job.published_at or job.created_at
    # An English-only posting has its one title in the title field, as one that repeats its title as
    # title_en does: counting it twice, or weighing it less, would rank it apart from Chinese postings.
    title = job.title or job.title_en
    document: dict[str, Any] = {
        "job_id": str(job.id),
        "title": title,
        "title_en": "" if _same_text(job.title_en, title) else job.title_en,
        "requirements": requirements,
        "description": description,
        "company": company_names,
        "spell": spelling_words(title, job.title_en, requirements, description, company_names),
        "city": facet_value(job.city),
        "segment": str(company.segment),
        "education": str(job.education),
        "job_type": str(job.job_type),
        "salary_band": salary_band(job.salary_max),
        "company_id": str(company.id),
        "published_at": int(published.timestamp()) if published else 0,
    }
    if job.salary_min is not None:
        document["salary_min"] = job.salary_min
    if job.salary_max is not None:
        document["salary_max"] = job.salary_max
    document["fingerprint"] = document_fingerprint(document)
    return document


def document_fingerprint(document: dict[str, Any]) -> str:
    """A digest of what was indexed, so ``check`` can tell a stale document from a current one."""
    content = {key: value for key, value in document.items() if key != "fingerprint"}
    return hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]
