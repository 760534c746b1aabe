"""How the public jobs are found from outside: JSON-LD for search engines, the sitemap, an Atom feed.

Everything here lists only what ``public_job_condition`` allows, through ``JobService``, and builds
absolute URLs on ``JOBBOARD_BASE_URL``. XML is written with ElementTree, so every text is escaped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from typing import Any
from xml.etree import ElementTree as ET

from jinja2 import pass_context
from litestar import Controller, MediaType, Response, get

from jobboard.companies.models import Company
from jobboard.core.clock import FAIR_TIMEZONE, utcnow
from jobboard.core.i18n import HTML_LANG, LOCALES, get_locale, gettext
from jobboard.core.text import bilingual, salary_text
from jobboard.core.vocabulary import city
from jobboard.jobs.models import Education, Experience, Job, JobType
from jobboard.jobs.services import JobService
from jobboard.web.dependencies import BoardSettings, DbSession
from jobboard.web.templates import base_url

SITEMAP_LIMIT = 50_000  # the sitemap protocol's limit per file
FEED_SIZE = 50
ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"

# schema.org's employmentType values; a campus hire (校招) is a full-time job for new graduates.
EMPLOYMENT_TYPES = {JobType.FULL_TIME: "FULL_TIME", JobType.INTERNSHIP: "INTERN", JobType.CAMPUS: "FULL_TIME"}
# credentialCategory values that Google documents for educationRequirements.
CREDENTIALS = {
    Education.ASSOCIATE: "associate degree",
    Education.BACHELOR: "bachelor degree",
    Education.MASTER: "postgraduate degree",
    Education.PHD: "postgraduate degree",
}
MONTHS_OF_EXPERIENCE = {
    Experience.YEARS_1_3: 12,
    Experience.YEARS_3_5: 36,
    Experience.YEARS_5_10: 60,
    Experience.YEARS_10_PLUS: 120,
}
# Characters XML 1.0 cannot carry at all (control characters pasted from office documents).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


def _fair_time(moment: datetime) -> str:
    return moment.astimezone(FAIR_TIMEZONE).isoformat(timespec="seconds")


def posted_at(job: Job) -> datetime:
    return job.published_at or job.updated_at or job.created_at


def job_posting(job: Job, company: Company, base_url: str) -> dict[str, Any]:
    """The schema.org ``JobPosting`` of a public job, with every property the board knows."""
    url = f"{base_url}/jobs/{job.id}"
    organization: dict[str, Any] = {
        "@type": "Organization",
        "name": company.name_zh,
        "url": f"{base_url}/companies/{company.id}",
    }
    if company.name_en:
        organization["alternateName"] = company.name_en
    if company.website_link:  # only http(s) addresses leave the board, old rows included
        organization["sameAs"] = company.website_link
    requirements = bilingual(job.requirements, job.requirements_en)
    description = bilingual(job.description, job.description_en) + (
        f"\n\n{requirements}" if requirements else ""
    )
    posting: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": job.title or job.title_en,
        "description": description,
        "datePosted": _fair_time(posted_at(job)),
        "hiringOrganization": organization,
        "jobLocation": {
            "@type": "Place",
            "address": {"@type": "PostalAddress", "addressLocality": job.city, "addressCountry": "CN"},
        },
        "employmentType": EMPLOYMENT_TYPES[job.job_type],
        "identifier": {"@type": "PropertyValue", "name": company.name_zh, "value": str(job.id)},
        "url": url,
        "directApply": True,
        "totalJobOpenings": job.headcount,
    }
    if job.title and job.title_en:
        posting["alternateName"] = job.title_en
    if job.deadline:
        posting["validThrough"] = datetime.combine(job.deadline, time(23, 59, 59), FAIR_TIMEZONE).isoformat()
    if job.salary_min is not None and job.salary_max is not None:
        posting["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": "CNY",
            "value": {
                "@type": "QuantitativeValue",
                "minValue": job.salary_min,
                "maxValue": job.salary_max,
                "unitText": "MONTH",
            },
        }
    if job.education in CREDENTIALS:
        posting["educationRequirements"] = {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": CREDENTIALS[job.education],
        }
    elif job.education == Education.ANY:
        posting["educationRequirements"] = "no requirements"
    if job.experience in MONTHS_OF_EXPERIENCE:
        posting["experienceRequirements"] = {
            "@type": "OccupationalExperienceRequirements",
            "monthsOfExperience": MONTHS_OF_EXPERIENCE[job.experience],
        }
    elif job.experience in (Experience.ANY, Experience.NEW_GRADUATE):
        posting["experienceRequirements"] = "no requirements"
    if job.majors:
        posting["qualifications"] = job.majors
    return posting


@pass_context
def job_posting_ld(context: Mapping[str, Any], job: Job, company: Company) -> dict[str, Any]:
    """The schema.org JobPosting of a job page; render it with ``| tojson`` (which escapes ``</script>``)."""
    return job_posting(job, company, base_url(context))


def _public_jobs(db_session: Any, limit: int) -> list[tuple[Job, Company]]:
    _, rows = JobService(db_session).list_public(0, limit)
    return rows


def _xml_response(root: ET.Element, media_type: str) -> Response[bytes]:
    body = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    headers = {"Cache-Control": "public, max-age=300"}  # Vary: Accept-Language is added by LocaleMiddleware
    return Response(body, media_type=media_type, headers=headers)


def sitemap_xml(rows: list[tuple[Job, Company]], base_url: str, today: date) -> ET.Element:
    ET.register_namespace("", SITEMAP)
    ET.register_namespace("xhtml", XHTML)
    urlset = ET.Element(f"{{{SITEMAP}}}urlset")

    def add(path: str, lastmod: date | None = None) -> None:
        url = ET.SubElement(urlset, f"{{{SITEMAP}}}url")
        ET.SubElement(url, f"{{{SITEMAP}}}loc").text = f"{base_url}{path}"
        if lastmod is not None:
            ET.SubElement(url, f"{{{SITEMAP}}}lastmod").text = lastmod.isoformat()
        separator = "&" if "?" in path else "?"
        for locale in LOCALES:
            ET.SubElement(
                url,
                f"{{{XHTML}}}link",
                rel="alternate",
                hreflang=HTML_LANG[locale],
                href=f"{base_url}{path}{separator}lang={locale}",
            )

    add("/jobs", today)
    companies: dict[int, date] = {}
    for job, company in rows:
        changed = (job.updated_at or posted_at(job)).astimezone(FAIR_TIMEZONE).date()
        add(f"/jobs/{job.id}", changed)
        if company.id is not None:
            companies[company.id] = max(changed, companies.get(company.id, changed))
    for company_id, changed in sorted(companies.items()):
        add(f"/companies/{company_id}", changed)
    return urlset


def atom_feed(rows: list[tuple[Job, Company]], base_url: str) -> ET.Element:
    """The newest public jobs, titles and summaries in the reader's language (``?lang=`` works here too)."""
    ET.register_namespace("", ATOM)
    locale = get_locale()

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        if text is not None:
            element.text = _xml_text(text)
        return element

    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": HTML_LANG[locale]})
    sub(feed, "id", f"{base_url}/feed.atom")
    sub(feed, "title", gettext("New jobs") + " · " + gettext("Optoelectronics Expo Talent Fair"))
    sub(feed, "link", rel="self", href=f"{base_url}/feed.atom?lang={locale}", type="application/atom+xml")
    sub(feed, "link", rel="alternate", href=f"{base_url}/jobs?sort=newest&lang={locale}", type="text/html")
    newest = max((posted_at(job) for job, _ in rows), default=None) or utcnow().replace(tzinfo=UTC)
    sub(feed, "updated", newest.isoformat(timespec="seconds"))
    sub(sub(feed, "author"), "name", gettext("Optoelectronics Expo Talent Fair"))
    for job, company in rows:
        entry = sub(feed, "entry")
        company_name = bilingual(company.name_zh, company.name_en)
        sub(entry, "id", f"{base_url}/jobs/{job.id}")
        sub(entry, "title", f"{bilingual(job.title, job.title_en)} · {company_name}")
        sub(entry, "link", rel="alternate", href=f"{base_url}/jobs/{job.id}?lang={locale}", type="text/html")
        sub(entry, "published", posted_at(job).isoformat(timespec="seconds"))
        sub(entry, "updated", (job.updated_at or posted_at(job)).isoformat(timespec="seconds"))
        sub(sub(entry, "author"), "name", company_name)
        sub(
            entry, "summary", f"{salary_text(job)} · {city(job.city)}\n\n{job.description[:500]}", type="text"
        )
    return feed


class DiscoveryController(Controller):
    include_in_schema = False

    @get("/sitemap.xml", name="sitemap", sync_to_thread=True)
    def sitemap(self, db_session: DbSession, settings: BoardSettings) -> Response[bytes]:
        rows = _public_jobs(db_session, SITEMAP_LIMIT - 1000)  # room for the companies' pages
        return _xml_response(
            sitemap_xml(rows, settings.base_url, utcnow().astimezone(FAIR_TIMEZONE).date()), "application/xml"
        )

    @get("/feed.atom", name="feed", sync_to_thread=True)
    def feed(self, db_session: DbSession, settings: BoardSettings) -> Response[bytes]:
        rows = _public_jobs(db_session, FEED_SIZE)
        return _xml_response(atom_feed(rows, settings.base_url), "application/atom+xml; charset=utf-8")

    @get("/robots.txt", name="robots", media_type=MediaType.TEXT)
    async def robots(self, settings: BoardSettings) -> str:
        private = ("/employer", "/staff", "/me", "/exports", "/login", "/register", "/api/")
        lines = [
            "User-agent: *",
            *(f"Disallow: {path}" for path in private),
            f"Sitemap: {settings.base_url}/sitemap.xml",
        ]
        return "\n".join(lines) + "\n"
