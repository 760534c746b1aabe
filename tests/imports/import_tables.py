"""Helpers that write small job tables for the import tests."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import func
from sqlmodel import Session, select

# One complete, valid posting with Chinese headings (as fair tables arrive).
ZH_HEADER = [
    "岗位编号",
    "单位名称",
    "岗位名称",
    "岗位职责",
    "任职要求",
    "工作地点",
    "学历要求",
    "岗位类型",
    "薪资",
    "招聘人数",
    "专业要求",
    "展位号",
    "行业",
    "联系邮箱",
]


FIRM = "长春测试光电有限公司"


def zh_row(number: int, **changes: str) -> list[str]:
    """A posting of FIRM at booth A1-001; another firm has no booth unless given one (one firm a booth)."""
    firm = changes.get("单位名称", FIRM)
    row = {
        "岗位编号": f"T-{number:05d}",
        "单位名称": FIRM,
        "岗位名称": f"激光器研发工程师{number}",
        "岗位职责": "负责光纤激光器的设计与调试",
        "任职要求": "光学工程相关专业",
        "工作地点": "长春",
        "学历要求": "本科",
        "岗位类型": "全职",
        "薪资": "15-25K·14薪",
        "招聘人数": "2",
        "专业要求": "光学工程",
        "展位号": "A1-001" if firm == FIRM else "",
        "行业": "光",
        "联系邮箱": "hr@test-optics.example.cn",
    } | changes
    return [row[heading] for heading in ZH_HEADER]


def csv_bytes(rows: Sequence[Sequence[object]], encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode(encoding)


def count(session: Session, model: type) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    path.write_bytes(csv_bytes(rows, encoding))
    return path
