"""Cities and majors in English, for English pages: the tables in ``core/data/``, pinyin for a city they lack.

What employers typed is stored and returned by the API as written; only pages show it in the reader's
language, through the ``city`` and ``majors`` template filters.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from jobboard.core.i18n import get_locale

DATA_DIR = Path(__file__).resolve().parent / "data"


def _table(name: str) -> dict[str, str]:
    """A two-column table (zh, en) whose lines starting with # say where it comes from."""
    with (DATA_DIR / name).open(encoding="utf-8") as file:
        lines = (line for line in file if not line.startswith("#"))
        return {row["zh"]: row["en"] for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)}


CITIES = _table("cities.tsv")
MAJORS = _table("majors.tsv")

_HAN = "\u3400-\u9fff\uf900-\ufaff"
_HAN_RUN = re.compile(f"[{_HAN}]+")
_PROVINCE = re.compile(f"^[{_HAN}]{{2,}}?(?:省|自治区)(?=[{_HAN}]{{2}})")  # 吉林省长春市: the city is enough
_AUTONOMOUS_PREFECTURE = re.compile(f"^([{_HAN}]{{2,}}?)[{_HAN}]*族自治州$")  # 延边朝鲜族自治州 → 延边
_DIVISION_SUFFIXES = ("地区", "市", "盟", "省")  # not 州, which ends many a city's own name (苏州)
_PART_OF_CITY = re.compile(f"^([{_HAN}]{{2,}}?)(新区|(?<!地)区|县)$")  # 地区 is a prefecture, not a district
_PART_NAMES = {"新区": "New Area", "区": "District", "县": "County"}
# Chinese punctuation between names, as English writes it.
_PUNCTUATION = str.maketrans({"、": ", ", "，": ", ", "；": "; ", "（": " (", "）": ")", "／": "/"})


@lru_cache(maxsize=2048)  # every job card shows a city, and a board has a few hundred of them
def city_in_english(place: str) -> str:
    """长春 and 长春市 → Changchun; 上海市浦东新区 → Pudong New Area, Shanghai; 某某市 → Moumou."""
    return _HAN_RUN.sub(lambda match: _place(match.group()), place).translate(_PUNCTUATION).strip()


def _place(name: str) -> str:
    name = _PROVINCE.sub("", name)
    city, _, part = name.partition("市")
    if len(city) >= 2 and part:
        return f"{_part_of_city(part)}, {_city(city)}"
    return _part_of_city(name)


def _part_of_city(name: str) -> str:
    part = None if name in CITIES else _PART_OF_CITY.match(name)
    return f"{_city(part.group(1))} {_PART_NAMES[part.group(2)]}" if part else _city(name)


def _city(name: str) -> str:
    if name in CITIES:
        return CITIES[name]
    prefecture = _AUTONOMOUS_PREFECTURE.match(name)
    stem = prefecture.group(1) if prefecture else _without_division_suffix(name)
    if stem in CITIES:
        return CITIES[stem]
    if stem.endswith("州") and stem[:-1] in CITIES:  # 延边州, 湘西州: a prefecture's short name
        return CITIES[stem[:-1]]
    return _pinyin(stem)


def _without_division_suffix(name: str) -> str:
    for suffix in _DIVISION_SUFFIXES:
        stem = name.removesuffix(suffix)
        if stem != name and len(stem) >= 2:
            return stem
    return name


def _pinyin(name: str) -> str:
    """Hanyu Pinyin as place names are written: one word, capitalised, Xi'an's apostrophe."""
    from pypinyin import lazy_pinyin  # its dictionaries take half a second to load: only when needed

    syllables = lazy_pinyin(name, v_to_u=True)
    word = syllables[0] + "".join(
        ("'" if syllable[0] in "aoe" else "") + syllable for syllable in syllables[1:]
    )
    return word.capitalize()


_SEPARATOR = r"\s,;/、，；／"
_KNOWN_MAJOR = re.compile(
    f"(?<![^{_SEPARATOR}])"  # a whole name, between separators: 光学 is not the start of 光学制造
    f"({'|'.join(re.escape(name) for name in sorted(MAJORS, key=len, reverse=True))})"
    f"(?![^{_SEPARATOR}])"
)


@lru_cache(maxsize=2048)
def majors_in_english(majors: str) -> str:
    """光学工程、物理学 → Optical Engineering, Physics; a major the vocabulary lacks stays as written."""
    return _KNOWN_MAJOR.sub(lambda match: MAJORS[match.group()], majors).translate(_PUNCTUATION).strip()


def city(place: str) -> str:
    """A city in the reader's language: English on English pages, as written on Chinese ones."""
    return city_in_english(place) if place and get_locale() == "en" else place


def majors(text: str) -> str:
    """A job's majors in the reader's language: each known one in English on English pages."""
    return majors_in_english(text) if text and get_locale() == "en" else text
