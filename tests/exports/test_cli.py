"""``jobboard export-applicants``: the web's implementation, with --format xlsx and the same filters."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from jobboard import cli
from jobboard.applications.models import ApplicationStatus
from jobboard.core.settings import Settings
from jobboard.exports import commands
from tests.exports.conftest import Board, read_csv, xlsx_values


@pytest.fixture
def run(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> object:
    monkeypatch.setattr(commands, "get_settings", lambda: settings)

    def invoke(*arguments: str) -> Result:
        return CliRunner().invoke(cli.jobboard, ["export-applicants", *arguments])

    return invoke


def _board(board: Board) -> None:
    board.apply(
        board.job_a1, "甲", status=ApplicationStatus.INTERVIEW, at=datetime(2026, 9, 1, 2, tzinfo=UTC)
    )
    board.apply(
        board.job_a1, "乙", status=ApplicationStatus.INTERVIEW, at=datetime(2026, 9, 2, 2, tzinfo=UTC)
    )
    board.apply(board.job_b1, "丙", status=ApplicationStatus.HIRED, at=datetime(2026, 9, 2, 2, tzinfo=UTC))
    board.apply(
        board.job_b1, "=丁", status=ApplicationStatus.SUBMITTED, at=datetime(2026, 9, 2, 2, tzinfo=UTC)
    )


def test_xlsx_with_filters(board: Board, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _board(board)
    output = tmp_path / "out.xlsx"
    result = run(
        "--format",
        "xlsx",
        "--status",
        "interview",
        "--status",
        "hired",
        "--since",
        "2026-09-02",
        "--until",
        "2026-09-02",
        "--segment",
        "optics",
        "--segment",
        "chips",
        "-o",
        str(output),
    )
    assert result.exit_code == 0, result.output
    assert "2 applicants written" in result.output
    assert [row[6] for row in xlsx_values(output.read_bytes())[1:]] == ["乙", "丙"]
    (event,) = board.exports()
    assert event["actor_id"] is None and event["channel"] == "cli" and event["rows"] == 2
    assert event["status"] == ["interview", "hired"] and event["segment"] == ["optics", "chips"]


def test_csv_of_one_company_is_formula_safe(board: Board, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _board(board)
    output = tmp_path / "out.csv"
    result = run("--company", str(board.company_b), "-o", str(output))
    assert result.exit_code == 0, result.output
    assert [row[6] for row in read_csv(output.read_bytes())[1:]] == ["丙", "'=丁"]


def test_zip_of_one_company(board: Board, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import zipfile

    _board(board)
    output = tmp_path / "resumes.zip"
    result = run("--format", "zip", "--company", str(board.company_a), "-o", str(output))
    assert result.exit_code == 0, result.output
    assert "2 resumes written" in result.output
    assert len(zipfile.ZipFile(output).namelist()) == 2


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--status", "fired"], "--status is not one of the choices"),
        (["--since", "2026-02-30"], "--since is not a date"),
        (["--since", "2026-09-03", "--until", "2026-09-01"], "--until is before --since"),
        (["--format", "zip"], "--company is needed for --format zip"),
    ],
)
def test_bad_options_are_explained_and_nothing_is_written(
    board: Board,
    run,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    arguments: list[str],
    message: str,
) -> None:
    output = tmp_path / "out.csv"
    result = run(*arguments, "-o", str(output))
    assert result.exit_code == 2 and message in result.output
    assert not output.exists() and board.exports() == []
