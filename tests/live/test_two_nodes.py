"""Two nodes, each with its own index folder, follow one database's outbox."""

from __future__ import annotations

import time
from pathlib import Path

import httpx

from tests.live.board import LiveVisitor, create_staff, engine_for, import_jobs, job_rows, pending_job
from tests.live.nodes import BoardNode

TITLE = "量子级联激光器封装工程师"


def _found(node: BoardNode, job_id: int) -> bool:
    """On the API and on the search page (whose rendered results each worker keeps while its index
    has not changed): both must agree."""
    response = httpx.get(f"{node.url}/api/jobs", params={"q": TITLE}, timeout=5)
    assert response.status_code == 200, response.text
    on_api = job_id in [item["id"] for item in response.json()["items"]]
    page = httpx.get(f"{node.url}/jobs", params={"q": TITLE}, timeout=5)
    assert page.status_code == 200
    on_page = f'href="/jobs/{job_id}"' in page.text
    return on_api and on_page


def test_a_job_published_through_node_a_is_searchable_on_node_b_within_2_seconds(
    tmp_path: Path, live_database_url: str, redis_url: str | None
) -> None:
    with engine_for(live_database_url) as engine:
        import_jobs(engine, job_rows(30))
        staff_email = create_staff(engine)
        job_id = pending_job(engine, TITLE)
    uploads = tmp_path / "shared-uploads"  # the nodes share resumes, as on NFS
    node_a = BoardNode("a", tmp_path, live_database_url, upload_dir=uploads, redis_url=redis_url)
    node_b = BoardNode("b", tmp_path, live_database_url, upload_dir=uploads, redis_url=redis_url)
    with node_a, node_b:
        node_a.wait_for("/readyz", 60)  # each node built its own index from the database
        node_b.wait_for("/readyz", 60)
        assert node_a.index_dir != node_b.index_dir
        assert not _found(node_a, job_id) and not _found(node_b, job_id)

        staff = LiveVisitor(node_a.url)
        assert staff.login(staff_email).is_redirect
        assert staff.post(f"/staff/jobs/{job_id}/approve").is_redirect
        published = time.monotonic()
        while not _found(node_b, job_id):
            assert time.monotonic() - published < 2.0, "node B did not find the job within 2 seconds"
            time.sleep(0.05)
        seen_after = time.monotonic() - published
        staff.close()

        # One writer per node: exactly one worker of each holds its node's lock, and it is a live worker.
        for node in (node_a, node_b):
            assert node.writer_pid() in node.worker_pids()
    print(f"node B found the job {seen_after:.2f} s after node A published it")
