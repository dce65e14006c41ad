"""Pagefind's bundle is reused only for byte-identical input (search/pagefind.py)."""
from __future__ import annotations

from search import pagefind


def fake_binary(calls):
    def run_binary(site_dir, subdir=pagefind.PAGEFIND_DIR):
        calls.append(site_dir)
        bundle = site_dir / subdir
        bundle.mkdir()
        (bundle / "pagefind-entry.json").write_text(f"run {len(calls)}")
    return run_binary


def site(tmp_path, name, page_text):
    root = tmp_path / name
    (root / "faqs/qa").mkdir(parents=True)
    (root / "index.html").write_text("<h1>Home</h1>")
    (root / "faqs/qa/index.html").write_text(page_text)
    return root


def test_same_html_reuses_the_bundle_and_changed_html_reindexes(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(pagefind, "run_binary", fake_binary(calls))
    cache_root = tmp_path / "project"
    first = site(tmp_path, "a", "<p>How do I appeal?</p>")
    pagefind.run(first, cache_root)
    same = site(tmp_path, "b", "<p>How do I appeal?</p>")
    pagefind.run(same, cache_root)
    changed = site(tmp_path, "c", "<p>How do I appeal a ban?</p>")
    pagefind.run(changed, cache_root)
    assert calls == [first, changed]
    assert (same / "pagefind/pagefind-entry.json").read_text() == "run 1"
    assert (changed / "pagefind/pagefind-entry.json").read_text() == "run 2"


def test_without_a_cache_root_pagefind_always_runs(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(pagefind, "run_binary", fake_binary(calls))
    pagefind.run(site(tmp_path, "a", "x"), None)
    pagefind.run(site(tmp_path, "b", "x"), None)
    assert len(calls) == 2


def test_a_bundle_already_in_the_folder_is_replaced_whole(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(pagefind, "run_binary", fake_binary(calls))
    root = site(tmp_path, "a", "<p>How do I appeal?</p>")
    pagefind.run(root, None)
    (root / "pagefind" / "stale.pf_fragment").write_text("from an older run")
    pagefind.run(root, None)
    assert sorted(p.name for p in (root / "pagefind").iterdir()) == ["pagefind-entry.json"]
    assert (root / "pagefind/pagefind-entry.json").read_text() == "run 2"
    assert sorted(p.name for p in root.iterdir()) == ["faqs", "index.html", "pagefind"]


def test_the_cache_keeps_the_newest_bundles_and_the_rest_goes(tmp_path, monkeypatch):
    import time
    calls = []
    monkeypatch.setattr(pagefind, "run_binary", fake_binary(calls))
    cache_root = tmp_path / "project"
    for n in range(pagefind.CACHE_KEEP + 3):
        pagefind.run(site(tmp_path, f"s{n}", f"<p>Version {n}</p>"), cache_root)
    cache = cache_root / pagefind.CACHE_DIR
    for _ in range(100):                              # older bundles are deleted in the background
        if len(list(cache.iterdir())) == pagefind.CACHE_KEEP:
            break
        time.sleep(0.05)
    assert len([p for p in cache.iterdir() if not p.name.startswith(".")]) == pagefind.CACHE_KEEP
    assert len(list(cache.iterdir())) == pagefind.CACHE_KEEP
    newest = site(tmp_path, "again", f"<p>Version {pagefind.CACHE_KEEP + 2}</p>")
    pagefind.run(newest, cache_root)                  # still cached: no new Pagefind run
    assert len(calls) == pagefind.CACHE_KEEP + 3
