"""What each diagnostic tells the user: the suggestion, the cycle, the anchors, the column."""
from __future__ import annotations

from .corpus_helpers import base_corpus, doc, policy


def diags(check_files, files):
    return list(check_files(base_corpus() | files).diagnostics)


def training(id_, prereqs):
    return doc(f"id: {id_}\ntitle: T {id_}\nowner: policy\nprerequisites: [{', '.join(prereqs)}]")


def test_prerequisite_cycle_is_reported_once_with_its_path(check_files):
    found = diags(check_files, {
        "content/training/t-one.md": training("t-one", ["t-two"]),
        "content/training/t-two.md": training("t-two", ["t-three"]),
        "content/training/t-three.md": training("t-three", ["t-one"]),
    })
    assert [(d.code, d.path, d.line) for d in found] == [("CYCLE001", "content/training/t-one.md", 5)]
    assert "t-one → t-two → t-three → t-one" in found[0].message


def test_supersedes_cycle(check_files):
    found = diags(check_files, {
        "content/policies/old.md": policy("old", "supersedes: new"),
        "content/policies/new.md": policy("new", "supersedes: old"),
    })
    assert [d.code for d in found] == ["CYCLE001"]
    assert "new → old → new" in found[0].message


def test_reference_to_retired_document_names_its_newest_successor(check_files):
    found = diags(check_files, {
        "content/policies/v1.md": policy("spam-v1", "status: retired"),
        "content/policies/v2.md": policy("spam-v2", "status: retired\nsupersedes: spam-v1"),
        "content/policies/v3.md": policy("spam-v3", "supersedes: spam-v2"),
        "content/faqs/qa.md": doc("id: qa\ntitle: A?\naudience: public", "See [[spam-v1]].\n"),
    })
    assert [(d.code, d.path, d.line, d.column) for d in found] == [("STATUS002", "content/faqs/qa.md", 6, 5)]
    assert "spam-v3" in found[0].hint


def test_successor_may_mention_what_it_replaces(check_files):
    found = diags(check_files, {
        "content/policies/v1.md": policy("spam-v1", "status: retired"),
        "content/policies/v2.md": policy("spam-v2", "supersedes: spam-v1", "Replaces [[spam-v1]].\n"),
    })
    assert found == []


def test_unknown_reference_suggests_closest_id_at_its_column(check_files):
    [found] = diags(check_files, {"content/faqs/qa.md": doc("id: qa\ntitle: A?\naudience: public",
                                                            "Please read  [[hate-speach#enforcement]].\n")})
    assert (found.code, found.line, found.column) == ("XREF001", 6, 14)
    assert "hate-speech" in found.hint


def test_unknown_anchor_lists_the_targets_anchors(check_files):
    [found] = diags(check_files, {"content/faqs/qa.md": doc("id: qa\ntitle: A?\naudience: public",
                                                            "[[spam#appeal|appeals]]\n")})
    assert found.code == "XREF002" and "enforcement" in found.hint


def test_explicit_heading_id_is_a_valid_anchor(check_files):
    found = diags(check_files, {
        "content/policies/p2.md": policy("p2", body="## How we enforce {#enforce}\n\nText.\n"),
        "content/faqs/qa.md": doc("id: qa\ntitle: A?\naudience: public",
                                  "[[p2#enforce]] and [x](../policies/p2.md#enforce)\n"),
    })
    assert found == []


def test_duplicate_id_names_both_files(check_files):
    first, second = diags(check_files, {"content/policies/zz.md": policy("spam")})
    assert first.code == second.code == "ID001"
    assert (first.path, second.path) == ("content/policies/spam.md", "content/policies/zz.md")
    assert "content/policies/zz.md" in first.message and "content/policies/spam.md" in second.message


def test_wrong_enum_names_the_allowed_values(check_files):
    [found] = diags(check_files, {"content/faqs/qa.md": doc("id: qa\ntitle: A?\naudience: everyone")})
    assert found.code == "FM002" and all(v in found.hint for v in ("public", "internal", "restricted"))


def test_unknown_key_suggests_the_intended_field(check_files):
    [found] = diags(check_files, {"content/faqs/qa.md": doc("id: qa\ntitle: A?\nreveiw_by: 2027-01-01")})
    assert (found.code, found.column) == ("FM003", 1) and "review_by" in found.hint


def test_unknown_team_suggests_closest(check_files):
    [found] = diags(check_files, {"content/policies/p2.md": policy("p2").replace("owner: policy",
                                                                                  "owner: polcy")})
    assert found.code == "TEAM001" and "'policy'" in found.hint


def test_front_matter_leak_is_reported(check_files):
    found = diags(check_files, {
        "content/policies/secret.md": policy("secret").replace("audience: public", "audience: internal"),
        "content/faqs/qa.md": doc("id: qa\ntitle: A?\naudience: public\npolicies:\n  - spam\n  - secret"),
    })
    assert [(d.code, d.line) for d in found] == [("AUD001", 7)]


def test_internal_may_not_reference_restricted_but_restricted_may_reference_internal(check_files):
    found = diags(check_files, {
        "content/faqs/qa.md": doc("id: qa\ntitle: A?\naudience: internal", "[[qb]]\n"),
        "content/faqs/qb.md": doc("id: qb\ntitle: B?\naudience: restricted", "[[qa]]\n"),
    })
    assert [(d.code, d.path) for d in found] == [("AUD001", "content/faqs/qa.md")]


def test_unreadable_file_is_reported_and_others_still_checked(check_files, tmp_path):
    (tmp_path / "content/faqs/broken.md").mkdir(parents=True)  # a folder named like a document
    found = diags(check_files, {"content/faqs/qa.md": doc("id: qa\ntitle: A?", "[[nope]]\n")})
    assert [d.code for d in found] == ["LOAD001", "XREF001"]


def test_every_problem_in_a_file_is_reported_not_just_the_first(check_files):
    found = diags(check_files, {"content/playbooks/pb.md": doc(
        "id: pb\ntitle: B\nowner: nobody\npolicies: [spam, nope]\nseverity: sev9\nreveiw_by: 2027-01-01",
        "[[missing]]\n")})
    assert [(d.code, d.line) for d in found] == [
        ("TEAM001", 4), ("XREF001", 5), ("FM002", 6), ("FM003", 7), ("XREF001", 9)]
