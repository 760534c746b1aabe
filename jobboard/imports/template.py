"""The job table template staff hand to firms: bilingual headings, one example row, and notes."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from jobboard.imports.columns import COLUMN_LABELS_ZH, REQUIRED_COLUMNS

TEMPLATE_FILENAME = "job-table-template.xlsx"
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATA_ROWS = 1000  # rows formatted as text, so Excel keeps 1-3 or 0001 as typed

# (column, example value, note in Chinese, note in English); the single "salary" column stands for
# salary_min/salary_max/salary_months, which the import also accepts.
TEMPLATE_COLUMNS: tuple[tuple[str, str, str, str], ...] = (
    (
        "external_id",
        "CCOE-2026-001",
        "本单位内唯一；再次导入同一编号即更新该岗位",
        "unique per firm; importing it again updates the job",
    ),
    ("company", "长春示例光电有限公司", "与展会登记的单位名称一致", "the firm's registered name"),
    (
        "title",
        "激光器研发工程师",
        "境外单位可留空，改填英文列",
        "a firm from abroad may leave it for the English columns",
    ),
    ("title_en", "Laser R&D Engineer", "可留空", "may be empty"),
    ("description", "负责光纤激光器的设计、调试与测试。", "同上", "as above"),
    ("requirements", "光学工程、物理学相关专业；熟悉光路设计。", "", ""),
    (
        "description_en",
        "Design, align and test fibre lasers.",
        "可留空；只填英文时须有英文岗位名称与英文岗位职责",
        "may be empty; a job in English only needs the English title and these duties",
    ),
    ("requirements_en", "A degree in optical engineering or physics.", "可留空", "may be empty"),
    ("city", "长春", "", ""),
    ("education", "本科", "不限/大专/本科/硕士/博士", "any, associate, bachelor, master, phd"),
    ("job_type", "全职", "全职/实习/校招", "full_time, internship, campus"),
    ("experience", "3-5年", "不限、应届或年限，如 3-5年", "any, new_graduate or years such as 3-5"),
    (
        "salary",
        "15-25K·14薪",
        "月薪，如 15-25K、1.5万-2万、8000-12000 或 面议",
        "monthly: 15-25K, 1.5万-2万, 8000-12000 or 面议",
    ),
    ("headcount", "2", "正整数或“若干”", "a whole number or 若干"),
    ("majors", "光学工程、物理学", "", ""),
    ("booth", "A1-001", "如 A1-001", "e.g. A1-001"),
    ("segment", "光", "芯/光/星/车/网/其他", "chips, optics, satellites, automotive, networks, other"),
    ("contact_email", "hr@example.cn", "", ""),
    (
        "deadline",
        "长期有效",
        "日期如 2026-06-30，或“长期有效”",
        "a date such as 2026-06-30, or 长期有效 (open)",
    ),
)
CHOICES = {
    "education": "不限,大专,本科,硕士,博士",
    "job_type": "全职,实习,校招",
    "segment": "芯,光,星,车,网,其他",
}


def heading(column: str) -> str:
    """ "岗位名称*" over "title": the import reads either half; "*" marks a required column."""
    mark = "*" if column in REQUIRED_COLUMNS else ""
    return f"{COLUMN_LABELS_ZH[column]}{mark}\n{column}"


def template_workbook_bytes() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "岗位信息表 Jobs"
    sheet.append([heading(column) for column, *_ in TEMPLATE_COLUMNS])
    sheet.append([example for _, example, *_ in TEMPLATE_COLUMNS])
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for index, (column, *_rest) in enumerate(TEMPLATE_COLUMNS, start=1):
        letter = get_column_letter(index)
        cell = sheet.cell(row=1, column=index)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[letter].width = (
            30 if column.startswith(("description", "requirements")) else 18
        )
        for row in range(2, DATA_ROWS + 2):
            sheet.cell(row=row, column=index).number_format = "@"
        if column in CHOICES:
            validation = DataValidation(type="list", formula1=f'"{CHOICES[column]}"', allow_blank=True)
            validation.add(f"{letter}2:{letter}{DATA_ROWS + 1}")
            sheet.add_data_validation(validation)
    sheet.row_dimensions[1].height = 36
    sheet.freeze_panes = "A2"
    _notes(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _notes(workbook: Workbook) -> None:
    notes = workbook.create_sheet("填写说明 Notes")
    notes.append(["列 Column", "必填 Required", "说明", "Notes"])
    for cell in notes[1]:
        cell.font = Font(bold=True)
    for column, _example, note_zh, note_en in TEMPLATE_COLUMNS:
        required = "是 yes" if column in REQUIRED_COLUMNS else ""
        notes.append([heading(column).replace("\n", " "), required, note_zh, note_en])
    notes.append([])
    notes.append(["第一张表的第 2 行是示例，导入前请删除或替换。", "", "", ""])
    notes.append(
        ["Row 2 of the first sheet is an example: replace or delete it before importing.", "", "", ""]
    )
    for letter, width in zip("ABCD", (28, 14, 44, 52), strict=True):
        notes.column_dimensions[letter].width = width
