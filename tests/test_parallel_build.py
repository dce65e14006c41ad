"""`kc build --jobs N`: pages rendered across processes give the same site as one process."""
from __future__ import annotations

import pytest

from generator import load_config, parallel
from generator.build import build
from generator.theme import TemplateError

from .conftest import TODAY
from .test_incremental import sample_site, tree


def test_a_build_across_processes_writes_the_same_bytes_as_a_build_in_one(tmp_path, monkeypatch):
    config = load_config(sample_site(tmp_path))
    monkeypatch.setattr(parallel, "SERIAL_BELOW", 0)        # the sample site is small: force the pool
    one = build(config, out_dir=tmp_path / "one", today=TODAY, jobs=1, incremental=False)
    two = build(config, out_dir=tmp_path / "two", today=TODAY, jobs=2, incremental=False)
    assert one.pages == two.pages > 50 and two.rendered == two.pages
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_a_broken_template_fails_the_build_in_a_worker_with_the_template_named(tmp_path, monkeypatch):
    config = load_config(sample_site(tmp_path))
    (tmp_path / "themes" / "custom" / "faq.html").write_text("<p>{{ nothing.here }}</p>", encoding="utf-8")
    monkeypatch.setattr(parallel, "SERIAL_BELOW", 0)
    with pytest.raises(TemplateError, match="faq.html"):
        build(config, out_dir=tmp_path / "site", today=TODAY, jobs=2)
    assert not (tmp_path / "site").exists()


def test_ordered_map_keeps_the_order_of_its_items(monkeypatch):
    monkeypatch.setattr(parallel, "SERIAL_BELOW", 0)
    assert parallel.ordered_map(lambda n: n * n, list(range(500)), jobs=2) == [n * n for n in range(500)]


def test_a_one_edit_rebuild_renders_only_the_edited_body_and_starts_no_pool(tmp_path, monkeypatch):
    from generator.incremental import body_cache
    config = load_config(sample_site(tmp_path))
    monkeypatch.setattr(parallel, "SERIAL_BELOW", 0)        # any list of bodies would go to a pool
    build(config, out_dir=tmp_path / "site", today=TODAY, jobs=2)
    edited = sorted((tmp_path / "content" / "faqs").glob("*.md"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA paragraph added.\n", encoding="utf-8")
    rendered, mapped = [], []
    real_render, real_map = body_cache.render_body, parallel.ordered_map
    monkeypatch.setattr(body_cache, "render_body", lambda doc, resolver: rendered.append(doc.src_path)
                        or real_render(doc, resolver))
    monkeypatch.setattr(parallel, "ordered_map", lambda work, items, *args: mapped.append(len(items))
                        or real_map(work, items, *args))
    monkeypatch.setattr(parallel, "SERIAL_BELOW", 2)        # one body: rendered here
    build(config, out_dir=tmp_path / "site", today=TODAY, jobs=2)
    assert rendered == [edited.relative_to(tmp_path).as_posix()]
    assert mapped[0] == 1                                   # the render stage was handed one body
