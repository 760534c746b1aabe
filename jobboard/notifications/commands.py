"""``jobboard send-digests``: the digests due now, from the command line (the app's workers also run them)."""

from __future__ import annotations

import click

from jobboard.core.db import create_db_engine
from jobboard.core.settings import get_settings
from jobboard.notifications.digest import send_digests


@click.command("send-digests")
def send_digests_command() -> None:
    """Queue the digest mails that are due (new applicants for firm members, reviews for staff)."""
    settings = get_settings()
    engine = create_db_engine(settings.database_url)
    try:
        count = send_digests(engine, settings)
    finally:
        engine.dispose()
    click.echo(f"{count} digest mails queued (`jobboard send-mail` or a running board sends them)")
