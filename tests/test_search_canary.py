"""The audience canary, extended to search data: a public build's section index
(with each engine), word list and Pagefind bundle hold nothing from a restricted
document.

Both engines compress stored fields and keep stemmed terms, so searching the index
files' bytes is not enough: the index is also read back through the engine.
Pagefind fragments and indexes are gzip files: they are unpacked before searching.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from generator import load_config
from search.backend import open_index

from .build_support import build_audiences, readable as unpacked
from .search_corpus import CANARY, FILES

SECRET_WORDS = [CANARY, "thresholds"]   # 'thresholds' occurs only in the restricted policy


def readable(path: Path) -> bytes:
    return unpacked(path.read_bytes())


def index_text(out: Path) -> str:
    """Every stored value and every indexed term of the build's section index."""
    with open_index(load_config(out.parent / "site_config.yml"), out) as index:
        return "\n".join([repr(fields) for fields in index.stored()] + index.indexed_terms())


def files_with(out: Path, needle: str) -> list[str]:
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*")
                  if p.is_file() and needle.encode() in readable(p).lower())


@pytest.fixture(scope="module", params=["tantivy", "whoosh"])
def builds(tmp_path_factory, request):
    return build_audiences(tmp_path_factory.mktemp("canary"), "Canary KC", FILES, request.param,
                           ("public", "restricted"))


@pytest.mark.parametrize("word", SECRET_WORDS)
def test_restricted_words_are_in_the_restricted_search_data(builds, word):
    """The positive control: the checks below would see a leak."""
    out = builds["restricted"]
    assert word.lower() in index_text(out).lower() or word[:-1] in index_text(out)
    assert "pagefind/" in " ".join(files_with(out, word.lower()))
    assert "_search/terms.json" in files_with(out, word.lower())


@pytest.mark.parametrize("word", SECRET_WORDS)
def test_public_search_data_has_no_restricted_word(builds, word):
    out = builds["public"]
    assert word.lower() not in index_text(out).lower()
    assert word[:-1] not in index_text(out)          # nor its stem
    assert files_with(out, word.lower()) == []


def test_public_index_holds_only_public_documents(builds):
    out = builds["public"]
    with open_index(load_config(out.parent / "site_config.yml"), out) as index:
        audiences = {fields["audience"] for fields in index.stored()}
        ids = {fields["id"] for fields in index.stored()}
    assert audiences == {"public"}
    assert ids == {"harassment", "harassment-old", "spam", "report-harassment"}
