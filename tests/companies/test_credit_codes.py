"""The 统一社会信用代码 check (GB 32100-2015) against codes published on real business licences."""

from __future__ import annotations

import pytest

from jobboard.companies.credit_codes import check_character, is_valid_credit_code, normalised_credit_code
from jobboard.companies.models import CompanyProfile
from jobboard.core.errors import InvalidInput
from jobboard.core.validation import validate

PUBLISHED = [
    "91350100M000100Y43",  # the standard's own example
    "914403001922038216",  # 华为技术有限公司
    "91330100716105852F",  # 阿里巴巴（中国）有限公司
    "91440300708461136T",  # 深圳市腾讯计算机系统有限公司
]


@pytest.mark.parametrize("code", PUBLISHED)
def test_published_codes_are_valid(code: str) -> None:
    assert is_valid_credit_code(code)
    assert check_character(code[:-1]) == code[-1]


@pytest.mark.parametrize(
    "code",
    [
        "91350100M000100Y44",  # wrong check character
        "91350100M000100Y4",  # seventeen characters
        "91350100M000100Y433",  # nineteen
        "91350100O000100Y43",  # O is not in the alphabet (it reads as 0)
        "9135010IM000100Y43",  # nor I
        "91350100M0001000Y3",  # two characters swapped
        "",
    ],
)
def test_mistyped_codes_are_refused(code: str) -> None:
    assert not is_valid_credit_code(code)


def test_a_code_copied_with_spaces_and_small_letters_is_read() -> None:
    assert normalised_credit_code(" 91350100m000100y43 ") == "91350100M000100Y43"
    assert normalised_credit_code("9135 0100-M000 100Y43") == "91350100M000100Y43"


def test_the_profile_keeps_a_valid_code_and_names_a_wrong_one() -> None:
    profile = validate(CompanyProfile, {"name_zh": "长春甲光电有限公司", "credit_code": "91350100m000100y43"})
    assert profile.credit_code == "91350100M000100Y43"
    assert validate(CompanyProfile, {"name_zh": "海外公司"}).credit_code is None  # firms registered abroad
    with pytest.raises(InvalidInput) as refused:
        validate(CompanyProfile, {"name_zh": "长春甲光电有限公司", "credit_code": "91350100M000100Y44"})
    assert refused.value.errors == {"credit_code": "credit_code_invalid"}
