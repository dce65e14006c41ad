"""Relevance, measured with each engine: questions people actually type, over the
sample content and over a second corpus written in another style
(tests/sites/relevance/: long policies, incident runbooks, FAQ pages). The
expected document must come in the top 3 for >= 90% of them (hit@3); MRR and
nDCG@5 are printed. Never tune the ranking to one query: fix analyzers, weights
or the default synonyms instead."""
from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml

from generator import load_config, pipeline
from generator.audience import published, visible_teams
from generator.lookups import team_work
from search import stage
from search.backend import ENGINES
from search.entries import indexed_documents
from search.query import SearchIndex

from .conftest import ROOT, TODAY

HERE = Path(__file__).parent
CASES = yaml.safe_load((HERE / "search_relevance.yml").read_text(encoding="utf-8"))
CORPORA = {"sample": ROOT / "site_config.yml",
           "runbooks": HERE / "sites" / "relevance" / "site_config.yml"}


def evaluate(index: SearchIndex, cases: list[dict]) -> dict:
    """hit@3, mean reciprocal rank (top 10), nDCG@5 (one relevant document), misses."""
    hits, reciprocal, gain, misses = 0, 0.0, 0.0, []
    for case in cases:
        ids = [hit.id for hit in index.search(case["query"], limit=10).results]
        rank = ids.index(case["expect"]) + 1 if case["expect"] in ids else None
        hits += bool(rank and rank <= 3)
        reciprocal += 1 / rank if rank else 0.0
        gain += 1 / math.log2(rank + 1) if rank and rank <= 5 else 0.0
        if not rank or rank > 3:
            misses.append((case["query"], case["expect"], ids[:3]))
    count = len(cases)
    return {"hit@3": hits / count, "MRR": reciprocal / count, "nDCG@5": gain / count,
            "misses": misses, "count": count}


def open_corpus(name: str, engine: str, out: Path) -> SearchIndex:
    config = load_config(CORPORA[name])
    config.search.engine = engine
    site = pipeline.check(config, TODAY)
    assert not site.diagnostics.has_errors(), site.diagnostics
    docs = indexed_documents(published(site, CASES["audience"]), drafts=False)
    teams = team_work(visible_teams(site.teams, CASES["audience"]), docs)   # the build's team pages
    stage.write_index(site, docs, out, engine, teams={i: work.team for i, work in teams.items()})
    return SearchIndex.for_site(config, out)


@pytest.fixture(scope="module", params=sorted(ENGINES))
def indexes(request, tmp_path_factory):
    opened = {name: open_corpus(name, request.param, tmp_path_factory.mktemp(name))
              for name in CORPORA}
    yield request.param, opened
    for index in opened.values():
        index.close()


def test_relevance_set_is_big_enough_and_points_at_real_documents(indexes):
    _engine, opened = indexes
    assert len(CASES["queries"]) >= 60
    assert {case["corpus"] for case in CASES["queries"]} == set(CORPORA)
    for name, index in opened.items():
        indexed = {fields["id"] for fields in index.stored()}
        missing = [c["expect"] for c in CASES["queries"] if c["corpus"] == name
                   and c["expect"] not in indexed]
        assert not missing, f"expected documents that are not indexed in {name}: {missing}"


def test_top3_hit_rate_mrr_and_ndcg(indexes, capsys):
    engine, opened = indexes
    results = {name: evaluate(index, [c for c in CASES["queries"] if c["corpus"] == name])
               for name, index in opened.items()}
    everything = evaluate_all(results)
    with capsys.disabled():
        print(f"\nsearch relevance ({engine}): " + "; ".join(
            f"{name} {r['count']} queries hit@3 {r['hit@3']:.2f} MRR {r['MRR']:.2f} "
            f"nDCG@5 {r['nDCG@5']:.2f}" for name, r in {**results, "all": everything}.items()))
        for query, expected, got in everything["misses"]:
            print(f"  miss: {query!r} expected {expected}, top 3 {got}")
    assert everything["hit@3"] >= 0.9


def evaluate_all(results: dict) -> dict:
    count = sum(r["count"] for r in results.values())
    merged = {key: sum(r[key] * r["count"] for r in results.values()) / count
              for key in ("hit@3", "MRR", "nDCG@5")}
    return {**merged, "count": count, "misses": [m for r in results.values() for m in r["misses"]]}
