"""A table's firm name near an existing firm's (an abbreviation, a typo) never silently creates a firm."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import func
from sqlmodel import Session, select

from jobboard import cli
from jobboard.companies.models import Company, CompanyStatus
from jobboard.core.db import create_db_engine, open_session
from jobboard.core.settings import Settings
from jobboard.imports.firms import FirmChoices, comparable, similarity
from jobboard.imports.services import ImportService
from jobboard.jobs.models import Job
from tests.imports.import_tables import ZH_HEADER, csv_bytes, zh_row

CIOMP = "中国科学院长春光学精密机械与物理研究所"
SHORT = "中科院长春光机所"


def firm_count(session: Session) -> int:
    return session.exec(select(func.count()).select_from(Company)).one()


def with_ciomp(session: Session) -> Company:
    firm = Company(name_zh=CIOMP, name_en="CIOMP", status=CompanyStatus.APPROVED)
    session.add(firm)
    session.commit()
    return firm


def table(tmp_path: Path, *names: str, first: int = 1, file: str = "jobs.csv") -> Path:
    """One row per name, numbered (T-00001, ...) from ``first``."""
    path = tmp_path / file
    rows = [zh_row(number, 单位名称=name) for number, name in enumerate(names, first)]
    path.write_bytes(csv_bytes([ZH_HEADER, *rows]))
    return path


@pytest.mark.parametrize(
    ("name", "known", "near"),
    [
        (SHORT, CIOMP, True),  # an abbreviation keeps the full name's characters in order
        ("长春测试光电有线公司", "长春测试光电有限公司", True),  # a typo
        ("Changchun Optics Co., Ltd.", "Changchun Optics", True),  # the legal form does not count
        ("长春测试光电有限公司", "吉林测试光电有限公司", False),  # another city: another firm
        ("中科院长春应化所", CIOMP, False),  # another institute of the academy
        ("长春光", "长春光华微电子设备工程中心", False),  # three characters are in too many names
    ],
)
def test_near_names(name: str, known: str, near: bool) -> None:
    assert (similarity(comparable(name), comparable(known)) >= 80) is near


def test_an_abbreviated_name_is_flagged_and_nothing_imports(session: Session, tmp_path: Path) -> None:
    with_ciomp(session)
    report = ImportService(session).import_file(table(tmp_path, SHORT, SHORT))
    assert not report.imported
    assert [(p.line, p.code) for p in report.problems] == [
        (2, "company_near_match"),
        (3, "company_near_match"),
    ]
    assert report.problems[0].message("zh") == f"单位“{SHORT}”不在本站，但有“{CIOMP}”：请确认是否为同一单位"
    assert [(m.name, m.firm_name, m.lines) for m in report.firm_matches] == [(SHORT, CIOMP, (2, 3))]
    assert firm_count(session) == 1 and session.exec(select(Job)).first() is None


def test_the_preview_lists_every_row_and_the_near_match(session: Session, tmp_path: Path) -> None:
    with_ciomp(session)
    report = ImportService(session).preview_file(table(tmp_path, SHORT, "长春新光电有限公司"))
    assert report.problems == []  # a question for staff on the preview, not a problem yet
    assert [(m.name, m.firm_name) for m in report.firm_matches] == [(SHORT, CIOMP)]
    assert [(r.line, r.company, r.title, r.city, r.status) for r in report.rows] == [
        (2, SHORT, "激光器研发工程师1", "长春", "check_firm"),
        (3, "长春新光电有限公司", "激光器研发工程师2", "长春", "new"),
    ]


def test_mapping_imports_into_the_existing_firm(session: Session, tmp_path: Path) -> None:
    firm = with_ciomp(session)
    choices = FirmChoices({SHORT: firm.id})
    report = ImportService(session).import_file(table(tmp_path, SHORT, SHORT), firms=choices)
    assert report.imported and report.created == 2 and report.companies_created == 0
    assert firm_count(session) == 1
    assert {job.company_id for job in session.exec(select(Job))} == {firm.id}


def test_new_creates_a_firm(session: Session, tmp_path: Path) -> None:
    with_ciomp(session)
    report = ImportService(session).import_file(table(tmp_path, SHORT), firms=FirmChoices({SHORT: None}))
    assert report.imported and report.companies_created == 1
    created = session.exec(select(Company).where(Company.name_zh == SHORT)).one()
    assert session.exec(select(Job)).one().company_id == created.id


def test_an_exact_name_is_not_flagged(session: Session, tmp_path: Path) -> None:
    firm = with_ciomp(session)
    report = ImportService(session).import_file(table(tmp_path, CIOMP, "CIOMP"))
    assert report.imported and report.firm_matches == [] and report.companies_created == 0
    assert {job.company_id for job in session.exec(select(Job))} == {firm.id}


def test_a_skipped_flagged_row_is_not_imported(session: Session, tmp_path: Path) -> None:
    with_ciomp(session)
    report = ImportService(session).import_file(
        table(tmp_path, SHORT, "长春新光电有限公司"), skip_invalid=True
    )
    assert report.imported and report.created == 1 and report.bad_lines == [2]
    assert session.exec(select(Company.name_zh).order_by(Company.name_zh)).all() == [
        CIOMP,
        "长春新光电有限公司",
    ]


@pytest.fixture
def run(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> object:
    monkeypatch.setattr(cli, "get_settings", lambda: settings)
    engine = create_db_engine(settings.database_url)
    with open_session(engine) as session:
        with_ciomp(session)
    engine.dispose()

    def invoke(*arguments: str) -> Result:
        return CliRunner().invoke(cli.jobboard, ["import-jobs", *arguments])

    return invoke


def test_the_cli_reports_a_near_match_unless_told(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = table(tmp_path, SHORT)
    refused = run(str(path))
    assert refused.exit_code == 1
    assert f"jobs.csv:2: company: company '{SHORT}' is not on the board, but '{CIOMP}' is" in refused.output
    assert "--same-firm NAME=EXISTING or --new-firms" in refused.output
    mapped = run(str(path), "--same-firm", f"{SHORT}={CIOMP}")
    assert mapped.exit_code == 0, mapped.output
    assert "created 1, updated 0, bad rows 0" in mapped.output
    new = run(str(table(tmp_path, "中科院长春光机研究所", first=2, file="more.csv")), "--new-firms")
    assert new.exit_code == 0, new.output
    assert "created 1, updated 0, bad rows 0" in new.output
    unknown = run(str(path), "--same-firm", f"{SHORT}=没有这家")
    assert unknown.exit_code == 2 and "give NAME=EXISTING with a company on the board" in unknown.output
