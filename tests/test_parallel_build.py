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
