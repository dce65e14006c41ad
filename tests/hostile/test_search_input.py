"""kc search with hostile queries and a damaged index: fast, readable errors, exit 2, no traceback."""
from __future__ import annotations

import time

import pytest

from search.backend import DEFAULT_ENGINE, index_dir

from ..corpus_helpers import base_corpus
from .support import kc


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from generator import load_config
    root = tmp_path_factory.mktemp("search-site")
    (root / "site_config.yml").write_text("title: T\n")
    for rel, text in base_corpus().items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    config = load_config(root / "site_config.yml")
    assert kc("build", "--config", str(root / "site_config.yml")).exit_code == 0
    return config


def search(config, *args):
    return kc("search", "--config", str(config.root / "site_config.yml"), *args)


@pytest.mark.parametrize("query", ["x" * 10_000, "enforcement " * 100, "a" * 499])
def test_long_queries_answer_fast(built, query):
    started = time.perf_counter()
    result = search(built, query)
    assert time.perf_counter() - started < 3
    assert "Traceback" not in result.output
    if len(query) > 500:
        assert result.exit_code == 2 and "characters long" in result.output


def test_many_unknown_long_words_are_not_all_corrected(built):
    started = time.perf_counter()
    result = search(built, " ".join(f"enforcementzz{i}" for i in range(30)))
    assert result.exit_code == 0
    assert time.perf_counter() - started < 3


def test_a_damaged_index_says_so(built, tmp_path):
    import shutil
    copy = tmp_path / "site"
    shutil.copytree(built.root / "site", copy)
    for path in index_dir(copy, DEFAULT_ENGINE).iterdir():
        if path.is_file():
            path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 3])   # truncated files
    result = search(built, "enforcement", "--out", str(copy))
    assert result.exit_code == 2
    assert "damaged" in result.output or "cannot be read" in result.output
    assert "run `kc build`" in result.output
