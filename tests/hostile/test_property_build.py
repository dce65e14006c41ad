"""Property: whatever front matter and body authors write, load -> check -> render -> write
for every audience raises no unexpected exception and writes nothing outside the output folder."""
from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator import load_config
from generator.build import build
from generator.errors import BuildFailed

from ..conftest import TODAY
from ..corpus_helpers import TEAMS, policy

HOSTILE = ["../../../tmp/kc-escape", "/etc/passwd", "<img src=x onerror=alert(1)>", "a" * 300,
           "..", ".", "CON", "x\\y", "%2e%2e", "é" * 130, "#ts-policy", "", " ", "[[spam]]"]
text = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40))
ids = st.one_of(st.just("fuzz"), st.just("fuzz"), text)
titles = st.one_of(st.sampled_from(HOSTILE[2:4] + ["Fuzz"]), text)
front = st.fixed_dictionaries(
    {"id": ids, "title": titles},
    optional={"audience": st.sampled_from(["public", "internal", "restricted", "secret"]),
              "status": st.sampled_from(["active", "draft", "retired", "deprecated"]),
              "tags": st.lists(text, max_size=3), "regions": st.lists(text, max_size=3),
              "summary": text, "policies": st.lists(st.one_of(st.just("spam"), text), max_size=2)})
bodies = st.one_of(st.text(max_size=200), st.lists(st.sampled_from(
    ["# T {#x}", "[[spam]]", "[[spam#enforcement|x]]", "[a](../policies/spam.md)", "[b](../../../x.md)",
     "<script>alert(1)</script>", "<a name='n'></a>", "![i](../../../etc/passwd)", "| a |\n|---|",
     "> [!NOTE]\n> n", "```\ncode\n```", "\x00", "~~s~~"]), max_size=6).map("\n\n".join))
folders = st.sampled_from(["faqs", "faqs", "policies", "newsletters"])
REQUIRED = {"policies": {"owner": "policy", "version": "1", "effective": "2026-01-01"},
            "newsletters": {"date": "2026-10-01"}, "faqs": {}}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(folder=folders, meta=front, body=bodies)
def test_any_document_builds_or_is_refused_and_never_writes_outside(tmp_path, folder, meta, body):
    root = Path(tempfile.mkdtemp(dir=tmp_path))
    (root / "site_config.yml").write_text("title: Fuzz\n", encoding="utf-8")
    files = {"content/teams.yml": TEAMS, "content/policies/spam.md": policy("spam"),
             f"content/{folder}/fuzz.md": "---\n" + yaml.safe_dump(REQUIRED[folder] | meta, allow_unicode=True) + "---\n" + body}
    for rel, content in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(content, encoding="utf-8")
    outside_before = sorted(p.name for p in tmp_path.parent.iterdir())
    config = load_config(root / "site_config.yml")
    for audience in ("public", "internal", "restricted"):
        out = root / f"site-{audience}"
        try:
            build(config, out_dir=out, audience=audience, today=TODAY)
            event("built")
        except BuildFailed:
            event("refused")
            assert not out.exists()
    assert {p.name for p in root.iterdir()} <= {"content", "site_config.yml", ".kc",
                                                 "site-public", "site-internal", "site-restricted"}
    assert sorted(p.name for p in tmp_path.parent.iterdir()) == outside_before
    assert not Path("/tmp/kc-escape").exists()
