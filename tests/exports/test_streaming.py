"""Exports stream: rows are read in short batches, and each file goes out as the rows come in."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from jobboard.applications.resumes import ResumeStore
from jobboard.exports.resumes import zip_chunks
from jobboard.exports.rows import applicant_batches, applicant_query
from jobboard.exports.writers import Tally, csv_chunks
from tests.exports.conftest import Board, pdf_bytes

LABELS = {"submitted": "Submitted"}


def test_rows_come_in_id_order_in_batches(board: Board) -> None:
    ids = [board.apply(board.job_a1 if number % 2 else board.job_b1) for number in range(5)]
    batches = list(applicant_batches(board.engine, applicant_query(), size=2))
    assert [len(batch) for batch in batches] == [2, 2, 1]
    assert [row[0] for batch in batches for row in batch] == ids


class _Watched:
    """Batches of rows that note how many were taken, to see that writers do not read ahead."""

    def __init__(self, batches: list[list[tuple[Any, ...]]]) -> None:
        self.batches = batches
        self.taken = 0

    def __iter__(self) -> Iterator[list[tuple[Any, ...]]]:
        for batch in self.batches:
            self.taken += 1
            yield batch


def _row(number: int, key: str = "") -> tuple[Any, ...]:
    return (
        number,
        "2026-09-01 02:00:00.000000",
        "submitted",
        "甲公司",
        "岗位",
        "GBH-1",
        f"人{number}",
        "e",
        "p",
        "letter",
        "简历.pdf",
        key,
    )


def test_csv_goes_out_batch_by_batch() -> None:
    watched = _Watched([[_row(1)], [_row(2)], [_row(3)]])
    chunks = csv_chunks(watched, LABELS, Tally())
    next(chunks)  # headers
    assert b"\xe4\xba\xba1" in next(chunks) and watched.taken == 1  # 人1, and nothing read beyond it


def test_zip_goes_out_file_by_file(tmp_path: Any) -> None:
    store = ResumeStore(tmp_path)
    keys = [store.save(pdf_bytes() + b"%" * 200_000) for _ in range(3)]
    watched = _Watched([[_row(number, key)] for number, key in enumerate(keys, start=1)])
    tally = Tally()
    chunks = zip_chunks(watched, store, tally)
    first = next(chunks)
    assert (
        first.startswith(b"PK\x03\x04") and watched.taken == 1
    )  # the first file leaves before the second is read
    rest = b"".join(chunks)
    assert tally.rows == 3 and zipfile.ZipFile(io.BytesIO(first + rest)).testzip() is None
