"""Pagefind's bundle (search/pagefind.py): made from the searchable pages only, and reused
only when they are the same pages with the same keys."""
from __future__ import annotations

import json
import time

import pytest

from generator.errors import KcError
from search import pagefind


@pytest.fixture
def calls(monkeypatch):
    """Pagefind runs, faked: each records the pages it was given (a glob) and writes a bundle."""
    seen: list[list[str]] = []

    class Finished:
        returncode = 0

        def communicate(self, timeout=None):
            return "", ""

    def start_binary(site_dir, bundle, pages_glob=None):
        seen.append(pages_glob)
        bundle.mkdir()
        (bundle / "pagefind-entry.json").write_text(f"run {len(seen)}")
        return Finished()
    monkeypatch.setattr(pagefind, "start_binary", start_binary)
    return seen


def site(tmp_path, name, pages: dict[str, str]):
    """A built site: a home page (never searched) and the given pages, url -> text."""
    root = tmp_path / name
    root.mkdir()
    (root / "index.html").write_text("<h1>Home</h1>")
    for url, text in pages.items():
        (root / url).mkdir(parents=True)
        (root / url / "index.html").write_text(text)
    return root


def keyed(pages: dict[str, str]) -> list[tuple[str, str]]:
    return [(url, f"key of {text}") for url, text in pages.items()]


def test_same_pages_reuse_the_bundle_and_a_changed_page_reindexes(tmp_path, calls):
    cache_root = tmp_path / "project"
    first = {"faqs/qa/": "How do I appeal?"}
    pagefind.run(site(tmp_path, "a", first), keyed(first), cache_root)
    same = site(tmp_path, "b", first)
    pagefind.run(same, keyed(first), cache_root)
    changed = {"faqs/qa/": "How do I appeal a ban?"}
    pagefind.run(root := site(tmp_path, "c", changed), keyed(changed), cache_root)
    assert len(calls) == 2
    assert (same / "pagefind/pagefind-entry.json").read_text() == "run 1"
    assert (root / "pagefind/pagefind-entry.json").read_text() == "run 2"


def test_pagefind_reads_only_the_searchable_pages(tmp_path):
    """The real binary: a history page and a listing marked like a document are not indexed."""
    body = '<html lang="en"><body><main data-pagefind-body><h1>{}</h1><p>Spam rules.</p></main></body></html>'
    pages = {"faqs/qa/": body.format("How do I appeal?"), "policies/spam/": body.format("Spam"),
             "policies/spam/history/": body.format("History"), "policies/": body.format("Policies")}
    root = tmp_path / "a"
    for url, text in pages.items():
        (root / url).mkdir(parents=True, exist_ok=True)
        (root / url / "index.html").write_text(text)
    pagefind.run(root, keyed({url: pages[url] for url in ("faqs/qa/", "policies/spam/")}), None)
    entry = json.loads((root / "pagefind/pagefind-entry.json").read_text())
    assert [language["page_count"] for language in entry["languages"].values()] == [2]
    assert sorted(p.name for p in root.iterdir()) == ["faqs", "pagefind", "policies"]


def test_the_glob_names_the_searchable_pages_folders():
    assert pagefind.glob(["faqs/a/", "faqs/b/", "teams/t/", "policies/p/"]) == \
        "{faqs/*/index.html,policies/*/index.html,teams/*/index.html}"
    assert pagefind.glob(["faqs/a/"]) == "faqs/*/index.html"
    assert pagefind.glob(["{odd}/a/", "x/"]) == "{*/*/index.html,x/index.html}"
    assert pagefind.glob([]) is None


def test_with_no_searchable_page_pagefind_reads_the_whole_site(tmp_path, calls):
    pagefind.run(site(tmp_path, "a", {"faqs/qa/": "x"}), [], None)
    assert calls == [None]


def test_without_a_cache_root_pagefind_always_runs(tmp_path, calls):
    pages = {"faqs/qa/": "x"}
    pagefind.run(site(tmp_path, "a", pages), keyed(pages), None)
    pagefind.run(site(tmp_path, "b", pages), keyed(pages), None)
    assert len(calls) == 2


def test_a_bundle_already_in_the_folder_is_replaced_whole(tmp_path, calls):
    pages = {"faqs/qa/": "How do I appeal?"}
    root = site(tmp_path, "a", pages)
    pagefind.run(root, keyed(pages), None)
    (root / "pagefind" / "stale.pf_fragment").write_text("from an older run")
    pagefind.run(root, keyed(pages), None)
    assert sorted(p.name for p in (root / "pagefind").iterdir()) == ["pagefind-entry.json"]
    assert (root / "pagefind/pagefind-entry.json").read_text() == "run 2"
    assert sorted(p.name for p in root.iterdir()) == ["faqs", "index.html", "pagefind"]


def test_the_cache_keeps_the_most_recently_used_bundles_and_the_rest_goes(tmp_path, calls):
    cache_root = tmp_path / "project"
    keep = pagefind.CACHE_KEEP
    for n in range(keep + 3):
        pages = {"faqs/qa/": f"Version {n}"}
        pagefind.run(site(tmp_path, f"s{n}", pages), keyed(pages), cache_root)
    cache = cache_root / pagefind.CACHE_DIR
    for _ in range(100):                              # older bundles are deleted in the background
        if len(list(cache.iterdir())) == keep:
            break
        time.sleep(0.05)
    assert len(list(cache.iterdir())) == keep
    newest = {"faqs/qa/": f"Version {keep + 2}"}
    pagefind.run(site(tmp_path, "again", newest), keyed(newest), cache_root)   # still cached
    assert len(calls) == keep + 3


def test_a_failed_run_says_why_and_leaves_nothing_behind(tmp_path, monkeypatch):
    class Failed:
        returncode = 1

        def communicate(self, timeout=None):
            return "", "Error: Pagefind was not able to build an index."

        def kill(self):
            pass

        wait = kill

    def start_binary(site_dir, bundle, pages_glob=None):
        bundle.mkdir()
        (bundle / "half.pf_fragment").write_text("half a bundle")
        return Failed()
    monkeypatch.setattr(pagefind, "start_binary", start_binary)
    pages = {"faqs/qa/": "x"}
    root = site(tmp_path, "a", pages)
    with pytest.raises(KcError, match="Pagefind failed: Error: Pagefind was not able to build an index"):
        pagefind.run(root, keyed(pages), tmp_path / "project")
    assert sorted(p.name for p in root.iterdir()) == ["faqs", "index.html"]
    assert not (tmp_path / "project" / pagefind.CACHE_DIR).exists()
