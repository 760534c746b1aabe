"""Small pages on a crowded hall network: every asset self-hosted, the first load under 100 KB compressed."""

from __future__ import annotations

import gzip
import re

import pytest

from tests.pages.conftest import Board

FIRST_LOAD_BUDGET = 100_000  # bytes of HTML, CSS and JS together, gzip-compressed
ASSET = re.compile(r'<(?:link|script|img|source|iframe)\b[^>]*?\b(?:href|src)="([^"]+)"', re.I)


def first_load(board: Board, path: str) -> dict[str, int]:
    """{url: compressed bytes} for a page and the stylesheets and scripts it loads."""
    page = board.anonymous.get(path)
    assert page.status_code == 200
    sizes = {path: len(gzip.compress(page.content, 6))}
    stylesheets = re.findall(r'<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"', page.text)
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', page.text)
    for url in [*stylesheets, *scripts]:
        asset = board.anonymous.get(url)
        assert asset.status_code == 200, url
        sizes[url] = len(gzip.compress(asset.content, 6))
    return sizes


@pytest.mark.parametrize("page", ["/", "/jobs?q=激光", "job", "company", "/login", "/register/employer"])
def test_first_load_is_under_100_kb_compressed(board: Board, page: str) -> None:
    path = {"job": f"/jobs/{board.job_id}", "company": f"/companies/{board.company_id}"}.get(page, page)
    sizes = first_load(board, path)
    total = sum(sizes.values())
    print(f"{path}: {total} bytes compressed ({', '.join(f'{url} {size}' for url, size in sizes.items())})")
    assert total < FIRST_LOAD_BUDGET, sizes


@pytest.mark.parametrize("page", ["/", "job", "/login"])
def test_every_asset_is_self_hosted(board: Board, page: str) -> None:
    path = {"job": f"/jobs/{board.job_id}"}.get(page, page)
    html = board.anonymous.get(path).text
    for url in ASSET.findall(html):
        if url.startswith("http://testserver.local/"):  # rel=alternate/canonical: absolute, but ours
            continue
        assert url.startswith("/") and not url.startswith("//"), f"{url} is not served by the board itself"
    assert "@import" not in board.anonymous.get("/static/css/app.css").text
    assert "url(http" not in board.anonymous.get("/static/css/app.css").text
