"""An imported firm's contact is invited by mail, sets a password through the link and sees the firm's
applicants; a re-import invites no one again; bad links answer 4xx with a translated page."""

from __future__ import annotations

from datetime import timedelta

from litestar import Litestar
from sqlalchemy import Engine
from sqlmodel import col, select

from jobboard.accounts.models import FirmRole, User
from jobboard.core.clock import utcnow
from jobboard.core.settings import Settings
from jobboard.jobs.models import Job
from jobboard.teams.models import FirmInvitation, InvitationStatus
from tests.imports.import_tables import FIRM, ZH_HEADER, csv_bytes, zh_row
from tests.imports.test_import_pages import token_of
from tests.mail.smtp import SmtpInbox
from tests.teams.conftest import link_in, mails_to
from tests.web.conftest import PASSWORD, Visitor, db, sync_index, upload

CONTACT = "hr@test-optics.example.cn"


def import_table(staff: Visitor, count: int = 2) -> None:
    table = csv_bytes([ZH_HEADER, *(zh_row(n) for n in range(1, count + 1))])
    preview = upload(staff, "岗位信息表.csv", table)
    confirmed = staff.post("/staff/imports/confirm", {"upload": token_of(preview.text)})
    assert confirmed.status_code == 200


def invitations(app: Litestar) -> list[FirmInvitation]:
    with db(app) as session:
        return list(session.exec(select(FirmInvitation)))


def accept(person: Visitor, link: str, password: str = PASSWORD, confirm: str | None = None) -> object:
    token = link.split("token=", 1)[1]
    form = {
        "token": token,
        "full_name": "赵敏",
        "password": password,
        "password_confirm": confirm or password,
    }
    return person.post("/invitations/accept", form)


def test_an_imported_firm_s_contact_is_invited_once_and_sees_its_applicants(
    app: Litestar, staff: Visitor, visitor, engine: Engine, mail_settings: Settings, smtp_inbox: SmtpInbox
) -> None:
    import_table(staff)
    (mail,) = mails_to(CONTACT, 1, engine, mail_settings, smtp_inbox)
    assert FIRM in mail["Subject"]
    link = link_in(mail)
    seeker = visitor()
    seeker.register_seeker("seeker@example.cn")
    sync_index(app)
    with db(app) as session:
        job_id = session.exec(select(Job.id).order_by(col(Job.id))).first()
    assert job_id is not None and seeker.apply(job_id).status_code == 200

    invitee = visitor()
    page = invitee.get(link)
    assert page.status_code == 200 and CONTACT in page.text and "设置密码" in page.text
    assert accept(invitee, link, confirm="another password").status_code == 400
    joined = accept(invitee, link)
    assert joined.status_code == 200  # followed the redirect: signed in, on the firm's home
    applicants = invitee.get(f"/employer/jobs/{job_id}/applications")
    assert applicants.status_code == 200 and "李明" in applicants.text
    with db(app) as session:
        user = session.exec(select(User).where(User.email == CONTACT)).one()
        assert user.firm_role == FirmRole.OWNER and user.is_verified
    again = visitor()
    assert again.login(CONTACT).status_code == 200 and again.get("/employer/team").status_code == 200

    import_table(staff, count=3)  # a re-import updates the jobs and invites no one again
    assert len(invitations(app)) == 1
    mails_to(CONTACT, 1, engine, mail_settings, smtp_inbox)
    assert len(smtp_inbox.to(CONTACT)) == 1


def test_a_firm_whose_invitation_is_waiting_is_not_invited_on_reimport(
    app: Litestar, staff: Visitor, engine: Engine, mail_settings: Settings, smtp_inbox: SmtpInbox
) -> None:
    import_table(staff)
    import_table(staff, count=3)
    assert [invitation.firm_role for invitation in invitations(app)] == [FirmRole.OWNER]
    mails_to(CONTACT, 1, engine, mail_settings, smtp_inbox)
    assert len(smtp_inbox.to(CONTACT)) == 1


def test_bad_links_answer_4xx_with_a_translated_page(
    app: Litestar, staff: Visitor, visitor, engine: Engine, mail_settings: Settings, smtp_inbox: SmtpInbox
) -> None:
    import_table(staff)
    first = link_in(mails_to(CONTACT, 1, engine, mail_settings, smtp_inbox)[0])
    person = visitor()
    forged = person.get("/invitations/accept?token=not-a-token")
    assert forged.status_code == 404 and "邀请链接无效" in forged.text
    assert person.get("/invitations/accept").status_code == 404

    company_id = invitations(app)[0].company_id
    invitation_id = invitations(app)[0].id
    resent = staff.post(f"/staff/companies/{company_id}/team/invitations/{invitation_id}/resend")
    assert resent.status_code == 200
    second = link_in(mails_to(CONTACT, 2, engine, mail_settings, smtp_inbox)[1])
    replaced = person.get(first)  # sending again voids the old link
    assert replaced.status_code == 404 and "已被新邮件取代" in replaced.text
    assert accept(person, first).status_code == 404

    with db(app) as session:  # a week later
        invitation = session.get(FirmInvitation, invitation_id)
        invitation.expires_at = utcnow() - timedelta(minutes=1)
        session.add(invitation)
        session.commit()
    expired = person.get(second)
    assert expired.status_code == 409 and "邀请链接已过期" in expired.text
    assert accept(person, second).status_code == 409
    with db(app) as session:
        assert session.exec(select(User).where(User.email == CONTACT)).first() is None

    staff.post(f"/staff/companies/{company_id}/team/invitations/{invitation_id}/resend")
    third = link_in(mails_to(CONTACT, 3, engine, mail_settings, smtp_inbox)[2])
    assert accept(person, third).status_code == 200
    used = visitor().get(third)
    assert used.status_code == 409 and "邀请链接已使用过" in used.text
    english = visitor().get(third + "&lang=en")
    assert english.status_code == 409 and "already used" in english.text
    assert invitations(app)[0].status == InvitationStatus.ACCEPTED


def test_a_revoked_invitation_opens_nothing(
    app: Litestar, staff: Visitor, visitor, engine: Engine, mail_settings: Settings, smtp_inbox: SmtpInbox
) -> None:
    import_table(staff)
    link = link_in(mails_to(CONTACT, 1, engine, mail_settings, smtp_inbox)[0])
    (invitation,) = invitations(app)
    team = f"/staff/companies/{invitation.company_id}/team"
    assert CONTACT in staff.get(team).text
    staff.post(f"{team}/invitations/{invitation.id}/revoke")
    assert visitor().get(link).status_code == 404
    assert CONTACT not in staff.get(team).text


def test_a_firm_that_has_members_is_not_invited(app: Litestar, staff: Visitor, visitor) -> None:
    assert (
        visitor().register_employer("owner@test-optics.example.cn", FIRM, booth="A1-001").status_code == 200
    )
    import_table(staff)
    assert invitations(app) == []
