"""Mistakes authors make, each answered with a message saying what, where and how to fix."""
from __future__ import annotations

import pytest

from generator.config import load_config
from generator.errors import ConfigError

from .corpus_helpers import base_corpus, doc, policy


def problems(check_files, files):
    return [(d.code, d.path, d.line, d.column, d.message, d.hint)
            for d in check_files(base_corpus() | files).diagnostics]


def test_a_tab_in_front_matter_is_named_as_a_tab(check_files):
    found = problems(check_files, {"content/faqs/a.md": "---\nid: qa\ntitle: A?\ntags:\n\t- x\n---\nText.\n"})
    (code, path, line, column, message, hint), = found
    assert (code, path, line, column) == ("YAML001", "content/faqs/a.md", 5, 1)
    assert "tab character" in message and "spaces" in message
    assert "replace the tab with spaces" in hint


def test_a_missing_closing_fence_is_reported_at_the_opening_line(check_files):
    found = problems(check_files, {"content/faqs/a.md": "---\nid: qa\ntitle: A?\n\n## Answer\n\nText.\n"})
    (code, path, line, _column, message, hint), = found
    assert (code, path, line) == ("FM004", "content/faqs/a.md", 1)
    assert "never closed" in message and "`---`" in hint


def test_text_where_a_list_is_expected_hints_the_list_syntax(check_files):
    found = problems(check_files, {"content/faqs/a.md": doc("id: qa\ntitle: A?\ntags: gambling")})
    (code, _path, line, _column, message, hint), = found
    assert (code, line) == ("FM002", 4)
    assert "must be a list" in message and "'gambling'" in message
    assert hint == "write it as a list in square brackets: `tags: [gambling]`"


def test_an_unquoted_hash_that_cuts_a_value_is_a_warning_with_the_quoting_hint(check_files):
    front = "id: qa\ntitle: A?\nsummary: Ask in #ts-policy\ntags: [a]   # a real comment"
    found = problems(check_files, {"content/faqs/a.md": doc(front)})
    (code, _path, line, column, message, hint), = found
    assert (code, line, column) == ("YAML002", 4, 10)
    assert "'Ask in'" in message and "#ts-policy" in message
    assert hint == 'put the value in quotes: summary: "Ask in #ts-policy"'


@pytest.mark.parametrize("name", ["content/faqs/a.markdown", "content/faqs/a.MD", "content/faqs/a.md.txt",
                                  "content/policies/Draft.Md"])
def test_look_alike_files_are_warned_about_not_skipped_silently(check_files, name):
    found = problems(check_files, {name: doc("id: qa\ntitle: A?")})
    (code, path, _line, _column, message, hint), = found
    assert (code, path) == ("LOAD004", name)
    assert "is not read" in message and ".md" in hint


def test_a_document_outside_the_type_folders_is_reported(check_files):
    found = problems(check_files, {"content/misc/a.md": doc("id: qa\ntitle: A?")})
    assert [(f[0], f[1]) for f in found] == [("TYPE001", "content/misc/a.md")]


def test_duplicate_ids_are_reported_on_both_files_without_cascading(check_files):
    found = problems(check_files, {
        "content/faqs/spam.md": doc("id: spam\ntitle: Is spam allowed?"),
        # another author's playbook cites `spam` (a policy, but now ambiguous): no follow-on error
        "content/playbooks/p.md": doc("id: pb\ntitle: PB\nowner: policy\npolicies: [spam]", "See [[spam#nowhere]].\n"),
    })
    assert sorted((f[0], f[1], f[2]) for f in found) == [
        ("ID001", "content/faqs/spam.md", 2), ("ID001", "content/policies/spam.md", 2)]
    by_path = {f[1]: f for f in found}
    assert "content/policies/spam.md also uses it" in by_path["content/faqs/spam.md"][4]
    assert "content/faqs/spam.md also uses it" in by_path["content/policies/spam.md"][4]


def test_misspelt_settings_get_a_did_you_mean_with_their_line(tmp_path):
    config = tmp_path / "site_config.yml"
    config.write_text("title: KC\nnavigation: [policy]\ndigest:\n  sendr: Me\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(config)
    text = str(error.value)
    assert f"{config}:2:1: unknown setting `navigation`; did you mean `nav`?" in text
    assert f"{config}:4:3: unknown setting `digest.sendr`; did you mean `sender`?" in text


def test_policy_helper_is_still_clean(check_files):
    assert problems(check_files, {"content/policies/extra.md": policy("extra")}) == []
