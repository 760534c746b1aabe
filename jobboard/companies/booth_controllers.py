"""Public booth pages: the directory by hall and booth number, and each firm's printable booth poster."""

from __future__ import annotations

from litestar import Controller, get
from litestar.params import FromPath, FromQuery
from litestar.response import Template

from jobboard.companies.booths import booth_directory, booth_poster, hall_names
from jobboard.companies.qr import qr_svg
from jobboard.core.i18n import N_, gettext, locale_scope
from jobboard.web.dependencies import BoardSettings, DbSession

POSTER_JOBS = 8  # job titles printed on a poster; the QR code leads to all of them

# The poster is printed once and read by everyone: it says everything in Chinese and in English.
POSTER_TEXT: dict[str, str] = {
    "fair": N_("Optoelectronics Expo Talent Fair"),
    "booth": N_("Booth"),
    "scan": N_("Scan to see all our open jobs and apply"),
    "open_jobs": N_("We are hiring"),
    "more": N_("More jobs on our page"),
    "none": N_("Ask us at the booth about our openings"),
}


def both_languages(texts: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Each text as (Chinese, English), whatever the reader's language."""
    with locale_scope("zh"):
        chinese = {key: gettext(text) for key, text in texts.items()}
    with locale_scope("en"):
        english = {key: gettext(text) for key, text in texts.items()}
    return {key: (chinese[key], english[key]) for key in texts}


class BoothController(Controller):
    path = "/booths"
    include_in_schema = False

    @get("/", name="booths", sync_to_thread=True)
    def directory(self, db_session: DbSession, hall: FromQuery[str | None] = None) -> Template:
        chosen = hall.strip() if hall and hall.strip() else None
        return Template(
            "companies/booths.html",
            context={
                "halls": booth_directory(db_session, chosen),
                "hall_names": hall_names(db_session),
                "chosen": chosen,
            },
        )

    @get("/{company_id:int}/poster", name="booth_poster", sync_to_thread=True)
    def poster(self, db_session: DbSession, settings: BoardSettings, company_id: FromPath[int]) -> Template:
        poster = booth_poster(db_session, company_id, settings.base_url)
        title = gettext("QR code: %(url)s", url=poster.url)
        return Template(
            "companies/booth_poster.html",
            context={
                "poster": poster,
                "qr": qr_svg(poster.url, title),
                "jobs": poster.jobs[:POSTER_JOBS],
                "more_jobs": max(len(poster.jobs) - POSTER_JOBS, 0),
                "text": both_languages(POSTER_TEXT),
            },
        )
