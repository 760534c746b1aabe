"""The Whoosh schema of the job index and its fingerprint.

Stored fields stay small (ids, titles, a content fingerprint): pages read everything else from the
database, which also decides what is public. Filter and facet fields are sortable columns, so
facets and sorting read compact per-document values instead of stored fields.
"""

from __future__ import annotations

import hashlib
from functools import cache

from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from jobboard.search.analysis.analyzer import ANALYSIS_VERSION, bilingual_analyzer
from jobboard.search.analysis.resources import resources_digest

# Bump when fields change in a way the field list below would not show (e.g. a new document mapping).
SCHEMA_VERSION = 3

TEXT_FIELDS = ("title", "title_en", "requirements", "description", "company")
FACET_FIELDS = ("city", "segment", "education", "job_type", "salary_band", "company_id")
NUMBER_FIELDS = ("salary_min", "salary_max", "published_at")
SPELLING_FIELD = "spell"


def build_schema() -> Schema:
    analyzer = bilingual_analyzer()
    return Schema(
        job_id=ID(stored=True, unique=True),
        title=TEXT(analyzer=analyzer, stored=True),
        title_en=TEXT(analyzer=analyzer, stored=True),
        requirements=TEXT(analyzer=analyzer),
        description=TEXT(analyzer=analyzer),
        company=TEXT(analyzer=analyzer),
        # Unstemmed Latin words of the posting: the vocabulary of "did you mean".
        spell=KEYWORD(scorable=True),
        city=ID(sortable=True),
        segment=ID(sortable=True),
        education=ID(sortable=True),
        job_type=ID(sortable=True),
        salary_band=ID(sortable=True),
        company_id=ID(sortable=True),
        # Negotiable salaries have no terms (filters skip them) and sort as 0 (last when highest first).
        salary_min=NUMERIC(int, bits=32, sortable=True, default=0),
        salary_max=NUMERIC(int, bits=32, sortable=True, default=0),
        published_at=NUMERIC(int, bits=64, sortable=True),
        fingerprint=STORED(),
    )


@cache
def schema_fingerprint() -> str:
    """Changes when the fields, the analysis or its dictionaries change: the index must be rebuilt."""
    schema = build_schema()
    parts = [f"schema={SCHEMA_VERSION}", f"analysis={ANALYSIS_VERSION}", f"resources={resources_digest()}"]
    for name in schema.names():
        field = schema[name]
        parts.append(
            f"{name}:{type(field).__name__}:{type(field.format).__name__}:"
            f"{bool(field.stored)}:{bool(field.column_type)}:{getattr(field, 'unique', False)}"
        )
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]
