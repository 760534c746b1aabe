"""The Chinese catalogue covers every message in the code and templates, with matching placeholders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from jobboard.core.i18n import translations

REPO_ROOT = Path(__file__).resolve().parents[2]
PO_FILE = REPO_ROOT / "jobboard" / "translations" / "zh" / "LC_MESSAGES" / "messages.po"

# The method map of babel.cfg, in the form Babel's Python API takes it.
METHOD_MAP = [
    ("jobboard/**.py", "python"),
    ("templates/**.html", "jinja2.ext:babel_extract"),
    ("templates/mail/**.txt", "jinja2.ext:babel_extract"),
]
OPTIONS_MAP = {
    "jobboard/**.py": {},
    "templates/**.html": {"extensions": "jinja2.ext.i18n"},
    "templates/mail/**.txt": {"extensions": "jinja2.ext.i18n"},
}
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]")


def _extracted_msgids() -> dict[str, str]:
    """Every msgid (singular form) found in the code, mapped to the first place it occurs."""
    found: dict[str, str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(REPO_ROOT), METHOD_MAP, OPTIONS_MAP, keywords=KEYWORDS, strip_comment_tags=True
    ):
        msgid = message[0] if isinstance(message, tuple) else message
        if msgid:
            found.setdefault(msgid, f"{filename}:{lineno}")
    return found


@pytest.fixture(scope="module")
def catalogue() -> Catalog:
    with PO_FILE.open("rb") as source:
        return read_po(source, locale="zh")


def _translated(message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return not message.fuzzy and bool(strings) and all(s and s.strip() for s in strings)


def test_catalogue_header(catalogue: Catalog) -> None:
    assert str(catalogue.locale) == "zh"
    assert catalogue.num_plurals == 1
    assert catalogue.plural_expr.strip() == "0"


def test_every_extracted_message_is_translated(catalogue: Catalog) -> None:
    extracted = _extracted_msgids()
    assert extracted, "no messages were extracted; is the method map right?"
    problems = []
    for msgid, where in sorted(extracted.items()):
        message = catalogue.get(msgid)
        if message is None:
            problems.append(f"missing   {msgid!r} ({where})")
        elif not _translated(message):
            problems.append(f"untranslated/fuzzy {msgid!r} ({where})")
    assert not problems, (
        f"{len(problems)} message(s) lack a Chinese translation; run `make messages` and translate:\n"
        + "\n".join(problems)
    )


def test_catalogue_has_no_untranslated_or_fuzzy_entries(catalogue: Catalog) -> None:
    bad = [message.id for message in catalogue if message.id and not _translated(message)]
    assert not bad, f"untranslated or fuzzy entries: {bad}"


def test_placeholders_match(catalogue: Catalog) -> None:
    problems = []
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = set().union(*(PLACEHOLDER.findall(i) for i in ids))
        for string in strings:
            if string and set(PLACEHOLDER.findall(string)) != expected:
                problems.append(f"{message.id!r} -> {string!r}")
            # In a formatted message a stray "%" that is not a placeholder breaks formatting at runtime.
            formatted = bool(expected) or isinstance(message.id, tuple)
            if formatted and string and "%" in PLACEHOLDER.sub("", string).replace("%%", ""):
                problems.append(f"stray % in {string!r}")
    assert not problems, "placeholders differ:\n" + "\n".join(problems)


def test_runtime_catalogue_translates() -> None:
    zh = translations("zh")
    assert zh.gettext("Log in") == "登录"
    assert "密码错误" in zh.gettext("Wrong e-mail address or password.")
    assert zh.gettext("Booth %(booth)s") % {"booth": "B2-016"} == "展位 B2-016"
    assert zh.ngettext("%(num)s job", "%(num)s jobs", 3) % {"num": 3} == "共 3 个职位"
