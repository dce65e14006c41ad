"""Policy lifecycle: a policy through three versions in a temporary git repository.

v1.0 internal; v2.0 edits words, renames a section and renames the file; v3.0 becomes
public and edits again. Asserts the history, diff pages, kc diff, the public build and
the retraining warnings."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import load_config
from generator.build import build
from generator.cli import main
from generator.init import init_site
from generator.pipeline import check

V1 = """---
id: appeals-policy
title: Appeals Policy
owner: {owner}
audience: internal
version: "1.0"
effective: 2026-01-01
---

## Scope

Members may appeal a removal within 30 days. SECRET-INTERNAL-NOTE reviewers check the queue.

## Reporting window

Report problems to the support team.
"""


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), "-c", "user.name=T", "-c", "user.email=t@example.com",
                    *args], check=True, capture_output=True)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("lifecycle") / "kc"
    init_site(root)
    policies = root / "content" / "policies"
    owner = re.search(r"^owner: (\S+)", (policies / "example-policy.md").read_text(), re.M).group(1)
    old, new = policies / "appeals-policy.md", policies / "appeals.md"
    old.write_text(V1.format(owner=owner))
    training = root / "content" / "training" / "appeals-training.md"
    training.write_text(f"---\nid: appeals-training\ntitle: Appeals training\nowner: {owner}\n"
                        f"policies: [appeals-policy]\nupdated: 2026-02-01\n---\n\nLearn appeals.\n")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "v1")
    git(root, "mv", str(old), str(new))
    new.write_text(V1.format(owner=owner).replace('"1.0"', '"2.0"').replace("30 days", "14 days")
                   .replace("## Reporting window", "## How to report").replace("effective: 2026-01-01",
                                                                                "effective: 2026-03-01"))
    git(root, "add", "-A")
    git(root, "commit", "-qm", "v2: shorter window, section renamed, file renamed")
    new.write_text(new.read_text().replace('"2.0"', '"3.0"').replace("audience: internal", "audience: public")
                   .replace(" SECRET-INTERNAL-NOTE reviewers check the queue.", " Appeals are free.")
                   .replace("effective: 2026-03-01", "effective: 2026-05-01"))
    git(root, "commit", "-qam", "v3: public")
    return root


def built(repo: Path, tmp_path: Path, audience: str) -> Path:
    out = tmp_path / audience
    build(load_config(repo / "site_config.yml"), out_dir=out, audience=audience)
    return out


def test_history_lists_three_versions_following_the_rename(repo, tmp_path):
    out = built(repo, tmp_path, "internal")
    history = (out / "policies/appeals-policy/history/index.html").read_text()
    for version in ("1.0", "2.0", "3.0"):
        assert f"<td>{version}</td>" in history
    assert "change log only" not in history
    assert (out / "policies/appeals-policy/changes/1.0..2.0/index.html").is_file()
    assert (out / "policies/appeals-policy/changes/2.0..3.0/index.html").is_file()
    page = (out / "policies/appeals-policy/index.html").read_text()
    assert "What changed in version 3.0" in page and 'href="../../policies/appeals-policy/changes/2.0..3.0/"' in page


def test_diff_page_marks_exact_words_and_the_renamed_heading(repo, tmp_path):
    out = built(repo, tmp_path, "internal")
    diff = (out / "policies/appeals-policy/changes/1.0..2.0/index.html").read_text()
    assert '<del><span class="sr-only">removed: </span>30<span class="sr-only"> (end removed)</span></del>' in diff
    assert '<ins><span class="sr-only">added: </span>14<span class="sr-only"> (end added)</span></ins>' in diff
    assert "Heading renamed: <del><span class=\"sr-only\">old heading: </span>Reporting window</del>" in diff
    assert "How to report</ins>" in diff
    later = (out / "policies/appeals-policy/changes/2.0..3.0/index.html").read_text()
    assert "SECRET-INTERNAL-NOTE reviewers check the queue.<span" in later   # internal build: shown deleted
    assert "Appeals are free." in later


def test_public_build_shows_public_versions_only(repo, tmp_path):
    out = built(repo, tmp_path, "public")
    history = (out / "policies/appeals-policy/history/index.html").read_text()
    assert "<td>3.0</td>" in history and "<td>2.0</td>" not in history and "<td>1.0</td>" not in history
    assert not (out / "policies/appeals-policy/changes").exists()
    leaked = [p for p in out.rglob("*") if p.is_file() and b"SECRET-INTERNAL-NOTE" in p.read_bytes()]
    assert leaked == []


def test_kc_diff_prints_the_same_diff(repo):
    runner = CliRunner()
    config = str(repo / "site_config.yml")
    md = runner.invoke(main, ["diff", "appeals-policy", "--from", "1.0", "--to", "2.0", "--format", "md",
                              "--config", config])
    assert md.exit_code == 0, md.output
    assert "~~30~~**14**" in md.output and "~~Reporting window~~ → **How to report**" in md.output
    data = json.loads(runner.invoke(main, ["diff", "appeals-policy", "--format", "json", "--config", config]).output)
    assert (data["from"]["version"], data["to"]["version"]) == ("2.0", "3.0")
    public = runner.invoke(main, ["diff", "appeals-policy", "--audience", "public", "--config", config])
    assert public.exit_code == 2 and "no two versions" in public.output


def test_training_older_than_the_policy_version_is_warned(repo):
    site = check(load_config(repo / "site_config.yml"))
    found = [d for d in site.diagnostics if d.code == "LIFE001"]
    assert len(found) == 1
    assert "appeals-training" in found[0].message and "appeals-policy" in found[0].message
    assert "3.0" in found[0].message and "2026-05-01" in found[0].message
    assert found[0].severity.value == "warning"


def test_site_config_can_make_retraining_warnings_errors(repo, tmp_path):
    config = repo / "site_config.yml"
    original = config.read_text()
    try:
        config.write_text(original + "lifecycle:\n  retraining: error\n")
        result = CliRunner().invoke(main, ["check", "--config", str(config)])
    finally:
        config.write_text(original)
    assert result.exit_code == 1
    assert "error[LIFE001]" in result.output and "appeals-training" in result.output


def test_training_page_banner_links_to_the_policy_diff(repo, tmp_path):
    out = built(repo, tmp_path, "internal")
    page = (out / "training/appeals-training/index.html").read_text()
    assert "has changed since it was last updated" in page
    assert 'href="../../policies/appeals-policy/changes/2.0..3.0/"' in page


def test_digest_carries_a_what_changed_block(repo):
    runner = CliRunner()
    config = str(repo / "site_config.yml")
    text = runner.invoke(main, ["digest", "--since", "2026-04-01", "--until", "2026-05-31", "--format", "text",
                                "--today", "2026-06-01", "--config", config])
    assert text.exit_code == 0, text.output
    assert "What changed in version 3.0 (since 2.0)" in text.output
    assert "Scope (changed)" in text.output
    assert "policies/appeals-policy/changes/2.0..3.0/" in text.output
    data = json.loads(runner.invoke(main, ["digest", "--since", "2026-04-01", "--until", "2026-05-31",
                                           "--format", "json", "--today", "2026-06-01", "--config", config]).output)
    policy = next(i for s in data["sections"] for i in s["items"] if i["id"] == "appeals-policy")
    assert policy["details"]["what_changed"]["sections"] == ["Scope (changed)"]
    earlier = runner.invoke(main, ["digest", "--since", "2026-06-01", "--until", "2026-06-30", "--format", "text",
                                   "--today", "2026-07-01", "--config", config])
    assert "What changed" not in earlier.output


def test_no_git_falls_back_to_the_change_log_with_a_note(tmp_path):
    root = tmp_path / "nogit"
    init_site(root)
    out = tmp_path / "out"
    build(load_config(root / "site_config.yml"), out_dir=out)
    history = next(out.glob("policies/*/history/index.html")).read_text()
    assert "change log only" in history and "not in a git repository" in history


def test_diff_page_collapses_unchanged_sections_and_calls_out_added_and_removed_ones(repo, tmp_path):
    out = built(repo, tmp_path, "internal")
    later = (out / "policies/appeals-policy/changes/2.0..3.0/index.html").read_text()
    assert re.search(r'<details class="diff-section diff-unchanged"><summary>.*Unchanged</span> How to report'
                     r'</summary>', later)
    copy = tmp_path / "copy"
    shutil.copytree(repo, copy)
    policy = copy / "content" / "policies" / "appeals.md"
    policy.write_text(policy.read_text().replace('"3.0"', '"4.0"').replace("## How to report", "## Fees")
                      .replace("Report problems to the support team.", "Appeals cost nothing at all, ever."))
    data = json.loads(CliRunner().invoke(main, ["diff", "appeals-policy", "--format", "json",
                                                "--config", str(copy / "site_config.yml")]).output)
    assert [(s["status"], s["old_title"], s["new_title"]) for s in data["sections"]] == [
        ("unchanged", "Scope", "Scope"), ("removed", "How to report", None), ("added", None, "Fees")]
    html = CliRunner().invoke(main, ["diff", "appeals-policy", "--format", "html",
                                     "--config", str(copy / "site_config.yml")]).output
    assert '<span class="diff-badge diff-badge-removed">Removed</span> How to report' in html
    assert '<span class="diff-badge diff-badge-added">Added</span> Fees' in html


def test_kc_diff_text_marks_words_for_the_terminal(repo):
    result = CliRunner().invoke(main, ["diff", "appeals-policy", "--from", "1.0", "--to", "2.0",
                                       "--config", str(repo / "site_config.yml")])
    assert result.exit_code == 0, result.output
    assert "Appeals Policy: version 1.0 → 2.0" in result.output
    assert "[-30-]{+14+}" in result.output
    assert 'heading renamed from "Reporting window"' in result.output


def test_playbook_citing_a_changed_policy_may_be_out_of_date(repo, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(repo, copy)
    playbook = copy / "content" / "playbooks" / "example-playbook.md"
    playbook.write_text(playbook.read_text().replace("policies: [example-policy]",
                                                     "policies: [example-policy, appeals-policy]\nupdated: 2026-04-01"))
    site = check(load_config(copy / "site_config.yml"))
    found = [d for d in site.diagnostics if d.code == "LIFE002"]
    assert len(found) == 1 and found[0].severity.value == "warning"
    assert "playbook 'example-playbook' (updated 2026-04-01) may be out of date" in found[0].message
    assert "policy 'appeals-policy' changed to version 3.0 on 2026-05-01" in found[0].message
    assert "kc diff appeals-policy" in found[0].hint


def test_a_shallow_clone_uses_the_change_log_and_says_so(repo, tmp_path):
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", repo.resolve().as_uri(), str(clone)], check=True,
                   capture_output=True)
    out = tmp_path / "out"
    build(load_config(clone / "site_config.yml"), out_dir=out)
    history = (out / "policies/appeals-policy/history/index.html").read_text()
    assert "shallow clone" in history and "<td>3.0</td>" in history
    assert not (out / "policies/appeals-policy/changes").exists()
    result = CliRunner().invoke(main, ["diff", "appeals-policy", "--config", str(clone / "site_config.yml")])
    assert result.exit_code == 2 and "shallow clone" in result.output
