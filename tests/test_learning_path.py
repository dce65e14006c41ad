"""A training page shows its prerequisites as a path: each once, after its own prerequisites."""
from __future__ import annotations

import re

from generator.build import build

from .conftest import TODAY
from .corpus_helpers import base_corpus, doc


def training(id_: str, prereqs: list[str]) -> str:
    return doc(f"id: {id_}\ntitle: Module {id_}\nowner: policy\nprerequisites: [{', '.join(prereqs)}]",
               "## Lesson\n\nText.\n")


def path_titles(html: str) -> list[str]:
    path = re.search(r'class="learning-path".*?</ol>', html, re.S)
    assert path, "no learning path on the page"
    return re.findall(r"Module (m-[a-z0-9-]+)", path.group(0))


def test_diamond_prerequisites_are_listed_once_in_order(make_site, tmp_path):
    config = make_site(base_corpus() | {
        "content/training/m-base.md": training("m-base", []),
        "content/training/m-left.md": training("m-left", ["m-base"]),
        "content/training/m-right.md": training("m-right", ["m-base"]),
        "content/training/m-top.md": training("m-top", ["m-left", "m-right"]),
    })
    build(config, out_dir=tmp_path / "out", today=TODAY)
    titles = path_titles((tmp_path / "out/training/m-top/index.html").read_text())
    assert titles[0] == "m-base" and titles[-1] == "m-top"
    assert sorted(titles[1:3]) == ["m-left", "m-right"] and len(titles) == 4


def test_a_very_deep_prerequisite_chain_builds(make_site, tmp_path):
    depth = 1100  # deeper than Python's default recursion limit (1000)
    files = base_corpus() | {"content/training/m-0.md": training("m-0", [])}
    files |= {f"content/training/m-{i}.md": training(f"m-{i}", [f"m-{i - 1}"]) for i in range(1, depth)}
    build(make_site(files), out_dir=tmp_path / "out", today=TODAY)
    assert path_titles((tmp_path / "out/training/m-3/index.html").read_text()) == ["m-0", "m-1", "m-2", "m-3"]
    deepest = (tmp_path / f"out/training/m-{depth - 1}/index.html").read_text()
    assert path_titles(deepest) == [f"m-{i}" for i in range(depth - 12, depth)]
    assert f"After {depth - 12} earlier modules:" in deepest
