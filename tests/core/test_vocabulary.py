"""Cities and majors on English pages: the tables, else pinyin for a city; Chinese pages untouched."""

from __future__ import annotations

import pytest

from jobboard.core.i18n import locale_scope
from jobboard.core.vocabulary import CITIES, MAJORS, city, majors
from jobboard.demo.catalog import CITY_EN, SHARED, TEMPLATES

PROVINCIAL_CAPITALS = (
    "石家庄",
    "太原",
    "呼和浩特",
    "沈阳",
    "长春",
    "哈尔滨",
    "南京",
    "杭州",
    "合肥",
    "福州",
    "南昌",
    "济南",
    "郑州",
    "武汉",
    "长沙",
    "广州",
    "南宁",
    "海口",
    "成都",
    "贵阳",
    "昆明",
    "拉萨",
    "西安",
    "兰州",
    "西宁",
    "银川",
    "乌鲁木齐",
)


@pytest.mark.parametrize(
    ("stored", "english"),
    [
        ("长春", "Changchun"),
        ("长春市", "Changchun"),
        ("吉林省长春市", "Changchun"),
        ("西安", "Xi'an"),  # the apostrophe keeps Xi'an from reading as Xian
        ("哈尔滨", "Harbin"),  # the customary name, not the pinyin Ha'erbin
        ("陕西省", "Shaanxi"),  # not Shanxi, the other province
        ("延边朝鲜族自治州", "Yanbian"),
        ("上海市浦东新区", "Pudong New Area, Shanghai"),
        ("长春、北京", "Changchun, Beijing"),
        ("某某市", "Moumou"),  # not in the table: pinyin, without 市
        ("某某县", "Moumou County"),
        ("Changchun", "Changchun"),  # already English
    ],
)
def test_a_city_is_shown_in_english_on_english_pages(stored: str, english: str) -> None:
    with locale_scope("en"):
        assert city(stored) == english


@pytest.mark.parametrize("stored", ["长春", "某某市", "Changchun", ""])
def test_chinese_pages_show_the_city_as_written(stored: str) -> None:
    with locale_scope("zh"):
        assert city(stored) == stored


def test_every_demo_city_and_provincial_capital_is_in_the_table() -> None:
    assert all(CITIES.get(name) == english for name, english in CITY_EN.items())
    assert [name for name in PROVINCIAL_CAPITALS if name not in CITIES] == []
    assert len(CITIES) > 340  # the prefecture-level cities and more


@pytest.mark.parametrize(
    ("stored", "english"),
    [
        ("光学工程、物理学", "Optical Engineering, Physics"),
        ("导航、制导与控制，测绘工程", "Navigation, Guidance and Control, Surveying and Mapping Engineering"),
        ("光学工程、天体化学", "Optical Engineering, 天体化学"),  # unknown: as written
        ("光学工程等相关专业", "光学工程等相关专业"),  # a whole name only, not a part of another word
        ("Optical Engineering, Physics", "Optical Engineering, Physics"),
    ],
)
def test_known_majors_are_shown_in_english_on_english_pages(stored: str, english: str) -> None:
    with locale_scope("en"):
        assert majors(stored) == english
    with locale_scope("zh"):
        assert majors(stored) == stored


def test_every_chinese_major_of_the_demo_is_in_the_vocabulary() -> None:
    templates = [*SHARED, *(template for pool in TEMPLATES.values() for template in pool)]
    chinese = {major for template in templates for major in template.majors if not major.isascii()}
    assert chinese and chinese <= MAJORS.keys()
