"""SQLite FTS5 over the same rjieba-segmented text, the yardstick for the search service."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from jobboard.search.analysis.analyzer import normalize


def segmented(text: str) -> str:
    import rjieba

    return " ".join(token for token in rjieba.cut_for_search(normalize(text)) if token.strip())


def build_fts(path: Path, jobs: list[dict], companies: list[dict]) -> sqlite3.Connection:
    names = {c["id"]: f"{c['name_zh']} {c['name_en']}" for c in companies}
    connection = sqlite3.connect(path)
    connection.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(title, requirements, description, company, city UNINDEXED, "
        "education UNINDEXED, salary_max UNINDEXED, published_at UNINDEXED, tokenize='porter unicode61')"
    )
    connection.executemany(
        "INSERT INTO fts(rowid, title, requirements, description, company, city, education, salary_max, "
        "published_at) VALUES (?,?,?,?,?,?,?,?,?)",
        (
            (
                n + 1,
                segmented(f"{j['title']} {j['title_en']}"),
                segmented(j["requirements"]),
                segmented(j["description"]),
                segmented(names[j["company_id"]]),
                j["city"],
                j["education"],
                j["salary_max"] or 0,
                j["published_at"].timestamp(),
            )
            for n, j in enumerate(jobs)
        ),
    )
    connection.commit()
    return connection


def fts_search(connection: sqlite3.Connection, text: str, filters: dict) -> int:
    tokens = [f'"{token}"' for token in segmented(text).split() if token.replace('"', "")]
    where, params = [], []
    for name in ("city", "education"):
        if name in filters:
            where.append(f"{name} = ?")
            params.append(filters[name])
    if "salary_min" in filters:
        where.append("salary_max >= ?")
        params.append(filters["salary_min"])
    if tokens:
        where.insert(0, "fts MATCH ?")
        params.insert(0, " AND ".join(tokens))
    order = {"newest": "published_at DESC", "salary": "salary_max DESC"}.get(
        filters.get("sort", ""), "bm25(fts, 10.0, 2.0, 1.0, 1.0)" if tokens else "published_at DESC"
    )
    page = filters.get("page", 1)
    sql = (
        f"SELECT rowid FROM fts {'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY {order} "
        f"LIMIT 20 OFFSET {(page - 1) * 20}"
    )
    return len(connection.execute(sql, params).fetchall())
