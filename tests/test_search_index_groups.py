"""The tantivy index kept in groups of documents (search/entry_groups.py): one segment per
group, cached by what its entries are made of, so an edit re-indexes one group, and the
index answers as one made whole."""
from __future__ import annotations

import shutil

import pytest

from generator import load_config, pipeline
from generator.audience import published
from generator.build import build
from search import entry_groups, stage
from search.entries import indexed_documents
from search.query import SearchIndex
from search.tantivy_engine import TantivyEngine

from .build_support import tree
from .conftest import ROOT, TODAY
from .search_corpus import FILES, SYNONYMS_CONFIG

QUERIES = ["harassment", "spam bots", "report", "bullying", "targeted abuse", "how do i report"]


@pytest.fixture
def small_groups(monkeypatch):
    monkeypatch.setattr(entry_groups, "GROUP_DOCS", 1)


@pytest.fixture
def written(monkeypatch):
    """Groups indexed (not taken from the cache) so far."""
    made: list[int] = []
    original = TantivyEngine.write

    def write(self, entries, index_dir):
        made.append(1)
        return original(self, entries, index_dir)
    monkeypatch.setattr(TantivyEngine, "write", write)
    return made


def answers(config, out) -> dict[str, list]:
    with SearchIndex.for_site(config, out) as index:
        return {query: [(hit.id, hit.url) for hit in index.search(query).results] for query in QUERIES}


def test_an_index_in_groups_answers_as_one_index(make_site, small_groups):
    config = make_site(FILES, SYNONYMS_CONFIG + "  engine: tantivy\n")
    site = pipeline.check(config, TODAY)
    docs = indexed_documents(published(site, "internal"), False)
    assert len(docs) >= 4
    stage.write_index(site, docs, config.root / "whole", "tantivy")
    folder = stage.write_index(site, docs, config.root / "grouped", "tantivy", cache=(config.root, "salt"))
    assert len([p for p in folder.iterdir() if p.suffix == ".store"]) > 2      # several segments
    whole, grouped = answers(config, config.root / "whole"), answers(config, config.root / "grouped")
    assert all(whole.values()) and grouped == whole


def site_with_index(tmp_path):
    root = tmp_path / "src"
    for rel, text in FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    (root / "site_config.yml").write_text(SYNONYMS_CONFIG + f"themes_dir: {ROOT / 'themes'}\n",
                                          encoding="utf-8")
    return load_config(root / "site_config.yml")


def test_an_edit_reindexes_its_group_only_and_equals_a_clean_index(tmp_path, small_groups, written):
    config = site_with_index(tmp_path)
    out = config.root / "site"
    build(config, out_dir=out, today=TODAY)
    groups = len(written)
    assert groups > 3
    policy = config.root / "content/policies/harassment.md"
    policy.write_text(policy.read_text(encoding="utf-8") + "\nPile-ons are also called quokkastorms.\n",
                      encoding="utf-8")
    build(config, out_dir=out, today=TODAY)
    assert len(written) == groups + 1                     # harassment's group, no other
    with SearchIndex.for_site(config, out) as index:
        assert [hit.id for hit in index.search("quokkastorms").results] == ["harassment"]
    edited = tree(out / "_search")
    shutil.rmtree(config.root / ".kc")
    build(config, out_dir=config.root / "clean", today=TODAY)
    assert tree(config.root / "clean" / "_search") == edited


def test_retitling_a_linked_document_reindexes_the_document_that_shows_its_title(tmp_path, small_groups):
    config = site_with_index(tmp_path)
    out = config.root / "site"
    build(config, out_dir=out, today=TODAY)
    policy = config.root / "content/policies/harassment.md"
    policy.write_text(policy.read_text(encoding="utf-8").replace(
        "title: Harassment & Bullying\n", "title: Harassment & Quokkabullying\n"), encoding="utf-8")
    build(config, out_dir=out, today=TODAY)
    with SearchIndex.for_site(config, out) as index:       # the FAQ's link shows the new title
        found = {hit.id for hit in index.search("quokkabullying").results}
    assert found == {"harassment", "report-harassment"}
    edited = tree(out / "_search")
    shutil.rmtree(config.root / ".kc")
    build(config, out_dir=config.root / "clean", today=TODAY)
    assert tree(config.root / "clean" / "_search") == edited
