"""Relevance, measured: realistic queries against the sample content must find the
expected document in the top 3 (hit@3 >= 0.9); mean reciprocal rank is printed."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator import load_config, pipeline
from generator.audience import published
from search import indexer
from search.query import SearchIndex

from .conftest import ROOT, TODAY

CASES = yaml.safe_load((Path(__file__).parent / "search_relevance.yml").read_text(encoding="utf-8"))


def evaluate(index: SearchIndex, cases: list[dict]) -> tuple[float, float, list[tuple]]:
    """(hit@3, mean reciprocal rank over the top 10, misses as (query, expected, got))."""
    hits, reciprocal, misses = 0, 0.0, []
    for case in cases:
        ids = [hit.id for hit in index.search(case["query"], limit=10).results]
        rank = ids.index(case["expect"]) + 1 if case["expect"] in ids else None
        hits += bool(rank and rank <= 3)
        reciprocal += 1 / rank if rank else 0.0
        if not rank or rank > 3:
            misses.append((case["query"], case["expect"], ids[:3]))
    return hits / len(cases), reciprocal / len(cases), misses


@pytest.fixture(scope="module")
def sample_index(tmp_path_factory):
    config = load_config(ROOT / "site_config.yml")
    site = pipeline.check(config, TODAY)
    out = tmp_path_factory.mktemp("relevance")
    docs = indexer.indexed_documents(published(site, CASES["audience"]), drafts=False)
    indexer.write_index(site, docs, out / indexer.INDEX_DIR)
    with SearchIndex.for_site(config, out) as index:
        yield index


def test_relevance_set_is_big_enough_and_points_at_real_documents(sample_index):
    assert len(CASES["queries"]) >= 25
    searchable = set(sample_index.searcher.lexicon("id"))
    missing = [c["expect"] for c in CASES["queries"] if c["expect"].encode() not in searchable]
    assert not missing, f"expected documents that are not indexed: {missing}"


def test_top3_hit_rate_and_mrr(sample_index, capsys):
    hit_rate, mrr, misses = evaluate(sample_index, CASES["queries"])
    with capsys.disabled():
        print(f"\nsearch relevance: hit@3 = {hit_rate:.2f}, MRR = {mrr:.2f} "
              f"over {len(CASES['queries'])} queries")
        for query, expected, got in misses:
            print(f"  miss: {query!r} expected {expected}, top 3 {got}")
    assert hit_rate >= 0.9
