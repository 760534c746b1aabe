"""Who signs in to the demo board as which role: the accounts ``jobboard demo-data`` creates, listed
by ``jobboard demo-accounts`` (run by ``make run`` before serving) from this one place."""

from __future__ import annotations

from dataclasses import dataclass

from jobboard.demo.catalog import FIRMS, PENDING_FIRMS, SEEKERS

STAFF_EMAIL = "staff@demo.example.cn"
STAFF_PASSWORD = "demo-staff-2026"
EMPLOYER_PASSWORD = "demo-employer-2026"
SEEKER_PASSWORD = "demo-seeker-2026"
EMPLOYER_COUNT = 3  # hr1 … hr3, one for each of the catalogue's first firms


@dataclass(frozen=True)
class SignIn:
    role: str  # staff, employer or seeker
    email: str
    password: str
    who: str = ""  # the firm or the person behind the account

    def line(self) -> str:
        who = f"  ({self.who})" if self.who else ""
        return f"  {self.role:<9} {self.email} / {self.password}{who}"


def employer_email(number: int) -> str:
    return f"hr{number}@demo.example.cn"


def pending_employer_email(number: int) -> str:
    return f"hr-pending{number}@demo.example.cn"


def seeker_email(number: int) -> str:
    return f"seeker{number}@demo.example.cn"


def demo_sign_ins() -> list[SignIn]:
    """Staff first, then the approved firms' employers, the waiting firms' employers and the job seekers."""
    return [
        SignIn("staff", STAFF_EMAIL, STAFF_PASSWORD),
        *(
            SignIn("employer", employer_email(n), EMPLOYER_PASSWORD, firm.name_zh)
            for n, firm in enumerate(FIRMS[:EMPLOYER_COUNT], start=1)
        ),
        *(
            SignIn(
                "employer", pending_employer_email(n), EMPLOYER_PASSWORD, f"{firm.name_zh}, not yet approved"
            )
            for n, firm in enumerate(PENDING_FIRMS, start=1)
        ),
        *(
            SignIn("seeker", seeker_email(n), SEEKER_PASSWORD, seeker.name)
            for n, seeker in enumerate(SEEKERS, start=1)
        ),
    ]
