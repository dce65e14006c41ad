"""Moved and renamed documents: `aliases:` keep old addresses and old references working."""
from __future__ import annotations

import re

from generator import pipeline
from generator.build import build

from .build_support import broken_links
from .conftest import TODAY

TEAMS = "t1:\n  name: Team One\n  contact: t1@example.com\n"
RENAMED = ("---\nid: online-harassment\ntitle: Online Harassment\nowner: t1\nversion: '2'\n"
           "effective: 2026-01-01\naudience: {audience}\n"
           "aliases: [harassment, /policies/bullying-rules/, old/harassment.html]\n---\n## Enforcement\n")
FAQ = ("---\nid: report-it\ntitle: Report It\naudience: public\n---\n"
       "Read [[harassment#enforcement]] or [[harassment|the rules]].\n")
PLAYBOOK = ("---\nid: harassment-response\ntitle: Harassment Response\nowner: t1\n"
            "policies: [harassment]\n---\nSteps.\n")


def files(audience: str = "public") -> dict[str, str]:
    return {"content/teams.yml": TEAMS, "content/policies/online-harassment.md": RENAMED.format(audience=audience),
            "content/faqs/report-it.md": FAQ, "content/playbooks/harassment-response.md": PLAYBOOK}


def test_old_ids_still_resolve_with_a_warning_naming_the_new_id(check_files):
    site = check_files(files())
    found = [(d.code, d.path, d.line, d.column) for d in site.diagnostics]
    assert found == [("XREF007", "content/faqs/report-it.md", 6, 6),
                     ("XREF007", "content/faqs/report-it.md", 6, 36),
                     ("XREF007", "content/playbooks/harassment-response.md", 5, 12)]
    warning = next(iter(site.diagnostics))
    assert "online-harassment" in warning.message and "online-harassment" in warning.hint


def test_renamed_document_keeps_every_link_and_old_address_working(make_site, tmp_path):
    config = make_site(files(), config="title: T\nbase_url: https://kc.example.com/kc/\n")
    out = tmp_path / "out"
    build(config, out_dir=out, audience="internal", today=TODAY)
    faq = (out / "faqs/report-it/index.html").read_text()
    assert '<a class="ref" href="../../policies/online-harassment/#enforcement">Online Harassment</a>' in faq
    assert '<a class="ref" href="../../policies/online-harassment/">the rules</a>' in faq
    playbook = (out / "playbooks/harassment-response/index.html").read_text()
    assert 'href="../../policies/online-harassment/"' in playbook
    for old, target in (("policies/harassment/index.html", "../../policies/online-harassment/"),
                        ("policies/bullying-rules/index.html", "../../policies/online-harassment/"),
                        ("old/harassment.html", "../policies/online-harassment/")):
        page = (out / old).read_text()
        assert f'<meta http-equiv="refresh" content="0; url={target}">' in page, old
        assert '<link rel="canonical" href="https://kc.example.com/kc/policies/online-harassment/">' in page
        assert "<script" not in page
        assert (out / old).parent.joinpath(target, "index.html").resolve().is_file()
    assert broken_links(out, "/kc/") == []
    sitemap = (out / "sitemap.xml").read_text()
    assert "online-harassment/" in sitemap and "bullying-rules" not in sitemap and "old/harassment" not in sitemap


def test_no_redirect_to_a_page_this_audience_may_not_see(make_site, tmp_path):
    docs = files(audience="internal")
    del docs["content/faqs/report-it.md"]   # a public FAQ may not cite an internal policy
    config = make_site(docs)
    out = tmp_path / "out"
    build(config, out_dir=out, audience="public", today=TODAY)
    assert not (out / "policies/harassment").exists() and not (out / "old").exists()
    assert not any("online-harassment" in p.read_text() for p in out.rglob("*.html"))


def test_aliases_that_cannot_redirect_are_errors_at_the_alias(check_files):
    other = ("---\nid: other-policy\ntitle: Other\nowner: t1\nversion: '1'\neffective: 2026-01-01\n"
             "aliases: [report-it, harassment, ../escape, 'a b']\n---\nText.\n")
    site = check_files(dict(files(), **{"content/policies/other-policy.md": other}))
    alias_errors = [(d.path, d.line, d.column) for d in site.diagnostics if d.code == "ALIAS001"]
    assert alias_errors == [("content/policies/online-harassment.md", 8, 11),   # both claim 'harassment'
                            ("content/policies/other-policy.md", 7, 11),
                            ("content/policies/other-policy.md", 7, 22),
                            ("content/policies/other-policy.md", 7, 34),
                            ("content/policies/other-policy.md", 7, 45)]
    messages = [d.message for d in site.diagnostics if d.code == "ALIAS001"]
    assert any("report-it" in m for m in messages) and any("neither" in m for m in messages)
    assert re.search(r"also an alias", " ".join(messages))
