"""Who a signed-in person is on the board; state machines say which of them may take each action."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    SEEKER = "seeker"
    EMPLOYER = "employer"
    STAFF = "staff"


class FirmRole(StrEnum):
    """What a member of a firm's team may do: the owner also manages the team."""

    OWNER = "owner"
    RECRUITER = "recruiter"
