"""The numpy scorer gives Whoosh's own BM25F answers: same documents, same scores."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from jobboard.search.index.indexer import JobIndexer
from jobboard.search.query.job_search import WEIGHTING, JobSearch, SearchQuery
from jobboard.search.query.querying import plan_query, to_whoosh
from tests.search.board import add_company, add_job, update_job

TITLES = [
    ("光纤激光器研发工程师", "", "负责光纤激光器的光路设计。", "熟悉激光器原理"),
    (
        "Laser Engineer",
        "Laser Engineer",
        "Build ultrafast laser sources and optical benches.",
        "MSc in optics",
    ),
    ("光学设计工程师", "Optical Design Engineer", "负责成像镜头的光学设计与公差分析。", "熟练使用Zemax"),
    ("CMOS图像传感器像素工程师", "", "负责图像传感器像素设计。", "微电子相关专业"),
    ("光模块测试工程师", "Optical Module Test Engineer", "负责光收发模块的测试。", "熟悉误码仪"),
    ("销售经理", "Sales Manager", "负责激光设备的销售，维护客户。", "有光电行业经验"),
    ("嵌入式软件工程师", "Embedded Software Engineer", "负责车载嵌入式软件开发。", "熟悉C语言"),
    ("卫星遥感数据处理工程师", "", "负责遥感影像处理与定标。", "遥感或测绘专业"),
    (
        "Optical Engineer - Interferometry",
        "",
        "Design interferometers and optical test systems.",
        "PhD optics",
    ),
    ("激光雷达系统工程师", "LiDAR System Engineer", "负责激光雷达系统设计。", "熟悉光学与电子"),
    ("芯片设计工程师", "Chip Design Engineer", "负责硅光芯片的版图设计。", "熟悉芯片流片"),
]
QUERIES = [
    "激光",
    "laser engineer",
    "光学设计",
    "影像传感器",
    "optical engineer",
    "光收发模块",
    "销售",
    "embedded software",
    "卫星遥感 数据处理",
    "LiDAR",
    "opitcal enginer",
    "雷射",
    "FAE 光模块",
    "C",
    "光",
    "芯",
    "光 工程师",
]


@pytest.fixture
def board(engine: Engine, indexer: JobIndexer) -> None:
    company = add_company(engine, "长春光华激光科技有限公司")
    jobs = []
    for round_number in range(3):
        for title, title_en, description, requirements in TITLES:
            jobs.append(
                add_job(
                    engine,
                    company,
                    title,
                    title_en=title_en,
                    description=f"{description} 第{round_number}批。",
                    requirements=requirements,
                )
            )
    indexer.drain()
    update_job(engine, jobs[0].id, title="光纤激光器工艺工程师")  # a deletion in an older segment
    indexer.drain()


@pytest.mark.parametrize("text", QUERIES)
def test_scores_equal_whooshs(search: JobSearch, board: None, text: str) -> None:
    search.search(SearchQuery(text="x"))  # open the searcher
    searcher = search._searcher
    assert searcher is not None
    plan = plan_query(text, searcher.reader())
    assert plan.query is not None
    arrays = search._arrays(searcher)
    matched = 0
    for node in (plan.query, plan.fallback(arrays.share)):  # the fallback: postings matching some words
        if node is None:
            continue
        ours = arrays.score(node)
        ours[~arrays.live] = 0
        theirs = {hit.docnum: hit.score for hit in searcher.search(to_whoosh(node), limit=None)}
        assert set(int(doc) for doc in ours.nonzero()[0]) == set(theirs)
        for docnum, score in theirs.items():
            assert ours[docnum] == pytest.approx(score, rel=1e-6)
        matched += len(theirs)
    assert matched  # every query of the list matches something: an empty answer proves nothing
    assert WEIGHTING is searcher.weighting
