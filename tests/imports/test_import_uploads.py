"""Uploads waiting for confirmation: kept per staff member under a random name, never by a client's path."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from jobboard.core.errors import NotFound
from jobboard.imports.uploads import KEEP_SECONDS, PendingImports


def test_an_upload_is_found_only_by_its_owner_and_token(tmp_path: Path) -> None:
    store = PendingImports(tmp_path)
    token = store.keep(7, "jobs.csv", b"a,b\n")
    assert store.path(7, token).read_bytes() == b"a,b\n"
    assert store.path(7, token).is_relative_to(tmp_path / "imports" / "7")
    for user, forged in ((8, token), (7, "../" + token), (7, "x" * 32), (7, "")):
        with pytest.raises(NotFound):
            store.path(user, forged)
    store.discard(7, token)
    with pytest.raises(NotFound):
        store.path(7, token)


def test_unconfirmed_uploads_expire_after_a_day(tmp_path: Path) -> None:
    store = PendingImports(tmp_path)
    old = store.keep(7, "old.csv", b"1")
    folder = store.path(7, old).parent
    past = time.time() - KEEP_SECONDS - 60
    os.utime(folder, (past, past))
    with pytest.raises(NotFound):
        store.path(7, old)
    fresh = store.keep(7, "new.csv", b"2")  # each new upload sweeps the old ones away
    assert not folder.exists() and store.path(7, fresh).name == "new.csv"
