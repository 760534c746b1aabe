"""The SMTP relay the board hands its mail to, named by ``JOBBOARD_SMTP_URL``, and what its answers mean.

``smtp://host:25`` talks plain SMTP to a local relay, upgrading with STARTTLS when the relay offers it;
``smtp://user:pass@host:587`` must upgrade (a password never crosses the network in clear text);
``smtps://user:pass@host:465`` is TLS from the first byte. Certificates are checked against the system's
trust store.
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

TIMEOUT_SECONDS = 30.0


class RelayError(Exception):
    """The relay refused or failed. ``permanent``: it will refuse again (a 5xx answer), so trying later
    is pointless; otherwise (a 4xx answer, a dropped connection) a later attempt may succeed."""

    def __init__(self, summary: str, *, permanent: bool) -> None:
        super().__init__(summary)
        self.summary = summary
        self.permanent = permanent


@dataclass(frozen=True)
class Relay:
    host: str
    port: int
    implicit_tls: bool
    username: str | None
    password: str | None

    @classmethod
    def from_url(cls, url: str) -> Relay:
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise ValueError("JOBBOARD_SMTP_URL must look like smtp://user:pass@host:587 or smtps://host:465")
        implicit_tls = parts.scheme == "smtps"
        return cls(
            host=parts.hostname,
            port=parts.port or (465 if implicit_tls else 25),
            implicit_tls=implicit_tls,
            username=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
        )

    @contextmanager
    def connection(self, local_hostname: str) -> Iterator[smtplib.SMTP]:
        """An open, greeted (and, with credentials, authenticated) session; connection failures are
        temporary ``RelayError``s. ``local_hostname`` is the EHLO name (smtplib's default asks the
        resolver for this machine's name, which can take seconds)."""
        context = ssl.create_default_context()
        try:
            smtp: smtplib.SMTP
            if self.implicit_tls:
                smtp = smtplib.SMTP_SSL(
                    self.host, self.port, local_hostname, timeout=TIMEOUT_SECONDS, context=context
                )
            else:
                smtp = smtplib.SMTP(self.host, self.port, local_hostname, timeout=TIMEOUT_SECONDS)
        except (OSError, smtplib.SMTPException) as error:
            raise RelayError(f"connecting failed: {type(error).__name__}", permanent=False) from error
        try:
            try:
                smtp.ehlo()
                if not self.implicit_tls and smtp.has_extn("starttls"):
                    smtp.starttls(context=context)
                    smtp.ehlo()
                elif not self.implicit_tls and self.username:
                    raise RelayError(
                        "the relay offers no STARTTLS: the password is not sent", permanent=False
                    )
                if self.username:
                    smtp.login(self.username, self.password or "")
            except (OSError, smtplib.SMTPException) as error:
                raise relay_error(error) from error
            yield smtp
        finally:
            try:
                smtp.quit()
            except (OSError, smtplib.SMTPException):
                smtp.close()


def relay_error(error: Exception) -> RelayError:
    """What an exception of ``smtplib`` means for the mail being sent. A refused sign-in (535) is the
    board's configuration, not the mail's fault: temporary, so that mail waits for the fix."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, _ = next(iter(error.recipients.values()), (450, b""))
        return RelayError(f"recipient refused: {code}", permanent=code >= 500)
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return RelayError(f"sign-in refused: {error.smtp_code}", permanent=False)
    if isinstance(error, smtplib.SMTPResponseException):
        reply = error.smtp_error.decode(errors="replace") if isinstance(error.smtp_error, bytes) else ""
        summary = f"{type(error).__name__}: {error.smtp_code} {_first_words(reply)}".strip()
        return RelayError(summary, permanent=error.smtp_code >= 500)
    return RelayError(f"{type(error).__name__}", permanent=False)


def _first_words(reply: str) -> str:
    """The relay's reason without anything that could be an address (a reply often repeats it)."""
    return " ".join(word for word in reply.split()[:8] if "@" not in word)[:120]
