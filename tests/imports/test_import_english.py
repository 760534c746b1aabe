"""Job tables with English columns (issue 11, item 9): optional English duties and requirements, and rows
of a firm from abroad in English only."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from jobboard.imports.columns import column_for
from jobboard.imports.rows import RowValidator, ValidRow
from jobboard.imports.template import template_workbook_bytes

ENGLISH_ONLY = {
    "company": "Delft Quantum Photonics B.V.",
    "title_en": "Photonic Chip Designer",
    "description_en": "Design silicon photonic circuits.",
    "requirements_en": "A degree in physics.",
    "city": "长春",
}


@pytest.mark.parametrize(
    ("heading", "column"),
    [
        ("英文岗位职责", "description_en"),
        ("英文岗位职责*\ndescription_en", "description_en"),
        ("英文任职要求 English requirements", "requirements_en"),
        ("requirements_en", "requirements_en"),
    ],
)
def test_english_headings(heading: str, column: str) -> None:
    assert column_for(heading) == column


def test_a_row_in_english_only_imports_into_the_english_fields() -> None:
    row = RowValidator().validate(2, ENGLISH_ONLY)
    assert isinstance(row, ValidRow), row
    posting = row.posting
    assert (posting.title, posting.description) == ("", "")
    assert (posting.title_en, posting.description_en, posting.requirements_en) == (
        "Photonic Chip Designer",
        "Design silicon photonic circuits.",
        "A degree in physics.",
    )
    assert row.external_id.startswith("auto-")  # derived from the English title


def test_a_row_without_a_complete_language_names_what_is_missing() -> None:
    problems = RowValidator().validate(2, ENGLISH_ONLY | {"description_en": ""})
    assert isinstance(problems, list)
    assert [(p.column, p.code) for p in problems] == [("description_en", "language_incomplete")]
    assert problems[0].message("zh").startswith("英文岗位职责为必填项：")
    assert "both in the English columns" in problems[0].message("en")
    nothing = RowValidator().validate(3, {"company": "长春测试光电有限公司", "city": "长春"})
    assert isinstance(nothing, list)
    assert {(p.column, p.code) for p in nothing} == {
        ("title", "language_incomplete"),
        ("description", "language_incomplete"),
    }


def test_the_template_offers_the_english_columns() -> None:
    sheet = load_workbook(io.BytesIO(template_workbook_bytes())).worksheets[0]
    headings = next(sheet.iter_rows(max_row=1, values_only=True))
    assert {"description_en", "requirements_en"} <= {column_for(heading) for heading in headings}
