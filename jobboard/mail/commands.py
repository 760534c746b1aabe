"""``jobboard send-mail``: the outbox delivered from the command line (once, or as a sender process)."""

from __future__ import annotations

import threading
from datetime import timedelta

import click

from jobboard.core.db import create_db_engine
from jobboard.core.settings import get_settings
from jobboard.mail.sender import LEASE, MailSender, deliver_queued


@click.command("send-mail")
@click.option("--watch", is_flag=True, help="Keep sending mail as it comes due, until stopped.")
@click.option("--poll", default=5.0, show_default=True, help="Seconds between rounds with --watch.")
@click.option(
    "--lease",
    default=int(LEASE.total_seconds()),
    show_default=True,
    help="Seconds after which a claimed mail whose sender died is sent by another.",
)
def send_mail(watch: bool, poll: float, lease: int) -> None:
    """Send the mail that is due (or, without JOBBOARD_SMTP_URL, keep it for staff to read)."""
    settings = get_settings()
    engine = create_db_engine(settings.database_url)
    try:
        if not watch:
            count = deliver_queued(engine, settings, lease=timedelta(seconds=lease))
            verb = "sent" if settings.smtp_url else "kept for staff (no JOBBOARD_SMTP_URL)"
            click.echo(f"{count} mails {verb}")
            return
        sender = MailSender(settings, engine, poll_seconds=poll, lease=timedelta(seconds=lease))
        sender.start()
        try:
            threading.Event().wait()  # until Ctrl-C or the service manager's SIGTERM
        except KeyboardInterrupt:
            pass
        finally:
            sender.stop()
    finally:
        engine.dispose()
