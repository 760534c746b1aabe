"""The demo board's raw material, read from the data files in ``jobboard/demo/data/`` (see its README).

Every firm, person and address there is invented; web sites and mailboxes use example.cn / example.com.
Halls follow the fair's layout: A chips (芯), B optics (光), C satellites (星), D automotive (车),
E networks (网), F institutes, universities and services.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from importlib.resources import files
from typing import Any, NamedTuple, TypeVar

# importlib.resources finds the files in a source tree, an editable install and a wheel alike
# (pyproject.toml ships them as package data).
DATA = files("jobboard.demo") / "data"


@dataclass(frozen=True)
class Firm:
    key: str  # the host name under example.cn / example.com
    name_zh: str
    name_en: str
    segment: str
    city: str
    booth: str
    focus_zh: str  # what the firm makes, used inside posting texts
    focus_en: str
    about_zh: str
    about_en: str
    foreign: bool = False  # writes its postings in English and is listed under its English name
    branches: tuple[str, ...] = ()  # other cities some of its postings are in
    pool: str = ""  # which templates fit the firm, when not simply those of its segment

    @property
    def template_pool(self) -> str:
        return self.pool or ("foreign" if self.foreign else self.segment)

    @property
    def hall(self) -> str:
        return self.booth.split("-", 1)[0]

    @property
    def domain(self) -> str:
        return f"{self.key}.example.{'com' if self.foreign else 'cn'}"

    @property
    def website(self) -> str:
        return f"https://www.{self.domain}"

    @property
    def import_name(self) -> str:
        """The name in the ``company`` column of a job table: foreign firms send their English name."""
        return self.name_en if self.foreign else self.name_zh


@dataclass(frozen=True)
class JobTemplate:
    titles: tuple[tuple[str, str], ...]  # (title, English title) variants; the first names the template
    duties: tuple[str, ...]  # 岗位职责 items; {focus} is the firm's line of business
    skills: tuple[str, ...]  # 任职要求 items
    majors: tuple[str, ...]
    education: tuple[str, ...]  # the degrees a firm may ask for
    salary: tuple[int, int] | None  # CNY per month in Changchun; None: 面议
    job_type: str = "full_time"
    headcount: tuple[int, int] = (1, 3)
    plus: tuple[str, ...] = ()  # 优先 items
    senior: bool = False  # may be posted as 高级 / Senior


class Seeker(NamedTuple):
    name: str
    pinyin: str
    studies_zh: str  # what they study or studied
    studies_en: str


class PlannedApplication(NamedTuple):
    """Numbers are 1-based: the seeker, the employer (hr1 …), which of the employer's published jobs."""

    seeker: int
    employer: int
    job: int
    then: tuple[str, ...]  # what happens next: employer actions, or "withdraw"


Record = TypeVar("Record", Firm, JobTemplate)


def _json(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def _tsv(name: str) -> list[dict[str, str]]:
    """Rows of a tab-separated table with a header line; an empty last column may lose its tab."""
    table = io.StringIO((DATA / name).read_text(encoding="utf-8"), newline="")
    return list(csv.DictReader(table, delimiter="\t", quoting=csv.QUOTE_NONE, restval=""))


def _record(kind: type[Record], entry: dict[str, Any]) -> Record:
    """A frozen dataclass from a JSON object: its lists as tuples (an unknown key fails loudly)."""
    return kind(**{key: _frozen(value) for key, value in entry.items()})


def _frozen(value: Any) -> Any:
    return tuple(_frozen(item) for item in value) if isinstance(value, list) else value


def _firms(name: str) -> tuple[Firm, ...]:
    return tuple(_record(Firm, entry) for entry in _json(name))


def _templates() -> tuple[tuple[JobTemplate, ...], dict[str, tuple[JobTemplate, ...]]]:
    """The shared templates, and each pool's templates in the order the pool lists their first titles."""
    by_title: dict[str, JobTemplate] = {}
    groups: dict[str, tuple[JobTemplate, ...]] = {}
    for group in (DATA / "templates").iterdir():
        entries = _json(f"templates/{group.name}")
        groups[group.name] = tuple(_record(JobTemplate, entry) for entry in entries)
        for template in groups[group.name]:
            if by_title.setdefault(template.titles[0][0], template) is not template:
                raise ValueError(f"two demo job templates are named {template.titles[0][0]}")
    pools = _json("template_pools.json")
    return groups["shared.json"], {
        pool: tuple(by_title[title] for title in titles) for pool, titles in pools.items()
    }


FIRMS = _firms("firms.json")
# Two firms that register at the fair and wait for staff approval (not part of the job table).
PENDING_FIRMS = _firms("pending_firms.json")
SHARED, TEMPLATES = _templates()  # SHARED: the jobs firms of every segment have

_EDUCATION = _tsv("education.tsv")
EDUCATION_ZH = {row["level"]: row["zh"] for row in _EDUCATION}
EDUCATION_EN = {row["level"]: row["en"] for row in _EDUCATION}
# Interns are still studying.
STUDYING_ZH = {row["level"]: row["studying_zh"] for row in _EDUCATION if row["studying_zh"]}
STUDYING_EN = {row["level"]: row["studying_en"] for row in _EDUCATION if row["studying_en"]}
_CITIES = _tsv("cities.tsv")
CITY_EN = {row["city"]: row["en"] for row in _CITIES}
CITY_FACTOR = {row["city"]: float(row["salary_factor"]) for row in _CITIES}  # against Changchun's pay

# Sentences mixed into postings so that no two read alike (an empty one: none of that kind).
_PHRASES = _json("phrases.json")
SENIOR_ZH: str = _PHRASES["senior_zh"]
SENIOR_EN: str = _PHRASES["senior_en"]
INTRO_ZH: tuple[str, ...] = tuple(_PHRASES["intro_zh"])
BENEFITS_ZH: tuple[str, ...] = tuple(_PHRASES["benefits_zh"])
BENEFITS_CHANGCHUN: str = _PHRASES["benefits_changchun"]
EXPERIENCE_ZH: dict[str, tuple[str, ...]] = {
    level: tuple(sentences) for level, sentences in _PHRASES["experience_zh"].items()
}
SOFT_ZH: tuple[str, ...] = tuple(_PHRASES["soft_zh"])
INTRO_EN: tuple[str, ...] = tuple(_PHRASES["intro_en"])
BENEFITS_EN: tuple[str, ...] = tuple(_PHRASES["benefits_en"])
PLUS_EN: tuple[str, ...] = tuple(_PHRASES["plus_en"])

# Demo people (fictional) and what they do.
_PEOPLE = _json("people.json")
EMPLOYER_NAMES: tuple[str, ...] = tuple(_PEOPLE["employers"])  # hr1 … of the first firms
PENDING_EMPLOYER_NAMES: tuple[str, ...] = tuple(_PEOPLE["pending_employers"])  # of PENDING_FIRMS
COVER_LETTERS: tuple[str, ...] = tuple(_PEOPLE["cover_letters"])  # taken in turn
SEEKERS = tuple(Seeker(**row) for row in _tsv("seekers.tsv"))
APPLICATION_PLAN = tuple(
    PlannedApplication(int(row["seeker"]), int(row["employer"]), int(row["job"]), tuple(row["then"].split()))
    for row in _tsv("applications.tsv")
)
