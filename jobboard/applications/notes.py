"""What a firm may say with a step of the pipeline: a message to the candidate and, inviting to an
interview, its time and place."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from jobboard.applications.models import ApplicationAction
from jobboard.core.clock import FAIR_TIMEZONE
from jobboard.core.errors import InvalidInput

MAX_MESSAGE = 2000
MAX_PLACE = 200


@dataclass(frozen=True)
class StepNote:
    message: str = ""
    interview_at: datetime | None = None  # UTC
    place: str = ""

    @classmethod
    def read(
        cls, action: ApplicationAction, message: str, interview_at: str, place: str, now: datetime
    ) -> StepNote:
        """From the form's text: the time as the fair's clocks show it (``2026-12-05T14:30``), in the future;
        time and place only with an invitation to an interview."""
        message, place, interview_at = message.strip(), place.strip(), interview_at.strip()
        problems: dict[str, str] = {}
        if len(message) > MAX_MESSAGE:
            problems["message"] = "string_too_long"
        if len(place) > MAX_PLACE:
            problems["place"] = "string_too_long"
        moment = None
        if action is not ApplicationAction.INVITE:
            place = ""
        elif interview_at:
            try:
                moment = datetime.fromisoformat(interview_at)
            except ValueError:
                problems["interview_at"] = "interview_time_invalid"
            else:
                moment = moment if moment.tzinfo else moment.replace(tzinfo=FAIR_TIMEZONE)
                if moment <= now:
                    problems["interview_at"] = "interview_in_past"
        if problems:
            raise InvalidInput(problems)
        return cls(
            message=message, interview_at=moment.astimezone(now.tzinfo) if moment else None, place=place
        )
