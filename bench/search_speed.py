"""Speed benchmark of job search: the search service against SQLite FTS5 on the same postings.

    .venv/bin/python bench/search_speed.py                 # 10,000 and 100,000 postings (long)
    .venv/bin/python bench/search_speed.py --sizes 2000    # a quick run

For each size: generates seeded, realistic bilingual postings, loads them into an empty board,
times a full rebuild of the index (postings/s), then runs a fixed mix of 50 queries (page 1 with
facets, highlights and filters, and deeper pages) through the search service without its cache,
and the same queries through SQLite FTS5 built over the same rjieba-segmented text (``porter
unicode61``, bm25 with the title weighted). Prints p50/p95 of both and the ratio of medians query
by query (median of ``--repeat`` runs after a first, cold run whose p50/p95 is printed too), then
p50/p95 of the cached service under a Zipf-distributed stream of the same queries. FTS5 answers the
page only (no facets, highlights or synonyms) and finds nothing for many expanded queries (typos,
synonyms, Traditional), where its time is that of an empty answer.

``search_service`` and ``cached_stream`` are the functions to point at ``GET /api/jobs`` later.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, insert
from sqlmodel import SQLModel

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

import jobboard.models  # noqa: E402,F401  (registers every table)
from jobboard.companies.models import Company  # noqa: E402
from jobboard.core.db import create_db_engine, open_session  # noqa: E402
from jobboard.jobs.models import Job  # noqa: E402
from jobboard.search.analysis.analyzer import normalize  # noqa: E402
from jobboard.search.index.indexer import JobIndexer  # noqa: E402
from jobboard.search.query.job_search import JobSearch, SearchQuery  # noqa: E402

# Postings: (segment, Chinese title, English title, Chinese duties, English duties, skills)

ROLES: dict[str, list[tuple[str, str]]] = {
    "optics": [
        ("光学设计工程师", "Optical Design Engineer"),
        ("光学工艺工程师", "Optical Process Engineer"),
        ("镜头装调技术员", "Lens Assembly Technician"),
        ("镀膜工程师", "Optical Coating Engineer"),
        ("光机结构工程师", "Optomechanical Engineer"),
        ("激光器研发工程师", "Laser R&D Engineer"),
        ("光纤激光器工艺工程师", "Fiber Laser Process Engineer"),
        ("红外热像仪算法工程师", "Thermal Imaging Engineer"),
        ("激光雷达系统工程师", "LiDAR System Engineer"),
        ("光谱仪研发工程师", "Spectrometer R&D Engineer"),
    ],
    "chips": [
        ("数字IC设计工程师", "Digital IC Design Engineer"),
        ("模拟IC设计工程师", "Analog IC Design Engineer"),
        ("版图设计工程师", "Layout Engineer"),
        ("芯片验证工程师", "Verification Engineer"),
        ("图像传感器像素工程师", "CIS Pixel Engineer"),
        ("封装工艺工程师", "Packaging Process Engineer"),
        ("晶圆测试工程师", "Wafer Test Engineer"),
        ("外延工艺工程师", "Epitaxy Process Engineer"),
        ("MEMS工艺工程师", "MEMS Process Engineer"),
        ("FPGA工程师", "FPGA Engineer"),
    ],
    "satellites": [
        ("卫星总体设计师", "Satellite System Designer"),
        ("遥感数据处理工程师", "Remote Sensing Data Engineer"),
        ("星载软件工程师", "Onboard Software Engineer"),
        ("姿轨控工程师", "AOCS Engineer"),
        ("空间相机光学工程师", "Space Camera Optical Engineer"),
        ("测控软件工程师", "TT&C Software Engineer"),
        ("热控工程师", "Thermal Control Engineer"),
    ],
    "automotive": [
        ("智能驾驶感知算法工程师", "ADAS Perception Engineer"),
        ("车载摄像头工程师", "Automotive Camera Engineer"),
        ("毫米波雷达工程师", "Radar Engineer"),
        ("功能安全工程师", "Functional Safety Engineer"),
        ("嵌入式软件工程师", "Embedded Software Engineer"),
        ("车灯光学设计工程师", "Headlamp Optical Engineer"),
        ("HUD光学工程师", "HUD Optical Engineer"),
        ("域控制器硬件工程师", "Domain Controller Hardware Engineer"),
    ],
    "networks": [
        ("光模块研发工程师", "Optical Module R&D Engineer"),
        ("硅光芯片设计工程师", "Silicon Photonics Designer"),
        ("光通信测试工程师", "Optical Communication Test Engineer"),
        ("网络运维工程师", "Network O&M Engineer"),
        ("通信协议软件工程师", "Protocol Software Engineer"),
        ("数据中心网络工程师", "Data Center Network Engineer"),
    ],
    "other": [
        ("销售工程师", "Sales Engineer"),
        ("销售经理", "Sales Manager"),
        ("现场应用工程师", "FAE"),
        ("产品经理", "Product Manager"),
        ("项目经理", "Project Manager"),
        ("采购工程师", "Purchasing Engineer"),
        ("质量工程师", "Quality Engineer"),
        ("人力资源专员", "HR Specialist"),
        ("财务会计", "Accountant"),
        ("行政助理", "Administrative Assistant"),
    ],
}
DUTIES_ZH = {
    "optics": [
        "负责成像镜头的光学设计与优化",
        "完成公差分析与装调方案",
        "参与激光器光路设计与调试",
        "负责镀膜工艺开发与良率提升",
        "搭建光学测试平台并分析MTF数据",
        "跟进样品试产并解决成像质量问题",
        "负责红外光学系统设计",
    ],
    "chips": [
        "负责数字电路RTL设计与综合",
        "完成模拟电路设计与仿真",
        "负责芯片版图设计与验证",
        "搭建UVM验证环境",
        "负责图像传感器像素结构设计",
        "跟进晶圆流片与测试",
        "分析良率与失效机理",
    ],
    "satellites": [
        "负责卫星总体方案设计",
        "完成遥感影像预处理与辐射定标",
        "负责星载软件开发与测试",
        "开展姿态控制算法设计",
        "参与空间相机研制与在轨测试",
        "负责测控地面站软件开发",
    ],
    "automotive": [
        "负责智能驾驶感知算法开发",
        "完成车载摄像头标定与测试",
        "负责毫米波雷达信号处理",
        "编写功能安全文档",
        "负责嵌入式软件开发与调试",
        "完成车灯光学设计与仿真",
        "负责域控制器硬件设计",
    ],
    "networks": [
        "负责高速光模块研发",
        "完成硅光芯片设计与仿真",
        "搭建光通信测试系统",
        "负责网络设备运维",
        "开发通信协议栈软件",
        "负责数据中心网络规划",
    ],
    "other": [
        "负责客户开发与维护",
        "完成销售目标",
        "提供现场技术支持",
        "负责产品规划与需求分析",
        "负责项目进度与质量管理",
        "负责供应商开发与采购",
        "负责质量体系维护",
        "负责招聘与员工关系",
        "负责财务核算",
        "负责行政事务",
    ],
}
DUTIES_EN = {
    "optics": [
        "design imaging lenses and optimize optical systems",
        "run tolerance analysis and alignment",
        "develop laser sources and optical paths",
        "develop thin film coating processes",
        "build optical test benches and analyze MTF",
    ],
    "chips": [
        "write RTL for digital blocks",
        "design analog circuits and run simulations",
        "draw and verify layout",
        "build UVM verification environments",
        "design CMOS image sensor pixels",
        "follow wafer tape-out",
    ],
    "satellites": [
        "design satellite systems",
        "process remote sensing imagery",
        "develop onboard software",
        "design attitude control algorithms",
        "support in-orbit testing of space cameras",
    ],
    "automotive": [
        "develop perception algorithms for autonomous driving",
        "calibrate automotive cameras",
        "process radar signals",
        "write functional safety documents",
        "develop embedded software",
    ],
    "networks": [
        "develop high-speed optical transceivers",
        "design silicon photonics chips",
        "build optical communication test systems",
        "operate network equipment",
    ],
    "other": [
        "develop and keep customers",
        "meet sales targets",
        "support customers on site",
        "plan products and gather requirements",
        "manage project schedules",
        "source suppliers",
    ],
}
SKILLS_ZH = [
    "本科及以上学历",
    "硕士及以上学历",
    "3年以上相关经验",
    "熟练使用Zemax",
    "熟悉Cadence",
    "熟悉C/C++编程",
    "熟悉Python",
    "熟悉MATLAB",
    "具备良好的沟通能力",
    "英语六级",
    "有量产经验者优先",
    "能适应出差",
]
SKILLS_EN = [
    "BSc or above",
    "MSc or PhD preferred",
    "3+ years of experience",
    "Zemax or Code V",
    "Cadence tools",
    "C/C++ programming",
    "Python scripting",
    "good communication skills",
    "fluent English",
]
CITIES = ["长春"] * 6 + ["北京", "上海", "深圳", "武汉", "西安", "成都", "苏州", "合肥", "长沙"]
COMPANY_STEMS = [
    "光华",
    "北湖",
    "长光",
    "天枢",
    "芯视",
    "星河",
    "驰远",
    "光迅",
    "联科",
    "晶瑞",
    "华芯",
    "远航",
    "精测",
    "锐光",
    "中科",
    "吉光",
    "博睿",
    "海光",
    "启明",
    "天仪",
]
COMPANY_KINDS = {
    "optics": "光电科技",
    "chips": "半导体",
    "satellites": "卫星技术",
    "automotive": "汽车电子",
    "networks": "通信技术",
    "other": "科技",
}
FOREIGN = [
    "Delft Photonics",
    "Jena Optik Systems",
    "Munich Laser Works",
    "Tokyo Sensor Labs",
    "Seoul Display Tech",
    "Boston Quantum Optics",
    "Eindhoven Chips",
    "Toulouse Space Systems",
]


def generate(size: int, seed: int = 7) -> tuple[list[dict], list[dict]]:
    """Companies and postings: about 3/4 Chinese (most with an English title), 1/4 English-only."""
    rng = random.Random(seed)
    segments = list(ROLES)
    companies: list[dict] = []
    for number in range(max(10, size // 150)):
        segment = rng.choice(segments)
        foreign = number % 8 == 7
        name = (
            f"{rng.choice(FOREIGN)} {number}"
            if foreign
            else (f"{rng.choice(CITIES)}{rng.choice(COMPANY_STEMS)}{COMPANY_KINDS[segment]}有限公司{number}")
        )
        companies.append(
            {
                "id": number + 1,
                "name_zh": name,
                "name_en": name if foreign else "",
                "segment": segment,
                "foreign": foreign,
            }
        )
    start = datetime.now(UTC) - timedelta(days=60)
    jobs: list[dict] = []
    for number in range(size):
        company = rng.choice(companies)
        segment = company["segment"] if rng.random() < 0.8 else rng.choice(segments)
        title_zh, title_en = rng.choice(ROLES[segment])
        low = rng.choice([None, 6000, 8000, 10000, 12000, 15000, 20000, 25000, 30000])
        if company["foreign"]:
            title, english = title_en, title_en
            description = "; ".join(rng.sample(DUTIES_EN[segment], k=min(3, len(DUTIES_EN[segment])))) + "."
            requirements = "; ".join(rng.sample(SKILLS_EN, k=4)) + "."
        else:
            title, english = title_zh, (title_en if rng.random() < 0.7 else "")
            description = "；".join(rng.sample(DUTIES_ZH[segment], k=min(4, len(DUTIES_ZH[segment])))) + "。"
            description += rng.choice(["", "参与新产品导入与技术攻关。", "编写技术文档并培训生产人员。"])
            requirements = "；".join(rng.sample(SKILLS_ZH, k=5)) + "。"
        jobs.append(
            {
                "company_id": company["id"],
                "title": title,
                "title_en": english,
                "description": description,
                "requirements": requirements,
                "city": rng.choice(CITIES),
                "education": rng.choice(["any", "associate", "bachelor", "bachelor", "master", "phd"]),
                "job_type": rng.choice(["full_time"] * 6 + ["internship", "campus"]),
                "experience": "any",
                "majors": "",
                "salary_min": low,
                "salary_max": low * 2 if low else None,
                "salary_months": 12,
                "headcount": rng.randint(1, 5),
                "contact_email": "",
                "status": "published",
                "status_reason": "",
                "external_id": f"S-{number:06d}",
                "created_at": start,
                "updated_at": start,
                "published_at": start + timedelta(seconds=number * 30),
            }
        )
    return companies, jobs


def load_board(engine: Engine, companies: list[dict], jobs: list[dict]) -> None:
    with open_session(engine) as session:
        session.execute(
            insert(Company),
            [
                {
                    "id": c["id"],
                    "name_zh": c["name_zh"],
                    "name_en": c["name_en"],
                    "segment": c["segment"],
                    "status": "approved",
                    "city": "长春",
                    "created_at": datetime.now(UTC),
                }
                for c in companies
            ],
        )
        for start in range(0, len(jobs), 5000):
            session.execute(insert(Job), jobs[start : start + 5000])
        session.commit()


# The query mix: 50 queries, (text, filters)

QUERIES: list[tuple[str, dict]] = [
    ("激光", {}),
    ("光学设计", {}),
    ("嵌入式", {}),
    ("光纤", {}),
    ("镜头", {}),
    ("销售", {}),
    ("采购", {}),
    ("芯片", {}),
    ("图像传感器", {}),
    ("卫星", {}),
    ("遥感", {}),
    ("算法工程师", {}),
    ("测试工程师", {}),
    ("激光雷达", {}),
    ("光模块", {}),
    ("激光器 研发", {}),
    ("图像传感器 芯片设计", {}),
    ("卫星遥感 数据处理", {}),
    ("智能驾驶 感知算法", {}),
    ("laser", {}),
    ("optical engineer", {}),
    ("embedded software engineer", {}),
    ("product manager", {}),
    ("image sensor", {}),
    ("satellite", {}),
    ("FPGA", {}),
    ("lidar", {}),
    ("verification engineer", {}),
    ("FPGA 工程师", {}),
    ("CMOS 设计", {}),
    ("HUD 光学", {}),
    ("光收发模块", {}),
    ("影像传感器", {}),
    ("人力资源", {}),
    ("自动驾驶", {}),
    ("opitcal enginer", {}),
    ("fiber lazer", {}),
    ("光學設計", {}),
    ("雷射", {}),
    ("衛星遙測", {}),
    ("工程师", {"city": "长春"}),
    ("laser", {"salary_min": 20000}),
    ("光学", {"education": "master"}),
    ("", {}),
    ("", {"city": "武汉"}),
    ("激光", {"sort": "newest"}),
    ("工程师", {"sort": "salary"}),
    ("工程师", {"page": 5}),
    ("激光", {"page": 3}),
    ("engineer", {"page": 10}),
]


def search_service(search: JobSearch, text: str, filters: dict, cached: bool) -> int:
    return len(search.search(SearchQuery(text=text, **filters), use_cache=cached).job_ids)


# FTS5 over the same segmented text


def segmented(text: str) -> str:
    import rjieba

    return " ".join(token for token in rjieba.cut_for_search(normalize(text)) if token.strip())


def build_fts(path: Path, jobs: list[dict], companies: list[dict]) -> sqlite3.Connection:
    names = {c["id"]: f"{c['name_zh']} {c['name_en']}" for c in companies}
    connection = sqlite3.connect(path)
    connection.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(title, requirements, description, company, city UNINDEXED, "
        "education UNINDEXED, salary_max UNINDEXED, published_at UNINDEXED, tokenize='porter unicode61')"
    )
    connection.executemany(
        "INSERT INTO fts(rowid, title, requirements, description, company, city, education, salary_max, "
        "published_at) VALUES (?,?,?,?,?,?,?,?,?)",
        (
            (
                n + 1,
                segmented(f"{j['title']} {j['title_en']}"),
                segmented(j["requirements"]),
                segmented(j["description"]),
                segmented(names[j["company_id"]]),
                j["city"],
                j["education"],
                j["salary_max"] or 0,
                j["published_at"].timestamp(),
            )
            for n, j in enumerate(jobs)
        ),
    )
    connection.commit()
    return connection


def fts_search(connection: sqlite3.Connection, text: str, filters: dict) -> int:
    tokens = [f'"{token}"' for token in segmented(text).split() if token.replace('"', "")]
    where, params = [], []
    for name in ("city", "education"):
        if name in filters:
            where.append(f"{name} = ?")
            params.append(filters[name])
    if "salary_min" in filters:
        where.append("salary_max >= ?")
        params.append(filters["salary_min"])
    if tokens:
        where.insert(0, "fts MATCH ?")
        params.insert(0, " AND ".join(tokens))
    order = {"newest": "published_at DESC", "salary": "salary_max DESC"}.get(
        filters.get("sort", ""), "bm25(fts, 10.0, 2.0, 1.0, 1.0)" if tokens else "published_at DESC"
    )
    page = filters.get("page", 1)
    sql = (
        f"SELECT rowid FROM fts {'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY {order} "
        f"LIMIT 20 OFFSET {(page - 1) * 20}"
    )
    return len(connection.execute(sql, params).fetchall())


# Timing


@dataclass
class Timing:
    label: str
    service_ms: float
    fts_ms: float


def median_ms(run: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def cached_stream(search: JobSearch, length: int, seed: int = 11) -> list[float]:
    """The service with its cache, under a Zipf-like stream of the query mix (popular queries repeat)."""
    rng = random.Random(seed)
    weights = [1 / (rank + 1) ** 1.1 for rank in range(len(QUERIES))]
    samples = []
    for text, filters in rng.choices(QUERIES, weights=weights, k=length):
        started = time.perf_counter()
        search_service(search, text, filters, cached=True)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def run_size(size: int, repeat: int, procs: int, show_queries: bool) -> None:
    print(f"\n=== {size:,} postings ===")
    companies, jobs = generate(size)
    with tempfile.TemporaryDirectory(prefix="search-speed-") as folder:
        engine = create_db_engine(f"sqlite:///{folder}/board.sqlite3")
        SQLModel.metadata.create_all(engine)
        started = time.perf_counter()
        load_board(engine, companies, jobs)
        print(f"database loaded in {time.perf_counter() - started:.1f} s")

        indexer = JobIndexer(Path(folder) / "index", engine, procs=procs)
        started = time.perf_counter()
        indexed = indexer.rebuild()
        build = time.perf_counter() - started
        print(
            f"index rebuild: {indexed:,} postings in {build:.1f} s = {indexed / build:,.0f} postings/s"
            f" (procs={procs})"
        )

        started = time.perf_counter()
        connection = build_fts(Path(folder) / "fts.sqlite3", jobs, companies)
        fts_build = time.perf_counter() - started
        print(f"FTS5 build (segmentation included): {fts_build:.1f} s = {size / fts_build:,.0f} postings/s")

        search = JobSearch(Path(folder) / "index", engine)
        cold = []  # first run of each query: the searcher's postings and columns not read yet
        for text, filters in QUERIES:
            cold.append(median_ms(lambda t=text, f=filters: search_service(search, t, f, cached=False), 1))
            fts_search(connection, text, filters)
        timings = [
            Timing(
                f"{text or '(all)'} {filters or ''}".strip(),
                median_ms(lambda t=text, f=filters: search_service(search, t, f, cached=False), repeat),
                median_ms(lambda t=text, f=filters: fts_search(connection, t, f), repeat),
            )
            for text, filters in QUERIES
        ]
        if show_queries:
            print(f"{'query':<40}{'service ms':>11}{'FTS5 ms':>9}{'ratio':>7}")
            for timing in timings:
                print(
                    f"{timing.label:<40}{timing.service_ms:>11.1f}{timing.fts_ms:>9.2f}"
                    f"{timing.service_ms / max(timing.fts_ms, 0.01):>7.1f}"
                )
        service = [t.service_ms for t in timings]
        fts = [t.fts_ms for t in timings]
        ratios = [t.service_ms / max(t.fts_ms, 0.01) for t in timings]
        print(
            f"service uncached (page, facets, highlights): p50 {percentile(service, 0.5):.1f} ms, "
            f"p95 {percentile(service, 0.95):.1f} ms"
        )
        print(
            f"FTS5 (page only):                           p50 {percentile(fts, 0.5):.2f} ms, "
            f"p95 {percentile(fts, 0.95):.2f} ms"
        )
        print(
            f"ratio of medians: {percentile(service, 0.5) / max(percentile(fts, 0.5), 0.01):.1f}x overall; "
            f"per query p50 {percentile(ratios, 0.5):.1f}x, p95 {percentile(ratios, 0.95):.1f}x"
        )
        print(
            f"service cold (first run of each query after opening the index): p50 "
            f"{percentile(cold, 0.5):.1f} ms, p95 {percentile(cold, 0.95):.1f} ms"
        )
        stream = cached_stream(search, 2000)
        print(
            f"service with cache, Zipf stream of 2,000: p50 {percentile(stream, 0.5):.2f} ms, "
            f"p95 {percentile(stream, 0.95):.2f} ms"
        )
        search.close()
        connection.close()
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated posting counts")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query; the median counts")
    parser.add_argument("--procs", type=int, default=1, help="indexing processes for the rebuild")
    parser.add_argument("--quiet", action="store_true", help="no per-query table")
    args = parser.parse_args()
    for size in (int(value) for value in args.sizes.split(",") if value.strip()):
        run_size(size, args.repeat, args.procs, not args.quiet)


if __name__ == "__main__":
    main()
