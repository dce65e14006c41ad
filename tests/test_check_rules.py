"""One small bad corpus per diagnostic: each asserts the code, the file and the line."""
from __future__ import annotations

import pytest

from .corpus_helpers import base_corpus, doc, policy


def diagnostics_of(check_files, files):
    corpus = base_corpus() | files
    return [(d.code, d.path, d.line) for d in check_files(corpus).diagnostics]


def only(check_files, files):
    found = diagnostics_of(check_files, files)
    assert len(found) == 1, found
    return found[0]


CASES = {
    # name: (files, expected (code, path, line))
    "non-utf8": ({"content/faqs/a.md": b"---\nid: qa\ntitle: caf\xe9\n---\nx\n"},
                 ("LOAD002", "content/faqs/a.md", 3)),
    "no front matter": ({"content/faqs/a.md": "# Just text\n"}, ("LOAD003", "content/faqs/a.md", 1)),
    "malformed yaml": ({"content/faqs/a.md": "---\nid: qa\ntitle: [unclosed\naudience: public\n---\nx\n"},
                       ("YAML001", "content/faqs/a.md", 4)),
    "front matter not a mapping": ({"content/faqs/a.md": "---\n- a\n- b\n---\nx\n"},
                                   ("YAML001", "content/faqs/a.md", 2)),
    "missing title": ({"content/faqs/a.md": doc("id: qa\naudience: public")},
                      ("FM001", "content/faqs/a.md", 1)),
    "missing policy version": ({"content/policies/p.md": doc(
        "id: qp\ntitle: P\nowner: policy\neffective: 2026-01-01")}, ("FM001", "content/policies/p.md", 1)),
    "bad enum": ({"content/faqs/a.md": doc("id: qa\ntitle: A?\naudience: public\nstatus: published")},
                 ("FM002", "content/faqs/a.md", 5)),
    "bad date": ({"content/faqs/a.md": doc("id: qa\ntitle: A?\nupdated: last week")},
                 ("FM002", "content/faqs/a.md", 4)),
    "bad id": ({"content/faqs/a.md": doc("id: Bad_Id\ntitle: A?")}, ("FM002", "content/faqs/a.md", 2)),
    "bad response time": ({"content/playbooks/b.md": doc(
        "id: qb\ntitle: B\nowner: policy\npolicies: [spam]\nresponse_time: soon")},
        ("FM002", "content/playbooks/b.md", 6)),
    "unknown key": ({"content/faqs/a.md": doc("id: qa\ntitle: A?\nreveiw_by: 2027-01-01")},
                    ("FM003", "content/faqs/a.md", 4)),
    "type mismatch": ({"content/faqs/a.md": doc("id: qa\ntitle: A?\ntype: policy")},
                      ("TYPE001", "content/faqs/a.md", 4)),
    "outside type folders": ({"content/misc/a.md": doc("id: qa\ntitle: A")},
                             ("TYPE001", "content/misc/a.md", 1)),
    "unknown reference": ({"content/faqs/a.md": doc("id: qa\ntitle: A?\naudience: public",
                                                     "Intro.\n\nSee [[spma]].\n")},
                          ("XREF001", "content/faqs/a.md", 8)),
    "unknown anchor": ({"content/faqs/a.md": doc("id: qa\ntitle: A?\naudience: public",
                                                  "See [[spam#appeals]].\n")},
                       ("XREF002", "content/faqs/a.md", 6)),
    "wrong reference type": ({"content/playbooks/b.md": doc(
        "id: qb\ntitle: B\nowner: policy\npolicies:\n  - spam\n  - qc"),
        "content/faqs/c.md": doc("id: qc\ntitle: C?")}, ("XREF003", "content/playbooks/b.md", 7)),
    "broken relative link": ({"content/faqs/a.md": doc("id: qa\ntitle: A?\naudience: public",
                                                        "Read [this](../policies/nope.md).\n")},
                             ("XREF004", "content/faqs/a.md", 6)),
    "unknown team": ({"content/playbooks/b.md": doc(
        "id: qb\ntitle: B\nowner: policy\npolicies: [spam]\nescalate_to: [escalation]")},
        ("TEAM001", "content/playbooks/b.md", 6)),
    "invalid team registry": ({"content/teams.yml": "policy:\n  name: Policy\n  contact: p@example.com\n"
                                                    "escalations:\n  name: Esc\n"},
                              ("TEAM002", "content/teams.yml", 4)),
    "audience leak": ({"content/faqs/a.md": doc("id: qa\ntitle: A?\naudience: public",
                                                 "Line one.\nSee [[qb]].\n"),
                       "content/faqs/b.md": doc("id: qb\ntitle: B?\naudience: restricted")},
                      ("AUD001", "content/faqs/a.md", 7)),
    "active references draft": ({"content/faqs/a.md": doc("id: qa\ntitle: A?\naudience: public\npolicies: [qd]"),
                                 "content/policies/d.md": policy("qd", "status: draft")},
                                ("STATUS001", "content/faqs/a.md", 5)),
    "quiz answer out of range": ({"content/training/t.md": doc(
        "id: qt\ntitle: T\nowner: policy\nquiz:\n  - question: Q?\n    choices: [a, b]\n    answer: 2")},
        ("QUIZ001", "content/training/t.md", 8)),
    "review date passed": ({"content/faqs/a.md": doc("id: qa\ntitle: A?\nreview_by: 2026-01-01")},
                           ("REVIEW001", "content/faqs/a.md", 4)),
    "empty body": ({"content/faqs/a.md": doc("id: qa\ntitle: A?", "\n")}, ("BODY001", "content/faqs/a.md", 5)),
}


@pytest.mark.parametrize("name", CASES)
def test_each_problem_is_reported_once_at_its_line(check_files, name):
    files, expected = CASES[name]
    assert only(check_files, files) == expected


def test_base_corpus_is_clean(check_files):
    assert diagnostics_of(check_files, {}) == []
