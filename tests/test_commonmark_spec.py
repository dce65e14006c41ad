"""kc's Markdown passes the CommonMark spec examples (the suite markdown-it-py runs),
except the deliberate deviations listed in DEVIATIONS and in docs/rendering.md.

The examples (commonmark.json) ship in markdown-it-py's source distribution, not in
its wheel; they are fetched once with pip into the pytest cache (.pytest_cache/), or
read from $KC_COMMONMARK_JSON. Nothing fetched is committed.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tarfile
from importlib.metadata import version
from pathlib import Path

import pytest

from generator.markdown import make_markdown
from generator.render import sanitize

SPEC_MEMBER = "tests/test_cmark_spec/commonmark.json"

# example number -> why kc's output differs on purpose
DEVIATIONS = {
    218: "markdown-it-py renders an empty block quote as '<blockquote></blockquote>' (upstream normalizes this too)",
    239: "markdown-it-py renders an empty block quote as '<blockquote></blockquote>' (upstream normalizes this too)",
    240: "markdown-it-py renders an empty block quote as '<blockquote></blockquote>' (upstream normalizes this too)",
    548: "`[[...]]` is kc's document-reference syntax, not a nested link label",
    559: "`[[...]]` is kc's document-reference syntax, not a nested link label",
    590: "`[[...]]` is kc's document-reference syntax, not a nested link label",
    602: "GitHub's extended autolinks (linkify): a bare URL is a link, as on GitHub",
    608: "GitHub's extended autolinks (linkify): a bare URL is a link, as on GitHub",
    611: "GitHub's extended autolinks (linkify): a bare URL is a link, as on GitHub",
    612: "GitHub's extended autolinks (linkify): a bare e-mail address is a mailto link, as on GitHub",
}


def load_examples(cache_dir: Path) -> list[dict]:
    override = os.environ.get("KC_COMMONMARK_JSON")
    if override:
        return json.loads(Path(override).read_text(encoding="utf-8"))
    release = version("markdown-it-py")
    cached = cache_dir / f"commonmark-{release}.json"
    if not cached.exists():
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                        "--quiet", "--dest", str(cache_dir), f"markdown-it-py=={release}"], check=True)
        sdist = next(cache_dir.glob(f"markdown_it_py-{release}.tar.gz"))
        with tarfile.open(sdist) as archive:
            member = archive.extractfile(f"markdown_it_py-{release}/{SPEC_MEMBER}")
            cached.write_bytes(member.read())
    return json.loads(cached.read_text(encoding="utf-8"))


def without_heading_ids(html: str) -> str:
    """kc adds an id to every heading (anchors); the spec's expected HTML has none."""
    return re.sub(r'<(h[1-6]) id="[^"]*">', r"<\1>", html)


@pytest.fixture(scope="module")
def examples(request, tmp_path_factory) -> list[dict]:
    cache = getattr(request.config, "cache", None)   # absent under `-p no:cacheprovider` (land.sh)
    folder = cache.mkdir("commonmark-spec") if cache else tmp_path_factory.mktemp("commonmark-spec")
    return load_examples(Path(folder))


def failures(examples: list[dict], publish: bool) -> dict[int, str]:
    md, failed = make_markdown(), {}
    for example in examples:
        actual = without_heading_ids(md.render(example["markdown"], {}))
        expected = example["html"]
        if publish:   # published pages are sanitized; compare with the spec output sanitized alike
            actual, expected = sanitize(actual), sanitize(expected)
        if actual != expected:
            failed[example["example"]] = example["section"]
    return failed


def test_the_suite_is_the_full_spec(examples):
    assert len(examples) >= 650


def test_renderer_passes_the_spec_except_deliberate_deviations(examples):
    assert sorted(failures(examples, publish=False)) == sorted(DEVIATIONS)


def test_published_html_matches_the_sanitized_spec_output(examples):
    """Sanitizing removes unsafe raw HTML from both sides alike: no further differences."""
    assert sorted(failures(examples, publish=True)) == sorted(DEVIATIONS)
