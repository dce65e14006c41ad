"""The load cache (.kc/cache/loaded.sqlite): a file whose text is unchanged is not parsed
again, and the Document made from the cache is the one a parse makes, value for value."""
from __future__ import annotations

import shutil
import sqlite3
from datetime import date, datetime

from generator import frontmatter_yaml, load_config, pipeline
from generator.incremental import load_cache

from .conftest import ROOT, TODAY


def loaded_fields(doc) -> tuple:
    return (doc.src_path, doc.type, repr(doc.meta), doc.meta, doc.body, doc.body_line, doc.positions,
            doc.headings, doc.references, doc.digest)


def site_copy(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copy(ROOT / "site_config.yml", tmp_path / "site_config.yml")
    return load_config(tmp_path / "site_config.yml")


TRICKY = """---
id: tricky-values
title: "Dates, times and nesting: 1.0"
updated: 2026-01-05
review_by: 2026-03-01
version: 1.0
count: 12
flag: yes
nothing: null
when: 2026-01-05 10:30:00
nested: {a: [1, 2.5, {b: 2026-02-01}], "c": "text"}
---
## A heading

See [[policy-one]] and [a page](other.md).
"""
UNUSUAL = """---
id: unusual-values
title: Unusual
zoned: 2026-01-05T10:30:00+02:00
numbers: {1: one, 2: two}
---
Text.
"""


def test_documents_from_the_cache_equal_parsed_ones_and_unchanged_files_are_not_parsed(tmp_path, monkeypatch):
    config = site_copy(tmp_path)
    (tmp_path / "content" / "faqs" / "tricky.md").write_text(TRICKY, encoding="utf-8")
    (tmp_path / "content" / "faqs" / "unusual.md").write_text(UNUSUAL, encoding="utf-8")
    parsed = pipeline.check(config, TODAY)
    parses = []
    real_parse = frontmatter_yaml.parse
    monkeypatch.setattr(frontmatter_yaml, "parse", lambda *args: parses.append(args) or real_parse(*args))
    cached = pipeline.check(config, TODAY)
    assert [loaded_fields(doc) for doc in cached.documents] == [loaded_fields(doc) for doc in parsed.documents]
    assert [d.to_dict() for d in cached.diagnostics] == [d.to_dict() for d in parsed.diagnostics]
    tricky = next(doc for doc in cached.documents if doc.id == "tricky-values")
    assert tricky.meta["nested"]["a"][2]["b"] == date(2026, 2, 1) and tricky.meta["when"] == datetime(2026, 1, 5, 10, 30)
    # only the file with what JSON cannot hold exactly (a time zone, number keys) and teams.yml
    assert [args[0].splitlines()[0][:15] for args in parses] == ["id: unusual-val", "# Team registry"]
    assert len(parsed.documents) > 30


def test_an_edited_file_is_parsed_again_and_the_cache_keeps_one_entry_per_file(tmp_path):
    config = site_copy(tmp_path)
    first = pipeline.check(config, TODAY)
    faq = sorted((tmp_path / "content" / "faqs").glob("*.md"))[0]
    faq.write_text(faq.read_text(encoding="utf-8").replace("title:", "title: Edited", 1), encoding="utf-8")
    again = pipeline.check(config, TODAY)
    edited = next(doc for doc in again.documents if doc.src_path.endswith(faq.name))
    assert edited.title.startswith("Edited")
    with sqlite3.connect(tmp_path / load_cache.CACHE_FILE) as connection:
        assert connection.execute("SELECT count(*) FROM loaded").fetchone()[0] == len(first.documents)


def test_a_damaged_cache_is_ignored(tmp_path):
    config = site_copy(tmp_path)
    parsed = pipeline.check(config, TODAY)
    (tmp_path / load_cache.CACHE_FILE).write_bytes(b"garbage" * 1000)
    again = pipeline.check(config, TODAY)
    assert [loaded_fields(doc) for doc in again.documents] == [loaded_fields(doc) for doc in parsed.documents]
