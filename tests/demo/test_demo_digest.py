"""The demo data files still make the board they made when they were literals in Python.

The digest covers everything ``jobboard demo-data`` takes from the catalogue and the generator: the job
table, the firms' profiles, the jobs posted for review, the accounts' people and the applications. An
edit to ``jobboard/demo/data/`` or to the generator changes it; when the change is meant, take the new
digest from
    .venv/bin/python -c "from tests.demo.test_demo_digest import demo_digest; print(demo_digest())"
and say in the commit why the demo board changed.
"""

from __future__ import annotations

import hashlib
import json
import random
from typing import Any

from jobboard.demo.catalog import (
    APPLICATION_PLAN,
    COVER_LETTERS,
    EMPLOYER_NAMES,
    FIRMS,
    PENDING_EMPLOYER_NAMES,
    PENDING_FIRMS,
    SEEKERS,
    Firm,
)
from jobboard.demo.generator import generate_job_table, generate_postings
from jobboard.demo.loader import EMPLOYER_COUNT, SEED

# Computed with the literal catalogue (commit 33bab3a) before it became data files; since then foreign
# firms post in the English fields only (issue 11, item 9).
EXPECTED_DIGEST = "18e5df416ac15df78b72055d9b478a497d8b4093474038ee5c099a4719fdb23e"
FIRM_FIELDS = (
    "key",
    "name_zh",
    "name_en",
    "import_name",
    "segment",
    "city",
    "hall",
    "booth",
    "website",
    "about_zh",
    "about_en",
)


def _firm(firm: Firm) -> dict[str, str]:
    return {name: getattr(firm, name) for name in FIRM_FIELDS}


def demo_material() -> dict[str, Any]:
    """What the loader loads, in the order it draws from one random stream for the jobs to review."""
    rng = random.Random(SEED)
    for_review = [generate_postings(firm, 2, rng) for firm in PENDING_FIRMS]
    for_review.append(generate_postings(FIRMS[0], 1, rng))
    return {
        "job_table": generate_job_table(SEED),
        "firms": [_firm(firm) for firm in FIRMS],
        "pending_firms": [_firm(firm) for firm in PENDING_FIRMS],
        "jobs_for_review": for_review,
        "employers": list(EMPLOYER_NAMES[:EMPLOYER_COUNT]),
        "pending_employers": list(PENDING_EMPLOYER_NAMES),
        "seekers": [list(seeker) for seeker in SEEKERS],
        "applications": [[s, e, j, list(steps)] for s, e, j, steps in APPLICATION_PLAN],
        "cover_letters": list(COVER_LETTERS),
    }


def demo_digest() -> str:
    text = json.dumps(demo_material(), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def test_the_demo_board_is_the_one_the_literal_catalogue_made() -> None:
    assert demo_digest() == EXPECTED_DIGEST
