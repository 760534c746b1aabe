"""The import's columns and the headings (English and Chinese) that name them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

# The English column format of the job table (issue 2, section 11) plus the extras Chinese tables carry.
COLUMNS: tuple[str, ...] = (
    "external_id",
    "company",
    "title",
    "title_en",
    "description",
    "requirements",
    "description_en",
    "requirements_en",
    "city",
    "education",
    "job_type",
    "experience",
    "salary_min",
    "salary_max",
    "salary_months",
    "salary",
    "headcount",
    "majors",
    "booth",
    "segment",
    "contact_email",
    "deadline",
)
REQUIRED_COLUMNS: tuple[str, ...] = ("company", "title", "description", "city")

# Written as they appear in real tables; matching ignores case, spaces, width and marks like "*".
_ALIASES: dict[str, tuple[str, ...]] = {
    "external_id": ("编号", "岗位编号", "职位编号", "序号编号", "id", "job_id"),
    "company": ("单位名称", "公司名称", "企业名称", "用人单位", "单位", "公司", "company_name", "employer"),
    "title": ("岗位名称", "职位名称", "招聘岗位", "岗位", "职位", "job_title", "position"),
    "title_en": ("英文岗位名称", "英文职位名称", "岗位英文名称", "title_english", "english_title"),
    "description": ("岗位职责", "工作职责", "岗位描述", "职位描述", "工作内容", "duties", "responsibilities"),
    "requirements": ("任职要求", "岗位要求", "任职资格", "职位要求", "qualifications"),
    "description_en": ("英文岗位职责", "岗位职责英文", "英文职责", "english_description", "duties_en"),
    "requirements_en": (
        "英文任职要求",
        "任职要求英文",
        "英文要求",
        "english_requirements",
        "qualifications_en",
    ),
    "city": ("工作地点", "工作城市", "城市", "地点", "location"),
    "education": ("学历要求", "学历", "最低学历", "degree"),
    "job_type": ("岗位类型", "招聘类型", "职位类型", "用工类型", "type", "employment_type"),
    "experience": ("经验要求", "工作经验", "工作年限"),
    "salary_min": ("最低月薪", "月薪下限", "薪资下限"),
    "salary_max": ("最高月薪", "月薪上限", "薪资上限"),
    "salary_months": ("薪资月数", "发薪月数", "年薪月数", "薪数", "months"),
    "salary": ("薪资", "薪酬", "月薪", "薪资待遇", "薪酬待遇", "工资", "待遇", "薪资范围", "monthly_salary"),
    "headcount": ("招聘人数", "需求人数", "人数", "openings"),
    "majors": ("专业要求", "专业", "需求专业"),
    "booth": ("展位号", "展位", "展位编号"),
    "segment": ("行业", "领域", "所属领域", "所属行业", "板块", "industry"),
    "contact_email": ("联系邮箱", "邮箱", "电子邮箱", "简历投递邮箱", "投递邮箱", "email", "e-mail"),
    "deadline": ("截止日期", "截止时间", "报名截止日期", "application_deadline"),
}


COLUMN_LABELS_ZH: dict[str, str] = {
    "external_id": "岗位编号",
    "company": "单位名称",
    "title": "岗位名称",
    "title_en": "英文岗位名称",
    "description": "岗位职责",
    "requirements": "任职要求",
    "description_en": "英文岗位职责",
    "requirements_en": "英文任职要求",
    "city": "工作地点",
    "education": "学历要求",
    "job_type": "岗位类型",
    "experience": "经验要求",
    "salary_min": "最低月薪",
    "salary_max": "最高月薪",
    "salary_months": "薪资月数",
    "salary": "薪资",
    "headcount": "招聘人数",
    "majors": "专业要求",
    "booth": "展位号",
    "segment": "行业",
    "contact_email": "联系邮箱",
    "deadline": "截止日期",
}


# The columns' names on English pages (the English column format's names are codes: salary_months).
COLUMN_LABELS_EN: dict[str, str] = {
    "external_id": "Job number",
    "company": "Company",
    "title": "Job title",
    "title_en": "English job title",
    "description": "Duties",
    "requirements": "Requirements",
    "description_en": "Duties in English",
    "requirements_en": "Requirements in English",
    "city": "City",
    "education": "Education",
    "job_type": "Job type",
    "experience": "Experience",
    "salary_min": "Lowest monthly salary",
    "salary_max": "Highest monthly salary",
    "salary_months": "Months of salary",
    "salary": "Salary",
    "headcount": "Openings",
    "majors": "Majors",
    "booth": "Booth",
    "segment": "Segment",
    "contact_email": "Contact e-mail",
    "deadline": "Deadline",
}


def normalize_heading(text: str) -> str:
    """Case, width (全角), spaces, underscores/hyphens and required-marks ("*") do not matter."""
    text = unicodedata.normalize("NFKC", text).replace("\ufeff", "").casefold()
    return re.sub(r"[\s_\-*:：]+", "", text)


_BY_HEADING: dict[str, str] = {}
for _column in COLUMNS:
    for _heading in (_column, *_ALIASES.get(_column, ())):
        _BY_HEADING[normalize_heading(_heading)] = _column

# A bilingual template heading such as "岗位名称 Title" or "学历要求(education)" splits into its parts.
_PARTS = re.compile(
    r"[/|()（）\[\]【】\n]+|(?<=[\u4e00-\u9fff])\s*(?=[A-Za-z])|(?<=[A-Za-z])\s*(?=[\u4e00-\u9fff])"
)


def heading_parts(heading: str) -> set[str]:
    """The names a heading holds, normalised: "学历要求*\neducation" holds 学历要求 and education."""
    return {normalize_heading(part) for part in (heading, *_PARTS.split(heading)) if part.strip()}


def column_for(heading: object) -> str | None:
    """The canonical column a heading names, or None if it names none (or is ambiguous)."""
    if heading is None:
        return None
    text = str(heading).strip()
    if not text:
        return None
    exact = _BY_HEADING.get(normalize_heading(text))
    if exact is not None:
        return exact
    found = {
        column
        for part in _PARTS.split(text)
        if part.strip() and (column := _BY_HEADING.get(normalize_heading(part))) is not None
    }
    return found.pop() if len(found) == 1 else None


@dataclass
class HeaderMap:
    """Which position of a table's rows holds which column."""

    positions: dict[int, str] = field(default_factory=dict)
    headings: dict[str, str] = field(default_factory=dict)  # column -> heading as written
    unknown: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)  # column, first heading, second

    @property
    def recognised(self) -> int:
        return len(self.headings)

    @property
    def missing(self) -> list[str]:
        return [column for column in REQUIRED_COLUMNS if column not in self.headings]


def map_headings(headings: Iterable[object]) -> HeaderMap:
    header = HeaderMap()
    for position, heading in enumerate(headings):
        column = column_for(heading)
        text = "" if heading is None else str(heading).strip()
        if column is None:
            if text:
                header.unknown.append(text)
        elif column in header.headings:
            header.duplicates.append((column, header.headings[column], text))
        else:
            header.positions[position] = column
            header.headings[column] = text
    return header
