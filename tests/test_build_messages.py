"""What `kc build` and `kc check` tell the author: warnings in full, a refusal that says the
site was not updated, and why documents were left out of the build."""
from __future__ import annotations

import os

from click.testing import CliRunner

from generator.cli import main

from .corpus_helpers import base_corpus, doc, policy


def kc(config, *args):
    old = os.getcwd()
    os.chdir(config.root)
    try:
        return CliRunner().invoke(main, list(args))
    finally:
        os.chdir(old)


def test_build_prints_its_warnings_not_only_their_count(make_site):
    config = make_site(base_corpus() | {"content/faqs/a.md": doc("id: qa\ntitle: A?\nreveiw_by: 2027-01-01")})
    result = kc(config, "build")
    assert result.exit_code == 0, result.output
    assert "content/faqs/a.md:4:1: warning[FM003] unknown field `reveiw_by` for a faq" in result.output
    assert "hint: did you mean 'review_by'?" in result.output
    assert "(1 warning)" in result.output


def test_a_refused_build_says_the_site_was_not_updated(make_site):
    config = make_site(base_corpus())
    assert kc(config, "build").exit_code == 0
    home = (config.root / "site" / "index.html").read_bytes()
    (config.root / "content/faqs").mkdir()
    (config.root / "content/faqs/a.md").write_text(doc("id: qa\ntitle: A?\npolicies: [spma]"), encoding="utf-8")
    result = kc(config, "build")
    assert result.exit_code == 1
    assert "error[XREF001] unknown reference 'spma'" in result.output
    assert "The site was not updated: fix the errors above" in result.output
    assert (config.root / "site" / "index.html").read_bytes() == home


def test_summaries_explain_documents_left_out(make_site):
    config = make_site(base_corpus() | {
        "content/policies/draft.md": policy("draft-one", "status: draft\naudience: internal"),
        "content/policies/inside.md": policy("inside", "audience: internal"),
        "content/policies/secret.md": policy("secret", "audience: restricted")})
    checked = kc(config, "check")
    assert "✓ 5 documents checked, no problems; kc build leaves out 1 draft (add --drafts)" in checked.output
    internal = kc(config, "build")
    assert internal.exit_code == 0, internal.output
    assert ("(0 warnings); not built: 1 draft (add --drafts), 1 restricted document "
            "(--audience restricted)") in internal.output
    public = kc(config, "build", "--audience", "public", "--drafts", "--out", "public-site")
    assert ("not built: 2 internal documents (--audience internal), 1 restricted document "
            "(--audience restricted)") in public.output
    everything = kc(config, "build", "--audience", "restricted", "--drafts", "--out", "all-site")
    assert "not built" not in everything.output
