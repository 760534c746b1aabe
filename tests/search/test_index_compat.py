"""An index written before the search package was split into wings still opens and answers.

Whoosh pickles the schema, analyzer classes named by import path, into every index. The fixture
``fixtures/index_before_split`` was written by the code of main before the split, where they were
``jobboard.search.analysis.BilingualTokenizer`` and ``LatinStemFilter``; a deployed index holds the
same names, and must not need a rebuild (nor fail to open) after an upgrade.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from whoosh import index as whoosh_index

from jobboard.search.analysis.analyzer import BilingualTokenizer, LatinStemFilter, index_terms
from jobboard.search.index.layout import GenerationMeta, IndexLayout
from jobboard.search.query.job_search import JobSearch, SearchQuery

FIXTURE = Path(__file__).parent / "fixtures" / "index_before_split"


def test_its_pickled_analyzer_is_todays(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path / "index")
    ix = whoosh_index.open_dir(str(tmp_path / "index"))
    try:
        analyzer = ix.schema["title"].analyzer
        assert [type(item) for item in analyzer.items] == [BilingualTokenizer, LatinStemFilter]
        assert [token.text for token in analyzer("光纤激光器 Lasers")] == index_terms("光纤激光器 Lasers")
    finally:
        ix.close()


def test_a_search_answers_from_it(tmp_path: Path) -> None:
    layout = IndexLayout(tmp_path / "index")
    generation = layout.new_generation()
    shutil.copytree(FIXTURE, generation.path, dirs_exist_ok=True)
    generation.write_meta(GenerationMeta("written-before-the-split", documents=1))
    with layout.writer_lock():
        layout.swap(generation)
    search = JobSearch(layout.root)
    try:
        assert search.search(SearchQuery(text="激光器")).job_ids == [1]
        assert search.search(SearchQuery(text="laser engineer")).job_ids == [1]
    finally:
        search.close()
