"""A firm's website is always a working web link: a bare host name gets https://, other schemes never."""

from __future__ import annotations

import pytest

from jobboard.companies.models import Company, CompanyProfile
from jobboard.companies.websites import website_link
from jobboard.core.errors import InvalidInput
from jobboard.core.validation import validate


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("newfirm.example.cn", "https://newfirm.example.cn"),
        ("www.example.cn/about", "https://www.example.cn/about"),
        ("example.cn:8080", "https://example.cn:8080"),
        ("http://old.example.cn", "http://old.example.cn"),
        ("HTTPS://Example.cn", "HTTPS://Example.cn"),
        ("//cdn.example.cn", "https://cdn.example.cn"),
        ("", ""),
    ],
)
def test_a_web_address_is_stored_as_a_link(typed: str, stored: str) -> None:
    assert validate(CompanyProfile, {"name_zh": "长春甲光电", "website": typed}).website == stored


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("javascript:alert(1)", "website_scheme"),
        ("JavaScript:alert(1)", "website_scheme"),
        ("data:text/html,<script>x</script>", "website_scheme"),
        ("mailto:hr@example.cn", "website_scheme"),
        ("ftp://files.example.cn", "website_scheme"),
        ("new firm.example.cn", "website_invalid"),
        ("https://", "website_invalid"),
    ],
)
def test_anything_but_a_web_address_is_refused(typed: str, code: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        validate(CompanyProfile, {"name_zh": "长春甲光电", "website": typed})
    assert refused.value.errors == {"website": code}


def test_pages_link_old_rows_only_when_they_are_web_addresses() -> None:
    assert Company(name_zh="甲", website="newfirm.example.cn").website_link == "https://newfirm.example.cn"
    assert Company(name_zh="乙", website="javascript:alert(1)").website_link == ""
    assert website_link("vbscript:msgbox") == ""
