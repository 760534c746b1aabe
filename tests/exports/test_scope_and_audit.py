"""Employers export their own applicants only (a 404 for anything else); every export is recorded."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from jobboard.applications.models import ApplicationStatus
from jobboard.core.db import open_session
from jobboard.core.errors import InvalidInput, NotFound
from jobboard.exports.filters import ExportFilters
from jobboard.exports.plans import Export, ExportFormat, ExportScope, plan_export, scope_for
from jobboard.exports.streaming import export_chunks
from tests.exports.conftest import Board, download, read_csv

ALL_FORMATS = list(ExportFormat)


def _session(board: Board) -> Session:
    return open_session(board.engine)


@pytest.mark.parametrize("file_format", ALL_FORMATS)
@pytest.mark.parametrize("asked", ["company", "job", "job of the other firm in its own company"])
def test_employer_cannot_export_another_firms_applicants(
    board: Board, file_format: ExportFormat, asked: str
) -> None:
    board.apply(board.job_a1)
    requested = {
        "company": ExportScope(company_id=board.company_a),
        "job": ExportScope(job_id=board.job_a1),
        "job of the other firm in its own company": ExportScope(
            company_id=board.company_b, job_id=board.job_a1
        ),
    }[asked]
    with pytest.raises(NotFound):
        download(board, board.employer_b, file_format, scope=requested)
    assert board.exports() == []


def test_employer_export_is_always_its_own_company(board: Board) -> None:
    board.apply(board.job_a1, "甲的申请人")
    board.apply(board.job_b1, "乙的申请人")
    with _session(board) as session:
        assert scope_for(session, board.employer_b, ExportScope()) == ExportScope(company_id=board.company_b)
        assert scope_for(session, board.employer_a, ExportScope(job_id=board.job_a2)) == ExportScope(
            company_id=board.company_a, job_id=board.job_a2
        )
    assert [row[6] for row in read_csv(download(board, board.employer_b))[1:]] == ["乙的申请人"]


def test_job_seekers_export_nothing(board: Board) -> None:
    with _session(board) as session, pytest.raises(NotFound):
        scope_for(session, board.seeker, ExportScope())


def test_staff_export_any_company(board: Board) -> None:
    board.apply(board.job_a1)
    board.apply(board.job_b1)
    assert len(read_csv(download(board, board.staff, scope=ExportScope(company_id=board.company_b)))) == 2
    assert len(read_csv(download(board, board.staff))) == 3


def test_resumes_go_out_one_company_at_a_time(board: Board) -> None:
    with _session(board) as session, pytest.raises(InvalidInput) as caught:
        plan_export(session, board.staff, ExportScope(), ExportFilters(), ExportFormat.ZIP)
    assert caught.value.errors == {"company": "missing"}


@pytest.mark.parametrize("file_format", ALL_FORMATS)
def test_every_export_is_recorded_with_who_scope_filters_format_and_rows(
    board: Board, file_format: ExportFormat
) -> None:
    board.apply(board.job_a1, status=ApplicationStatus.INTERVIEW)
    board.apply(board.job_a2, status=ApplicationStatus.INTERVIEW)
    board.apply(board.job_a2, status=ApplicationStatus.REJECTED)
    board.apply(board.job_b1, status=ApplicationStatus.INTERVIEW)
    filters = ExportFilters(statuses=(ApplicationStatus.INTERVIEW,))
    download(board, board.employer_a, file_format, filters=filters)
    (event,) = board.exports()
    assert event == {
        "actor_id": board.employer_a.id,
        "format": str(file_format),
        "rows": 2,
        "company_id": board.company_a,
        "status": ["interview"],
        "complete": True,
        "channel": "web",
        **({"missing_files": 0} if file_format is ExportFormat.ZIP else {}),
    }


def test_the_record_holds_the_job_and_dates_too(board: Board) -> None:
    from datetime import date

    board.apply(board.job_a1)
    filters = ExportFilters(applied_from=date(2026, 9, 1), applied_to=date(2026, 9, 3))
    download(board, board.staff, ExportFormat.XLSX, scope=ExportScope(job_id=board.job_a1), filters=filters)
    (event,) = board.exports()
    assert event["rows"] == 1 and event["job_id"] == board.job_a1 and event["actor_id"] == board.staff.id
    assert event["applied_from"] == "2026-09-01" and event["applied_to"] == "2026-09-03"
    assert "company_id" not in event and "status" not in event


def test_a_download_stopped_half_way_is_recorded_as_incomplete(board: Board) -> None:
    board.apply(board.job_a1)
    chunks = export_chunks(board.engine, Export(scope=ExportScope()), board.staff.id)
    next(chunks)  # the header line; then the browser goes away
    chunks.close()
    (event,) = board.exports()
    assert event["complete"] is False and event["rows"] == 0


def test_nothing_is_recorded_before_the_download_starts(board: Board) -> None:
    export_chunks(board.engine, Export(scope=ExportScope()), board.staff.id)
    assert board.exports() == []
