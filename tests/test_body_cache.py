"""The rendered-body cache (.kc/cache/bodies.sqlite): one row per body, read as needed.
Whatever state the cache file is in, a build writes the same bytes as a clean build."""
from __future__ import annotations

import sqlite3

from generator import load_config
from generator.build import build
from generator.incremental import body_cache

from .conftest import TODAY
from .test_incremental import sample_site, tree


def rows(root) -> list[str]:
    with sqlite3.connect(root / body_cache.CACHE_FILE) as connection:
        return sorted(key for (key,) in connection.execute("SELECT key FROM bodies"))


def edit_one(root):
    faq = sorted((root / "content" / "faqs").glob("*.md"))[0]
    faq.write_text(faq.read_text(encoding="utf-8") + "\nA paragraph added.\n", encoding="utf-8")


def test_an_edit_replaces_one_row_and_the_cache_keeps_one_row_per_body_built(tmp_path):
    config = load_config(sample_site(tmp_path))
    first = build(config, today=TODAY)
    before = rows(tmp_path)
    assert len(before) == first.documents
    edit_one(tmp_path)
    build(config, today=TODAY)
    after = rows(tmp_path)
    assert len(after) == len(before) and len(set(after) - set(before)) == 1


def test_a_damaged_cache_file_is_ignored_and_replaced(tmp_path):
    config = load_config(sample_site(tmp_path))
    build(config, out_dir=tmp_path / "site", today=TODAY)
    (tmp_path / body_cache.CACHE_FILE).write_bytes(b"not a database at all" * 100)
    edit_one(tmp_path)
    build(config, out_dir=tmp_path / "site", today=TODAY)
    build(config, out_dir=tmp_path / "clean", today=TODAY, incremental=False)
    assert tree(tmp_path / "site") == tree(tmp_path / "clean")
    edit_one(tmp_path)
    build(config, out_dir=tmp_path / "site", today=TODAY)       # the damaged file was dropped: a new one
    assert len(rows(tmp_path)) > 30


def test_a_body_whose_row_went_away_during_the_build_is_rendered_again(tmp_path, monkeypatch):
    """Another kc process sharing .kc/ may delete or replace rows after this build read
    the cache: the page is then rendered from the document, with the same bytes."""
    config = load_config(sample_site(tmp_path))
    build(config, out_dir=tmp_path / "site", today=TODAY)
    base = tmp_path / "themes" / "custom" / "base.html"       # every page is rendered again
    base.write_text(base.read_text(encoding="utf-8").replace("theme edit 0", "theme edit 1"), encoding="utf-8")
    rendered = []
    real_render = body_cache.render_body
    monkeypatch.setattr(body_cache, "render_body", lambda doc, resolver: rendered.append(doc.id)
                        or real_render(doc, resolver))
    monkeypatch.setattr(body_cache.Store, "column", lambda self, key, name: None)
    build(config, out_dir=tmp_path / "site", today=TODAY)
    monkeypatch.undo()
    build(config, out_dir=tmp_path / "clean", today=TODAY, incremental=False)
    assert tree(tmp_path / "site") == tree(tmp_path / "clean")
    assert len(rendered) > 30 and len(set(rendered)) == len(rendered)     # each once, after the cache said yes


def test_the_json_cache_of_earlier_versions_is_removed(tmp_path):
    config = load_config(sample_site(tmp_path))
    old = tmp_path / body_cache.OLD_FILE
    old.parent.mkdir(parents=True)
    old.write_text('{"bodies": {}}', encoding="utf-8")
    build(config, today=TODAY)
    assert not old.exists() and (tmp_path / body_cache.CACHE_FILE).is_file()
