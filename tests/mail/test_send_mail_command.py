"""``jobboard send-mail`` sends what is due, once (``--watch`` runs the MailSender of the fault tests)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine

from jobboard import cli
from jobboard.core.settings import Settings
from jobboard.mail import commands
from tests.mail.smtp import SmtpInbox
from tests.mail.test_sender import queue


def test_send_mail_sends_what_is_due(
    engine: Engine, mail_settings: Settings, smtp_inbox: SmtpInbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(commands, "get_settings", lambda: mail_settings)
    queue(engine, "a@example.cn")
    queue(engine, "b@example.cn")
    result = CliRunner().invoke(cli.jobboard, ["send-mail"])
    assert result.exit_code == 0, result.output
    assert result.output == "2 mails sent\n"
    assert sorted(smtp_inbox.envelope_recipients) == ["a@example.cn", "b@example.cn"]


def test_without_a_relay_send_mail_says_the_mails_are_kept(
    engine: Engine, settings: Settings, smtp_inbox: SmtpInbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(commands, "get_settings", lambda: settings)
    queue(engine)
    result = CliRunner().invoke(cli.jobboard, ["send-mail"])
    assert result.output == "1 mails kept for staff (no JOBBOARD_SMTP_URL)\n"
    assert smtp_inbox.messages == []
