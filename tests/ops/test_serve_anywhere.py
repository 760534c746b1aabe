"""``jobboard serve --port P`` answers on that port without a base URL (issue 17, item 1): the host and port
it binds are allowed hosts, beside localhost and loopback; an unknown Host header still gets 400."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.live.nodes import BoardNode


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_on_a_random_port_without_a_base_url(tmp_path: Path, workers: int) -> None:
    node = BoardNode("anywhere", tmp_path, f"sqlite:///{tmp_path / 'board.sqlite3'}", workers=workers)
    del node.env["JOBBOARD_BASE_URL"]
    assert node.command("migrate").returncode == 0
    with node:
        for host in (f"127.0.0.1:{node.port}", f"localhost:{node.port}"):
            answer = httpx.get(f"{node.url}/jobs", headers={"Host": host}, timeout=30)
            assert answer.status_code == 200, (host, answer.text[:200])
        stranger = httpx.get(f"{node.url}/jobs", headers={"Host": f"evil.example.cn:{node.port}"}, timeout=30)
        assert stranger.status_code == 400
