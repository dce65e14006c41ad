"""Cache files under .kc/ (outlines, bodies, manifests, history) are written whole or not at all."""
from __future__ import annotations

import json
import os

from generator.incremental.cache_file import save_json


def test_a_cache_is_replaced_whole_and_reads_back(tmp_path):
    path = tmp_path / ".kc" / "cache" / "x.json"
    assert save_json(path, {"a": ["é", 1]})
    assert save_json(path, {"a": ["second"]})
    assert json.loads(path.read_text(encoding="utf-8")) == {"a": ["second"]}
    assert [p.name for p in path.parent.iterdir()] == ["x.json"]          # no temporary file left


def test_a_cache_that_cannot_be_written_is_skipped_and_leaves_nothing(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    os.chmod(folder, 0o500)
    try:
        if os.access(folder, os.W_OK):        # root ignores permissions: a file in the way instead
            os.chmod(folder, 0o700)
            (folder / "sub").write_text("a file where a folder should be")
            assert not save_json(folder / "sub" / "x.json", {"a": 1})
        else:
            assert not save_json(folder / "x.json", {"a": 1})
    finally:
        os.chmod(folder, 0o700)
    assert sorted(p.name for p in folder.iterdir()) in ([], ["sub"])
