"""The fair-opening mix: 70 % searches (Zipf over real queries), 20 % job pages, 10 % applications."""

from __future__ import annotations

import itertools
import json
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

RELEVANCE_QUERIES = Path(__file__).resolve().parents[3] / "shared" / "data" / "relevance" / "queries.json"
EXTRA_QUERIES = (
    "激光",
    "光学",
    "工程师",
    "芯片",
    "FPGA",
    "嵌入式",
    "算法",
    "销售",
    "实习",
    "硬件",
    "软件",
    "测试",
    "光电",
    "卫星",
    "射频",
    "光纤",
    "图像处理",
    "结构设计",
    "工艺",
    "质量",
    "engineer",
    "laser",
    "optical",
    "sales",
    "长春",
    "研发",
    "应届",
    "硕士",
    "博士",
    "自动驾驶",
    "激光雷达",
    "光模块",
    "半导体",
    "封装",
    "PCB",
    "C++",
    "Python",
    "机器视觉",
    "红外",
    "镀膜",
)
ZIPF_EXPONENT = 1.07  # web-search-like: the top query about 10 % of searches, a long tail after it
SEARCH_SHARE, JOB_PAGE_SHARE = 0.70, 0.20


def vocabulary(titles: list[str], seed: int = 1) -> list[str]:
    """Queries in popularity order: short common words first, then real queries and job titles."""
    queries = list(EXTRA_QUERIES)
    if RELEVANCE_QUERIES.exists():
        queries += [entry["query"] for entry in json.loads(RELEVANCE_QUERIES.read_text())]
    queries += [title for title, _ in Counter(titles).most_common(300)]
    unique = list(dict.fromkeys(queries))
    rng = random.Random(seed)
    head, tail = unique[:20], unique[20:]
    rng.shuffle(tail)
    return head + tail


def zipf_cumulative(count: int, exponent: float) -> list[float]:
    return list(itertools.accumulate(1.0 / rank**exponent for rank in range(1, count + 1)))


@dataclass
class Mix:
    queries: list[str]
    job_ids: list[int]
    only: str | None = None  # one kind of request alone, to measure what it costs

    def __post_init__(self) -> None:
        self._query_weights = zipf_cumulative(len(self.queries), ZIPF_EXPONENT)
        self._popular_jobs = list(self.job_ids)
        random.Random(3).shuffle(self._popular_jobs)
        self._job_weights = zipf_cumulative(len(self._popular_jobs), 0.8)  # some jobs are everyone's

    def kind(self, rng: random.Random) -> str:
        if self.only:
            return self.only
        draw = rng.random()
        return "search" if draw < SEARCH_SHARE else "job" if draw < SEARCH_SHARE + JOB_PAGE_SHARE else "apply"

    @staticmethod
    def search_path_for(query: str) -> str:
        return "/jobs?" + urlencode({"q": query})

    def search_path(self, rng: random.Random) -> str:
        params = {"q": rng.choices(self.queries, cum_weights=self._query_weights)[0]}
        extra = rng.random()
        if extra < 0.10:
            params["city"] = "长春"
        elif extra < 0.15:
            params["segment"] = rng.choice(["chips", "optics", "satellites", "automotive", "networks"])
        elif extra < 0.25:
            params["page"] = "2"
        return "/jobs?" + urlencode(params)

    def job_path(self, rng: random.Random) -> str:
        return f"/jobs/{rng.choices(self._popular_jobs, cum_weights=self._job_weights)[0]}"
