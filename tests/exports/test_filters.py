"""Filters: status, segment, days at the fair (Asia/Shanghai), company and job; and bad filter input."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from jobboard.applications.models import ApplicationStatus
from jobboard.companies.models import Segment
from jobboard.core.errors import InvalidInput
from jobboard.exports.filters import ExportFilters, parse_filters
from jobboard.exports.plans import ExportFormat, ExportScope
from tests.exports.conftest import Board, download, read_csv, xlsx_values


def _names(board: Board, scope: ExportScope | None = None, filters: ExportFilters | None = None) -> list[str]:
    return [row[6] for row in read_csv(download(board, board.staff, scope=scope, filters=filters))[1:]]


def test_status_filter_keeps_any_of_the_chosen_statuses(board: Board) -> None:
    board.apply(board.job_a1, "甲", status=ApplicationStatus.SUBMITTED)
    board.apply(board.job_a1, "乙", status=ApplicationStatus.INTERVIEW)
    board.apply(board.job_b1, "丙", status=ApplicationStatus.HIRED)
    chosen = ExportFilters(statuses=(ApplicationStatus.INTERVIEW, ApplicationStatus.HIRED))
    assert _names(board, filters=chosen) == ["乙", "丙"]
    assert _names(board) == ["甲", "乙", "丙"]


def test_segment_filter_keeps_the_firms_of_that_segment(board: Board) -> None:
    board.apply(board.job_a1, "光")
    board.apply(board.job_b1, "芯")
    assert _names(board, filters=ExportFilters(segments=(Segment.CHIPS,))) == ["芯"]
    assert _names(board, filters=ExportFilters(segments=(Segment.CHIPS, Segment.OPTICS))) == ["光", "芯"]
    assert _names(board, filters=ExportFilters(segments=(Segment.SATELLITES,))) == []


def test_days_are_days_at_the_fair_with_both_ends_included(board: Board) -> None:
    board.apply(
        board.job_a1, "前一天深夜", at=datetime(2026, 8, 31, 15, 59, tzinfo=UTC)
    )  # 31 Aug 23:59 at the fair
    board.apply(board.job_a1, "当天零点", at=datetime(2026, 8, 31, 16, 0, tzinfo=UTC))  # 1 Sep 00:00
    board.apply(board.job_a1, "当天深夜", at=datetime(2026, 9, 1, 15, 59, tzinfo=UTC))  # 1 Sep 23:59
    board.apply(board.job_a1, "次日零点", at=datetime(2026, 9, 1, 16, 0, tzinfo=UTC))  # 2 Sep 00:00
    first_day = ExportFilters(applied_from=date(2026, 9, 1), applied_to=date(2026, 9, 1))
    assert _names(board, filters=first_day) == ["当天零点", "当天深夜"]
    assert _names(board, filters=ExportFilters(applied_from=date(2026, 9, 2))) == ["次日零点"]
    assert _names(board, filters=ExportFilters(applied_to=date(2026, 8, 31))) == ["前一天深夜"]
    times = [row[1] for row in read_csv(download(board, board.staff, filters=first_day))[1:]]
    assert times == ["2026-09-01 00:00", "2026-09-01 23:59"]


def test_company_and_job_scopes(board: Board) -> None:
    board.apply(board.job_a1, "甲一")
    board.apply(board.job_a2, "甲二")
    board.apply(board.job_b1, "乙一")
    assert _names(board, ExportScope(company_id=board.company_a)) == ["甲一", "甲二"]
    assert _names(board, ExportScope(job_id=board.job_a2)) == ["甲二"]
    assert _names(board, ExportScope(company_id=board.company_b, job_id=board.job_a1)) == []


def test_filters_combine_and_apply_to_xlsx_too(board: Board) -> None:
    board.apply(board.job_a1, "要", status=ApplicationStatus.OFFER, at=datetime(2026, 9, 2, 3, 0, tzinfo=UTC))
    board.apply(
        board.job_a1, "不要", status=ApplicationStatus.OFFER, at=datetime(2026, 9, 3, 3, 0, tzinfo=UTC)
    )
    board.apply(
        board.job_b1, "也不要", status=ApplicationStatus.OFFER, at=datetime(2026, 9, 2, 3, 0, tzinfo=UTC)
    )
    filters = ExportFilters(
        statuses=(ApplicationStatus.OFFER,),
        segments=(Segment.OPTICS,),
        applied_from=date(2026, 9, 2),
        applied_to=date(2026, 9, 2),
    )
    values = xlsx_values(download(board, board.staff, ExportFormat.XLSX, filters=filters))
    assert [row[6] for row in values[1:]] == ["要"]


def test_parse_filters_reads_form_text() -> None:
    parsed = parse_filters(["interview", " offer ", "", "interview"], ["chips"], "2026-09-01", "2026-09-03")
    assert parsed == ExportFilters(
        statuses=(ApplicationStatus.INTERVIEW, ApplicationStatus.OFFER),
        segments=(Segment.CHIPS,),
        applied_from=date(2026, 9, 1),
        applied_to=date(2026, 9, 3),
    )
    assert parse_filters() == ExportFilters()


@pytest.mark.parametrize(
    ("arguments", "errors"),
    [
        ((["hired", "fired"], [], None, None), {"status": "enum"}),
        (([], ["lasers"], None, None), {"segment": "enum"}),
        (([], [], "2026-13-01", "yesterday"), {"applied_from": "date_parsing", "applied_to": "date_parsing"}),
        (([], [], "2026-09-03", "2026-09-01"), {"applied_to": "date_range_reversed"}),
    ],
)
def test_parse_filters_reports_every_bad_field(arguments: tuple, errors: dict[str, str]) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_filters(*arguments)
    assert caught.value.errors == errors
