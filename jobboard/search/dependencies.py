"""What search handlers may ask for by name (provided by ``jobboard/plugin.py``)."""

from __future__ import annotations

from litestar.di import NamedDependency

from jobboard.search.query.job_search import JobSearch
from jobboard.search.stats import SearchTally

SearchIndex = NamedDependency[JobSearch]  # the process's one searcher of the job index
SearchCounts = NamedDependency[SearchTally]  # what was searched, counted in memory and written every 5 s
