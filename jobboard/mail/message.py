"""An outbox row as the e-mail that leaves the board: multipart/alternative (text, then the same in HTML)."""

from __future__ import annotations

from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr

from jobboard.mail.models import OutgoingMail
from jobboard.mail.rendering import RenderedMail

UNSUBSCRIBE_URL = "unsubscribe_url"  # context key: the one-click link that stops this kind of mail


def sender_domain(mail_from: str) -> str:
    return parseaddr(mail_from)[1].rpartition("@")[2] or "localhost"


def message_id(mail: OutgoingMail, domain: str) -> str:
    """The same for every attempt at one row: a copy a crash made unavoidable carries the Message-ID of
    the first, and mail clients that see both can tell (and many show one)."""
    created = int(mail.created_at.timestamp()) if mail.created_at else 0
    return f"<mail-{mail.id}.{created}@{domain}>"


def envelope_sender(mail_from: str) -> str:
    return parseaddr(mail_from)[1]


def build_message(
    mail: OutgoingMail, rendered: RenderedMail, mail_from: str, now: datetime, base_url: str = ""
) -> EmailMessage:
    """``base_url``: the board's public address, before an unsubscribe link given as a path."""
    message = EmailMessage()
    message["Subject"] = rendered.subject
    message["From"] = mail_from
    message["To"] = Address(addr_spec=mail.recipient)
    message["Date"] = format_datetime(now)
    message["Message-ID"] = message_id(mail, sender_domain(mail_from))
    message["Content-Language"] = "zh-CN" if mail.language == "zh" else mail.language
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies to the board
    unsubscribe = mail.context.get(UNSUBSCRIBE_URL)
    if isinstance(unsubscribe, str) and unsubscribe.startswith("/"):
        unsubscribe = f"{base_url.rstrip('/')}{unsubscribe}"  # services know paths, not the address
    if isinstance(unsubscribe, str) and unsubscribe.startswith(("https://", "http://")):
        message["List-Unsubscribe"] = f"<{unsubscribe}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"  # RFC 8058
    message.set_content(rendered.text)
    message.add_alternative(rendered.html, subtype="html")
    return message
