"""The history cache (.kc/cache/history.json): after a new commit only that commit is read,
on top of the cached history, and the versions equal a whole-log read; a rewritten history
(reset, amend) is read whole. And the word diff's compiled matcher gives difflib's diffs."""
from __future__ import annotations

import difflib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import load_config
from generator.build import build
from generator.history import gitlog, prefetch, store
from generator.history.diff import SequenceMatcher
from generator.init import init_site
from generator.pipeline import check

POLICY = """---
id: retention-policy
title: Retention Policy
owner: {owner}
audience: internal
version: "{version}"
effective: 2026-01-01
---

## Scope

Reports are kept for {days} days.
"""


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), "-c", "user.name=T", "-c", "user.email=t@example.com",
                    *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path) -> tuple[Path, str]:
    root = tmp_path / "kc"
    init_site(root)
    owner = re.search(r"^owner: (\S+)", (root / "content" / "policies" / "example-policy.md").read_text(),
                      re.M).group(1)
    (root / "content" / "policies" / "retention.md").write_text(POLICY.format(owner=owner, version="1.0",
                                                                              days=30))
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "v1")
    return root, owner


def history(root: Path) -> dict[str, list[tuple]]:
    site = check(load_config(root / "site_config.yml"))
    return {path: [(v.version, v.commit, v.committed, v.body) for v in versions]
            for path, versions in store.load(site.config).by_path.items()}


def whole_log(root: Path) -> dict[str, list[tuple]]:
    shutil.rmtree(root / ".kc", ignore_errors=True)
    return history(root)


@pytest.fixture
def reads(monkeypatch) -> list:
    """Every log read_log returns during the test."""
    logs = []

    def spy(*args, **kwargs):
        logs.append(gitlog.read_log(*args, **kwargs))
        return logs[-1]
    monkeypatch.setattr(store, "read_log", spy)
    return logs


def test_a_new_commit_is_read_on_top_of_the_cached_history(repo, reads):
    root, owner = repo
    history(root)                                     # cold: the whole log, cached
    first_head = reads[-1].head
    policy = root / "content" / "policies" / "retention.md"
    policy.write_text(POLICY.format(owner=owner, version="1.0", days=31))       # a typo fix: same version
    git(root, "commit", "-qam", "typo")
    history(root)
    git(root, "mv", str(policy), str(policy.with_name("keeping-reports.md")))
    policy.with_name("keeping-reports.md").write_text(POLICY.format(owner=owner, version="2.0", days=14))
    git(root, "add", "-A")
    git(root, "commit", "-qm", "v2, file renamed")
    found = history(root)

    assert [len(log.commits) for log in reads] == [1, 1, 1]       # one commit each time
    assert reads[1].base == first_head and reads[2].base == reads[1].head
    assert [v[0] for v in found["content/policies/keeping-reports.md"]] == ["1.0", "2.0"]
    assert "14 days" in found["content/policies/keeping-reports.md"][1][3]
    assert found == whole_log(root)


def test_the_same_head_reads_no_git(repo, reads):
    root, _ = repo
    first = history(root)
    assert history(root) == first
    assert len(reads) == 1


def test_a_rewritten_history_is_read_whole(repo, reads):
    root, owner = repo
    policy = root / "content" / "policies" / "retention.md"
    policy.write_text(POLICY.format(owner=owner, version="2.0", days=14))
    git(root, "commit", "-qam", "v2")
    history(root)
    git(root, "reset", "-q", "--hard", "HEAD~1")          # the cached HEAD is no longer in the history
    policy.write_text(POLICY.format(owner=owner, version="2.1", days=7))
    git(root, "commit", "-qam", "v2.1 instead")
    found = history(root)

    assert reads[-1].base is None and len(reads[-1].commits) == 2
    assert [v[0] for v in found["content/policies/retention.md"]] == ["1.0", "2.1"]
    assert found == whole_log(root)


def two_versions(root: Path, owner: str) -> None:
    (root / "content" / "policies" / "retention.md").write_text(POLICY.format(owner=owner, version="2.0", days=14))
    git(root, "commit", "-qam", "v2")


@pytest.fixture
def taken(monkeypatch) -> list:
    """What each prefetch.take returned: the history a forked process read during the check."""
    found = []
    original = prefetch.take

    def spy(config):
        found.append(original(config))
        return found[-1]
    monkeypatch.setattr(prefetch, "take", spy)
    return found


BUILD_AND_REPORT_TAKEN = """
import json, sys
from generator import load_config
from generator.build import build
from generator.history import prefetch
taken, original = [], prefetch.take
prefetch.take = lambda config: taken.append(original(config)) or taken[-1]
build(load_config(sys.argv[1]), out_dir=sys.argv[2], jobs=1)
print(json.dumps([found is not None and found.from_git for found in taken]))
"""


def test_a_cold_build_reads_the_history_during_the_check(repo, tmp_path):
    """In a process of its own: the prefetch (rightly) declines to fork in a process with
    other threads, which a test run may have (the browser tests' servers)."""
    root, owner = repo
    two_versions(root, owner)
    done = subprocess.run([sys.executable, "-c", BUILD_AND_REPORT_TAKEN, str(root / "site_config.yml"),
                           str(tmp_path / "site")], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)})
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [True]
    page = tmp_path / "site" / "policies" / "retention-policy" / "changes" / "1.0..2.0" / "index.html"
    assert "<del><span class=\"sr-only\">removed: </span>30" in page.read_text()


def test_a_failed_history_process_is_read_again_in_the_build(repo, taken, monkeypatch, tmp_path):
    root, owner = repo
    two_versions(root, owner)
    builder, original = os.getpid(), store.load

    def load_fails_in_the_child(config):
        if os.getpid() != builder:
            raise RuntimeError("the forked reader fails")
        return original(config)
    monkeypatch.setattr(store, "load", load_fails_in_the_child)
    build(load_config(root / "site_config.yml"), out_dir=tmp_path / "site", jobs=1)
    assert taken == [None]
    assert (tmp_path / "site" / "policies" / "retention-policy" / "changes" / "1.0..2.0" / "index.html").is_file()


WORDS = st.lists(st.sampled_from(["a", "b", "c", "the", "rule", "30", "days"]), max_size=40)


@settings(max_examples=300, deadline=None)
@given(WORDS, WORDS)
def test_word_diff_matcher_gives_difflibs_diff(old, new):
    expected = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    assert [tuple(op) for op in SequenceMatcher(None, old, new, autojunk=False).get_opcodes()] == expected
    assert (SequenceMatcher(None, " ".join(old), " ".join(new)).ratio()
            == difflib.SequenceMatcher(None, " ".join(old), " ".join(new)).ratio())


def test_no_history_process_outside_git_or_with_a_cache(repo, tmp_path):
    plain = tmp_path / "plain"
    init_site(plain)
    prefetch.start(load_config(plain / "site_config.yml"))
    assert prefetch._pending == {}                  # not in git: nothing to read
    root, _ = repo
    history(root)                                   # writes the cache
    prefetch.start(load_config(root / "site_config.yml"))
    assert prefetch._pending == {}                  # cached: reading it is quick
