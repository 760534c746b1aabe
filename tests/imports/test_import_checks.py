"""What an import checks against the board before writing: firms matched by either name, ids of other
firms' jobs refused, and booths that another firm holds."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session, select

from jobboard.companies.models import Company, CompanyStatus
from jobboard.imports.services import ImportService
from jobboard.jobs.models import Job
from tests.imports.import_tables import ZH_HEADER, count, write_csv, zh_row


def test_existing_companies_are_matched_by_either_name(session: Session, tmp_path: Path) -> None:
    session.add(
        Company(
            name_zh="代尔夫特量子光子", name_en="Delft Quantum Photonics B.V.", status=CompanyStatus.APPROVED
        )
    )
    session.add(Company(name_zh="停展公司", status=CompanyStatus.SUSPENDED))
    session.commit()
    rows = [ZH_HEADER, zh_row(1, 单位名称="Delft Quantum Photonics B.V."), zh_row(2, 单位名称="停展公司")]
    report = ImportService(session).import_file(write_csv(tmp_path / "t.csv", rows))
    assert report.imported and report.companies_created == 0 and count(session, Company) == 2
    assert [warning.code for warning in report.warnings] == ["company_not_approved"]
    suspended = session.exec(select(Company).where(Company.name_zh == "停展公司")).one()
    assert suspended.status == CompanyStatus.SUSPENDED  # the import does not reinstate a firm


def test_an_id_of_another_firms_job_is_refused(session: Session, tmp_path: Path) -> None:
    ImportService(session).import_file(write_csv(tmp_path / "a.csv", [ZH_HEADER, zh_row(1)]))
    other = write_csv(tmp_path / "b.csv", [ZH_HEADER, zh_row(1, 单位名称="另一家公司", 岗位名称="销售")])
    report = ImportService(session).import_file(other)
    assert not report.imported
    assert [(p.line, p.code) for p in report.problems] == [(2, "external_id_taken")]
    assert session.exec(select(Job)).one().title == "激光器研发工程师1"


def test_a_new_firm_is_not_given_a_booth_another_firm_holds(session: Session, tmp_path: Path) -> None:
    ImportService(session).import_file(write_csv(tmp_path / "first.csv", [ZH_HEADER, zh_row(1)]))
    rows = [
        ZH_HEADER,
        zh_row(2, 单位名称="长春新光电有限公司", 展位号="a1-001"),  # held by 长春测试光电有限公司
        zh_row(3, 单位名称="长春星光有限公司", 展位号="A1-009"),
        zh_row(4, 单位名称="长春星光有限公司", 展位号="A1-009"),  # the same firm's second posting
        zh_row(5, 单位名称="长春后来者有限公司", 展位号="A1-009"),  # claimed a line earlier
    ]
    report = ImportService(session).import_file(write_csv(tmp_path / "second.csv", rows))
    problems = [(problem.line, problem.code, dict(problem.params)) for problem in report.problems]
    assert problems == [
        (2, "booth_taken", {"booth": "a1-001", "company": "长春测试光电有限公司"}),
        (5, "booth_taken", {"booth": "A1-009", "company": "长春星光有限公司"}),
    ]
    assert not report.imported and count(session, Company) == 1
    assert "展位 A1-009 已由“长春星光有限公司”使用" in report.problems[1].message("zh")
