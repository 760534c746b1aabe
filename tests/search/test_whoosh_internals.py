"""The adapter over Whoosh's internals refuses any release but the pinned one."""

from __future__ import annotations

import re

import pytest

from jobboard.search import whoosh_internals
from jobboard.search.whoosh_internals import PINNED_VERSION, WhooshVersionError, check_version


def test_the_installed_whoosh_is_the_pinned_one() -> None:
    assert whoosh_internals.installed_version() == PINNED_VERSION == "2.7.5"


@pytest.mark.parametrize("installed", ["2.7.4", "2.8.0", None])
def test_another_release_is_refused_with_what_to_install(installed: str | None) -> None:
    with pytest.raises(WhooshVersionError, match=re.escape("whoosh-reloaded==2.7.5")):
        check_version(installed)


def test_the_pinned_release_is_accepted() -> None:
    check_version(PINNED_VERSION)
