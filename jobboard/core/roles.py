"""Who a signed-in person is on the board; state machines say which of them may take each action."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    SEEKER = "seeker"
    EMPLOYER = "employer"
    STAFF = "staff"
