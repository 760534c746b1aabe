"""The team page: an owner invites a recruiter who works the same pipeline; removal ends access at once;
ownership is handed over; requests to join an existing firm are admitted or declined; recruiters cannot
manage the team; an address that is someone else's is refused with a reason."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlmodel import col, select

from jobboard.accounts.models import FirmRole, User
from jobboard.applications.models import Application, ApplicationStatus
from jobboard.audit.models import AuditEvent
from jobboard.companies.models import Company
from jobboard.core.settings import Settings
from jobboard.plugin import BoardPlugin
from jobboard.teams.models import JoinRequest, JoinStatus
from tests.mail.smtp import SmtpInbox
from tests.teams.conftest import link_in, mails_to
from tests.teams.test_invitations import accept
from tests.web.conftest import Fair, Visitor, db

RECRUITER = "zhao.min@a.example.cn"
FIRM_A = "长春甲光电有限公司"


def account(fair: Fair, email: str) -> User:
    with db(fair.app) as session:
        return session.exec(select(User).where(User.email == email)).one()


def firm_id(fair: Fair, name: str = FIRM_A) -> int:
    with db(fair.app) as session:
        company_id = session.exec(select(Company.id).where(Company.name_zh == name)).one()
        assert company_id is not None
        return company_id


def audited(fair: Fair) -> list[str]:
    with db(fair.app) as session:
        query = select(AuditEvent.action).where(col(AuditEvent.action).startswith("team."))
        return list(session.exec(query.order_by(col(AuditEvent.id))))


def recruiter_joins(fair: Fair, visitor, engine: Engine, settings: Settings, inbox: SmtpInbox) -> Visitor:
    sent = fair.employer_a.post("/employer/team/invitations", {"email": RECRUITER, "role": "owner"})
    assert sent.status_code == 200 and RECRUITER in fair.employer_a.get("/employer/team").text
    (mail,) = mails_to(RECRUITER, 1, engine, settings, inbox)
    person = visitor()
    assert accept(person, link_in(mail)).status_code == 200
    assert account(fair, RECRUITER).firm_role == FirmRole.RECRUITER  # an owner invites recruiters only
    return person


def test_a_recruiter_invited_by_the_owner_works_the_same_pipeline(
    fair: Fair, visitor, engine: Engine, mail_settings: Settings, smtp_inbox: SmtpInbox
) -> None:
    recruiter = recruiter_joins(fair, visitor, engine, mail_settings, smtp_inbox)
    assert "李明" in recruiter.get(f"/employer/jobs/{fair.job_id}/applications").text
    moved = recruiter.post(f"/employer/applications/{fair.application_id}/invite")
    assert moved.status_code == 200
    with db(fair.app) as session:
        assert session.get(Application, fair.application_id).status == ApplicationStatus.INTERVIEW
    assert "李明" in fair.employer_a.get(f"/employer/applications/{fair.application_id}").text

    page = recruiter.get("/employer/team").text  # a recruiter sees the team but cannot change it
    assert "hr@a.example.cn" in page and 'action="/employer/team/invitations"' not in page
    owner_id = account(fair, "hr@a.example.cn").id
    for path in ("/employer/team/invitations", f"/employer/team/members/{owner_id}/remove"):
        assert recruiter.post(path, {"email": "x@a.example.cn"}).status_code == 403
    assert account(fair, "hr@a.example.cn").company_id == firm_id(fair)
    assert audited(fair) == ["team.invited", "team.invitation_accept"]


def test_a_removed_member_loses_access_at_once(
    fair: Fair, visitor, engine: Engine, mail_settings: Settings, smtp_inbox: SmtpInbox
) -> None:
    recruiter = recruiter_joins(fair, visitor, engine, mail_settings, smtp_inbox)
    applicants = f"/employer/jobs/{fair.job_id}/applications"
    assert recruiter.get(applicants).status_code == 200  # and the account is in the user cache now
    member_id = account(fair, RECRUITER).id
    assert fair.employer_a.post(f"/employer/team/members/{member_id}/remove").status_code == 200
    # The very next request, while the account is still cached: no applicant, resume or export.
    for route in (
        applicants,
        f"/employer/applications/{fair.application_id}/resume",
        "/exports/applicants.csv",
    ):
        response = recruiter.get(route)
        assert response.status_code == 404 and "李明" not in response.text
    removed = account(fair, RECRUITER)
    assert removed.company_id is None and removed.session_generation == 1
    # Once the cache's few seconds are over the account is read again: its sessions have ended.
    BoardPlugin.state_of(fair.app).recent_users.put(member_id, removed)
    signed_out = recruiter.get("/employer", follow_redirects=False)
    assert signed_out.status_code in (302, 303) and signed_out.headers["location"].startswith("/login")
    assert "team.member_removed" in audited(fair)


def test_the_last_owner_cannot_leave_and_ownership_is_handed_over(
    fair: Fair, visitor, engine: Engine, mail_settings: Settings, smtp_inbox: SmtpInbox
) -> None:
    owner = fair.employer_a
    owner_id = account(fair, "hr@a.example.cn").id
    refused = owner.post(f"/employer/team/members/{owner_id}/remove")
    assert refused.status_code == 200 and "最后一位负责人不能退出" in refused.text
    recruiter = recruiter_joins(fair, visitor, engine, mail_settings, smtp_inbox)
    member_id = account(fair, RECRUITER).id
    assert owner.post(f"/employer/team/members/{member_id}/hand-over").status_code == 200
    assert account(fair, RECRUITER).firm_role == FirmRole.OWNER
    assert account(fair, "hr@a.example.cn").firm_role == FirmRole.RECRUITER
    assert owner.post("/employer/team/invitations", {"email": "x@a.example.cn"}).status_code == 403
    assert 'action="/employer/team/invitations"' in recruiter.get("/employer/team").text
    assert "team.ownership_handed_over" in audited(fair)


def test_an_address_that_is_someone_else_s_is_refused_with_a_reason(fair: Fair) -> None:
    owner = fair.employer_a
    other_firm = owner.post("/employer/team/invitations", {"email": "hr@b.example.cn"})
    assert other_firm.status_code == 400 and "该邮箱属于其他企业的成员" in other_firm.text
    seeker = owner.post("/employer/team/invitations", {"email": "seeker@example.cn"})
    assert seeker.status_code == 400 and "该邮箱属于求职者或招聘会工作人员的账号" in seeker.text
    member = owner.post("/employer/team/invitations", {"email": "hr@a.example.cn"})
    assert member.status_code == 400 and "此人已是团队成员" in member.text
    assert account(fair, "hr@b.example.cn").company_id == firm_id(fair, "长春乙芯片有限公司")


def test_a_second_registration_of_a_firm_is_a_request_the_owner_admits(
    fair: Fair, visitor, engine: Engine, mail_settings: Settings, smtp_inbox: SmtpInbox
) -> None:
    person = visitor()
    page = person.register_employer("wang@a.example.cn", FIRM_A, booth="B2-099", verify=False)
    assert page.status_code == 200 and "已发送加入申请" in page.text and "没有重复创建企业" in page.text
    assert "wang@a.example.cn" in page.text  # where the link to confirm the address went
    assert person.verify("wang@a.example.cn", page).url.path == "/account"  # no firm yet: their account
    with db(fair.app) as session:
        assert len(session.exec(select(Company).where(Company.name_zh == FIRM_A)).all()) == 1
    (told,) = mails_to("hr@a.example.cn", 1, engine, mail_settings, smtp_inbox)
    assert "wang@a.example.cn" in told.get_body(("plain",)).get_content()
    team = fair.employer_a.get("/employer/team").text
    assert "wang@a.example.cn" in team
    with db(fair.app) as session:
        request_id = session.exec(select(JoinRequest.id)).one()
    assert fair.employer_a.post(f"/employer/team/requests/{request_id}/admit").status_code == 200
    joined = account(fair, "wang@a.example.cn")
    assert joined.company_id == firm_id(fair) and joined.firm_role == FirmRole.RECRUITER
    (admitted,) = mails_to("wang@a.example.cn", 1, engine, mail_settings, smtp_inbox)
    assert FIRM_A in admitted["Subject"]
    member = visitor()
    member.login("wang@a.example.cn")
    assert "李明" in member.get(f"/employer/jobs/{fair.job_id}/applications").text
    assert "team.join_admit" in audited(fair)


def test_staff_decline_a_request_to_join_from_the_firm_s_page(
    fair: Fair, visitor, engine: Engine, mail_settings: Settings, smtp_inbox: SmtpInbox
) -> None:
    visitor().register_employer("li@b.example.cn", "长春乙芯片有限公司", booth="B2-098")
    company_id = firm_id(fair, "长春乙芯片有限公司")
    review = fair.staff.get("/staff/companies?status=approved").text
    assert "1个加入申请" in review
    with db(fair.app) as session:
        request_id = session.exec(select(JoinRequest.id)).one()
    team = f"/staff/companies/{company_id}/team"
    assert "li@b.example.cn" in fair.staff.get(team).text
    assert fair.staff.post(f"{team}/requests/{request_id}/decline").status_code == 200
    with db(fair.app) as session:
        assert session.get(JoinRequest, request_id).status == JoinStatus.DECLINED
    assert account(fair, "li@b.example.cn").company_id is None
    (declined,) = mails_to("li@b.example.cn", 1, engine, mail_settings, smtp_inbox)
    assert "未获通过" in declined["Subject"]
    assert fair.employer_a.post(f"/employer/team/requests/{request_id}/admit").status_code == 404
