"""Firms a table names that the board does not know by that name but that look like one it does.

Staff type firm names from memory: 中科院长春光机所 for 中国科学院长春光学精密机械与物理研究所, or with a slip
of the keyboard. Creating a second firm for either splits its jobs, so such a name is flagged and staff say
whether it means the existing firm or really a new one. Two rules, on names compared without case, width,
spaces, punctuation or legal form (有限公司, Co., Ltd.):

- an abbreviation: a Chinese short name keeps characters of the full name in order, so a name of at least
  ``MIN_ABBREVIATION`` characters found in order within the other (either way round) is a near match;
- a slip: rapidfuzz's normalised Indel similarity of at least ``SIMILARITY_CUTOFF`` percent.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from sqlmodel import Session, select

from jobboard.companies.models import Company
from jobboard.imports.report import FirmMatch, ImportProblem, ImportReport
from jobboard.imports.rows import ValidRow

MIN_ABBREVIATION = 4  # characters; shorter ones (长春, 光电) occur in too many names to mean one firm
SIMILARITY_CUTOFF = 80  # percent; one slip in a ten-character name scores 90, two score 80
NEW_FIRM = "new"  # the preview form's answer "a new firm" (otherwise the existing firm's id)

_CJK = re.compile(r"[\u3400-\u9fff]")
_CHINESE_LEGAL_FORM = re.compile(r"(股份有限公司|有限责任公司|有限公司|公司)$")
_ENGLISH_LEGAL_FORMS = frozenset(
    {"co", "company", "corp", "corporation", "inc", "limited", "ltd", "llc", "gmbh"}
)


@dataclass(frozen=True)
class FirmChoices:
    """Staff's answer for each flagged name: the existing firm's id (the same firm) or None (a new firm).
    ``all_new`` creates every flagged firm: the CLI's ``--new-firms``, the board's own generated tables."""

    answers: Mapping[str, int | None] = field(default_factory=dict)
    all_new: bool = False


NO_ANSWERS = FirmChoices()  # every flagged name is still to be settled


def comparable(name: str) -> str:
    """The name without what does not tell firms apart: case, width, spaces, punctuation, legal form."""
    text = unicodedata.normalize("NFKC", name).casefold()
    words = [word for word in re.split(r"[\W_]+", text) if word and word not in _ENGLISH_LEGAL_FORMS]
    return _CHINESE_LEGAL_FORM.sub("", "".join(words))


def is_abbreviation(short: str, full: str) -> bool:
    """Every character of ``short`` appears in ``full`` in the same order (a containment is one case)."""
    if len(short) < MIN_ABBREVIATION or len(short) >= len(full):
        return False
    if not _CJK.search(short):  # Latin letters in order are in too many English names: whole text only
        return short in full
    rest = iter(full)
    return all(char in rest for char in short)


def similarity(first: str, second: str) -> float:
    """How alike two comparable names are, as a percentage, and 100 for an abbreviation of the other."""
    if is_abbreviation(first, second) or is_abbreviation(second, first):
        return 100.0
    return float(fuzz.ratio(first, second))


class FirmMatcher:
    """The board's firms, by each name they are known by (Chinese and English)."""

    def __init__(self, firms: Iterable[Company]) -> None:
        self._names = [
            (comparable(name), firm.id, firm.name_zh)
            for firm in firms
            if firm.id is not None
            for name in (firm.name_zh, firm.name_en)
            if name and comparable(name)
        ]

    def best(self, name: str) -> tuple[int, str] | None:
        """The id and Chinese name of the firm ``name`` most probably means, or None if none is near."""
        wanted = comparable(name)
        if not wanted:
            return None
        scored = [
            (similarity(wanted, known), firm_id, firm_name) for known, firm_id, firm_name in self._names
        ]
        score, firm_id, firm_name = max(scored, default=(0.0, 0, ""))
        return (firm_id, firm_name) if score >= SIMILARITY_CUTOFF else None

    def matches(self, lines_by_name: Mapping[str, Iterable[int]]) -> list[FirmMatch]:
        """The near matches of the names the board does not know, in the order of their first line."""
        found = []
        for name, lines in lines_by_name.items():
            best = self.best(name)
            if best is not None:
                found.append(FirmMatch(name, best[0], best[1], tuple(sorted(lines))))
        return sorted(found, key=lambda match: match.lines[0])


def firm_choices(values: Mapping[str, object]) -> dict[str, int | None]:
    """Staff's answers on the preview form: ``firm-N-name`` is the table's name and ``firm-N`` either an
    existing firm's id (the same firm) or ``NEW_FIRM``; None in the result means a new firm."""
    choices: dict[str, int | None] = {}
    for key, name in values.items():
        if not (key.startswith("firm-") and key.endswith("-name")):
            continue
        answer = str(values.get(key.removesuffix("-name"), ""))
        if answer == NEW_FIRM:
            choices[str(name)] = None
        elif answer.isdigit():
            choices[str(name)] = int(answer)
    return choices


def settle_firms(
    session: Session,
    rows: list[ValidRow],
    companies: dict[str, Company],
    choices: FirmChoices,
    report: ImportReport,
    *,
    asking: bool,
) -> list[ValidRow]:
    """The rows whose firm is settled: known by name, mapped by staff onto an existing firm (added to
    ``companies``), confirmed new, or near no firm at all. A flagged name without an answer goes into
    ``report.firm_matches`` for the preview form; unless ``asking`` (a preview), its rows become problems
    and are left out."""
    lines: dict[str, list[int]] = {}
    for row in rows:
        if row.company not in companies:
            lines.setdefault(row.company, []).append(row.line)
    for name in list(lines):
        answer = choices.answers.get(name, 0)  # 0: no answer (ids start at 1); None: a new firm
        firm = session.get(Company, answer) if answer else None
        if firm is not None:
            companies[name] = firm
        if answer is None or firm is not None:
            del lines[name]
    if not lines or choices.all_new:
        return rows
    unsettled: set[str] = set()
    for match in FirmMatcher(session.exec(select(Company))).matches(lines):
        report.firm_matches.append(match)
        if not asking:
            unsettled.add(match.name)
            params = {"company": match.name, "existing": match.firm_name}
            report.problems.extend(
                ImportProblem(line, "company", "company_near_match", params) for line in match.lines
            )
    return [row for row in rows if row.company not in unsettled]
