"""Text analysis shared by documents and queries (see ``analyzer.py``).

Whoosh pickles the schema into every index with its analyzer classes named by import path, and
indexes written before this package existed name them ``jobboard.search.analysis.BilingualTokenizer``
and ``jobboard.search.analysis.LatinStemFilter``: they stay importable here so those indexes open
(tests/search/test_index_compat.py opens one).
"""

from jobboard.search.analysis.analyzer import BilingualTokenizer, LatinStemFilter

__all__ = ["BilingualTokenizer", "LatinStemFilter"]
