"""The analysis shared by postings and queries, and the committed resources it reads."""

from __future__ import annotations

import pickle

from jobboard.search.analysis.analyzer import bilingual_analyzer, index_terms, normalize, query_words
from jobboard.search.analysis.glossary import load_glossary
from jobboard.search.analysis.resources import DOMAIN_DICTIONARY, content_lines


def test_search_mode_sub_words_are_indexed() -> None:
    terms = index_terms("光纤激光器研发工程师")
    assert {"光纤激光器", "光纤", "激光器", "激光", "研发", "工程师"} <= set(terms)


def test_a_domain_word_does_not_swallow_its_neighbours() -> None:
    # 超快激光 is a dictionary word; 激光器 must still be found in 超快激光器.
    assert {"超快激光", "激光器", "激光"} <= set(index_terms("超快激光器的研发"))


def test_traditional_and_full_width_text_is_normalized() -> None:
    assert normalize("光學設計 ＣＭＯＳ") == "光学设计 cmos"
    assert "光学" in index_terms("光學設計工程師")


def test_english_is_stemmed_but_acronyms_are_kept() -> None:
    terms = index_terms("Lasers, optical sensors; CMOS and MEMS R&D in C++")
    assert {"laser", "optic", "sensor", "cmos", "mems", "r&d", "c++"} <= set(terms)
    assert "and" not in terms


def test_queries_are_cut_into_dictionary_words() -> None:
    assert [w.term for w in query_words("激光工程师")] == ["激光", "工程师"]
    assert [w.term for w in query_words("Laser ENGINEERS")] == ["laser", "engin"]
    assert query_words("AND OR NOT *") == []


def test_analyzer_survives_pickling() -> None:
    # Whoosh pickles the schema, analyzers included, into the index.
    analyzer = pickle.loads(pickle.dumps(bilingual_analyzer()))
    assert "激光" in [token.text for token in analyzer("激光器")]


def test_resources_are_substantial() -> None:
    assert len(content_lines(DOMAIN_DICTIONARY)) >= 300
    assert len(load_glossary()) >= 300


def test_glossary_expands_across_languages_and_wordings() -> None:
    glossary = load_glossary()

    def synonyms(text: str) -> set[str]:
        return {variant.text for match in glossary.matches(query_words(text)) for variant in match.synonyms}

    assert {"激光", "镭射"} <= synonyms("laser")
    assert {"光模块", "optical transceiver"} <= synonyms("光收发模块")
    assert {"图像传感器", "image sensor", "CIS"} <= synonyms("影像传感器")
    assert "激光雷达" in synonyms("LiDAR")
    assert "现场应用工程师" in synonyms("FAE")
    assert {"HR", "人事"} <= synonyms("人力资源")
    assert "激光" in synonyms("雷射")
    # One-way entries: Taiwanese 遥测 (remote sensing) finds 遥感, mainland 遥感 doesn't find telemetry.
    assert "遥感" in synonyms("遥测")
    assert "遥测" not in synonyms("遥感")
