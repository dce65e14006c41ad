"""`kc new TYPE "Title"`: a document kc check accepts at once, apart from named placeholders."""
from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from generator import pipeline
from generator.cli import main
from generator.config import CONTENT_TYPES

from .conftest import TODAY

ONE_TEAM = "ts:\n  name: Trust & Safety\n  contact: ts@example.com\n"
TWO_TEAMS = ONE_TEAM + "legal:\n  name: Legal\n  contact: legal@example.com\n"
POLICY = ("---\nid: scams\ntitle: Scams\nowner: ts\nversion: '1.0'\neffective: 2026-01-01\n---\n\n"
          "## Rules\n\nNo scams.\n")


def kc_new(config, *args):
    old = os.getcwd()
    os.chdir(config.root)
    try:
        return CliRunner().invoke(main, ["new", *args])
    finally:
        os.chdir(old)


@pytest.mark.parametrize("doc_type", CONTENT_TYPES)
def test_new_document_checks_clean_except_its_named_placeholders(make_site, doc_type):
    config = make_site({"content/teams.yml": ONE_TEAM, "content/policies/scams.md": POLICY})
    result = kc_new(config, doc_type, "Romance Scams: First Contact")
    assert result.exit_code == 0, result.output
    folder = {"policy": "policies", "playbook": "playbooks", "training": "training",
              "newsletter": "newsletters", "faq": "faqs"}[doc_type]
    path = config.content_path / folder / "romance-scams-first-contact.md"
    assert f"Created content/{folder}/romance-scams-first-contact.md" in result.output
    text = path.read_text(encoding="utf-8")
    assert 'title: "Romance Scams: First Contact"' in text
    assert "\n# tags: " in text and "\n# review_by: " in text   # optional fields as comments
    site = pipeline.check(config, today=TODAY)
    problems = [(d.code, d.message) for d in site.diagnostics]
    if doc_type == "playbook":   # a playbook must name its policies: kc cannot guess them
        assert problems == [("XREF001", "unknown reference 'choose-a-policy'")]
        assert "to do: policies: replace 'choose-a-policy'" in result.output
    else:
        assert problems == []
    doc, = [d for d in site.documents if d.id == "romance-scams-first-contact"]
    assert doc.type == doc_type and doc.get("status", "active") == "active"
    if doc_type in ("policy", "playbook", "training"):
        assert doc.get("owner") == "ts"   # the only team
    if doc_type == "policy":
        assert doc.get("version") == "1.0"


def test_body_skeleton_per_type(make_site):
    config = make_site({"content/teams.yml": ONE_TEAM})
    kc_new(config, "playbook", "Doxxing")
    kc_new(config, "training", "Doxxing Review")
    playbook = (config.content_path / "playbooks" / "doxxing.md").read_text(encoding="utf-8")
    assert "## Steps\n\n1. " in playbook and "## Escalation" in playbook
    training = (config.content_path / "training" / "doxxing-review.md").read_text(encoding="utf-8")
    assert "## Objectives" in training and "# quiz:" in training and "#     answer: \"The right answer\"" in training


def test_owner_is_a_placeholder_kc_check_names_when_there_are_several_teams(make_site):
    config = make_site({"content/teams.yml": TWO_TEAMS})
    result = kc_new(config, "policy", "Spam")
    assert "to do: owner: replace 'choose-a-team' with a team id (legal, ts)" in result.output
    site = pipeline.check(config, today=TODAY)
    assert [(d.code, d.line) for d in site.diagnostics] == [("TEAM001", 4)]


def test_new_never_overwrites(make_site):
    config = make_site({"content/teams.yml": ONE_TEAM, "content/policies/scams.md": POLICY})
    result = kc_new(config, "policy", "Scams")
    assert result.exit_code == 2
    assert "already exists" in result.output and "never overwrites" in result.output
    assert (config.content_path / "policies" / "scams.md").read_text(encoding="utf-8") == POLICY
    assert kc_new(config, "policy", "Scams", "--id", "scams-v2").exit_code == 0


def test_a_title_without_latin_letters_asks_for_an_id(make_site):
    config = make_site({"content/teams.yml": ONE_TEAM})
    result = kc_new(config, "faq", "何ですか")
    assert result.exit_code == 2 and "--id" in result.output
    assert kc_new(config, "faq", "何ですか", "--id", "what-is-it").exit_code == 0
    assert 'title: "何ですか"' in (config.content_path / "faqs" / "what-is-it.md").read_text(encoding="utf-8")
