"""Every link kc check accepts works in the built site; every link it cannot vouch for is a
diagnostic at the link's line and column.

The build-level guarantee is checked by an independent link checker (html.parser over the
output, tests/build_support.broken_links) on the sample site and on a generated corpus.
"""
from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from generator import load_config, pipeline
from generator.build import build

from .build_support import broken_links
from .test_files import png
from .conftest import ROOT, TODAY

TEAMS = "t1:\n  name: Team One\n  contact: t1@example.com\n"


def policy(doc_id: str, body: str, audience: str = "public") -> str:
    return (f"---\nid: {doc_id}\ntitle: {doc_id.title()}\nowner: t1\nversion: '1'\n"
            f"effective: 2026-01-01\naudience: {audience}\n---\n{body}")


def faq(doc_id: str, body: str, audience: str = "public") -> str:
    return f"---\nid: {doc_id}\ntitle: {doc_id.title()}\naudience: {audience}\n---\n{body}"


def found(site, code: str) -> list[tuple[str, int, int]]:
    return [(d.path, d.line, d.column) for d in site.diagnostics if d.code == code]


# --- links kc check catches ----------------------------------------------------------

def test_md_link_with_trailing_slash_is_checked_like_any_md_link(check_files):
    site = check_files({"content/teams.yml": TEAMS,
                        "content/faqs/roles.md": faq("roles", "## Scribe\n"),
                        "content/faqs/a.md": faq("a", "Ask the [scribe](roles.md/#scribe).\n"
                                                      "Or [nobody](nobody.md/#x).\n")})
    assert found(site, "XREF004") == [("content/faqs/a.md", 7, 13)]
    assert found(site, "XREF002") == []


def test_md_link_with_trailing_slash_to_a_missing_anchor_is_an_error(check_files):
    site = check_files({"content/teams.yml": TEAMS,
                        "content/faqs/roles.md": faq("roles", "## Scribe\n"),
                        "content/faqs/a.md": faq("a", "Ask the [scribe](roles.md/#writer).\n")})
    assert found(site, "XREF002") == [("content/faqs/a.md", 6, 18)]


def test_site_absolute_link_to_a_missing_page_is_an_error_at_its_column(check_files):
    site = check_files({"content/teams.yml": TEAMS,
                        "content/policies/x.md": policy("x", "## Rules\n"),
                        "content/faqs/a.md": faq("a", "Good: [x](/policies/x/#rules).\n\n"
                                                      "Bad: [y](/policies/y/).\n")})
    assert found(site, "XREF005") == [("content/faqs/a.md", 8, 10)]
    assert found(site, "XREF002") == []
    diagnostic = next(d for d in site.diagnostics if d.code == "XREF005")
    assert "/policies/y/" in diagnostic.message and "[[" in diagnostic.hint


def test_site_absolute_link_gets_the_audience_check(check_files):
    site = check_files({"content/teams.yml": TEAMS,
                        "content/policies/x.md": policy("x", "## Rules\n", audience="internal"),
                        "content/faqs/a.md": faq("a", "See [x](/policies/x/).\n")})
    assert found(site, "AUD001") == [("content/faqs/a.md", 6, 9)]


def test_md_links_in_raw_html_are_checked(check_files):
    site = check_files({"content/teams.yml": TEAMS,
                        "content/faqs/roles.md": faq("roles", "## Scribe\n"),
                        "content/faqs/a.md": faq("a", '<p>Ask <a href="roles.md#scribe">her</a>.</p>\n\n'
                                                      'Text <a href="gone.md">gone</a> and '
                                                      '<a href="roles.md#nope">nope</a>.\n')})
    assert found(site, "XREF004") == [("content/faqs/a.md", 8, 15)]
    assert found(site, "XREF002") == [("content/faqs/a.md", 8, 46)]


def test_same_page_fragment_to_a_missing_anchor_is_an_error(check_files):
    body = ("## Steps {#how}\n\n## Appeals\n\n<a name=\"legacy\"></a>\n\n"
            "[a](#how) [b](#appeals) [c](#legacy) [d](#kc-cited-by) [e](#steps)\n")
    site = check_files({"content/teams.yml": TEAMS, "content/faqs/a.md": faq("a", body)})
    assert found(site, "XREF006") == [("content/faqs/a.md", 12, 60)]
    hint = next(d for d in site.diagnostics if d.code == "XREF006").hint
    assert "how" in hint and "appeals" in hint and "legacy" in hint


def test_raw_html_anchors_count_for_references_from_other_documents(check_files):
    target = faq("rules", '<a name="old-name"></a>\n\n<span id="kept">x</span>\n\n'
                          '<article id="stripped">the sanitizer drops article tags</article>\n')
    site = check_files({"content/teams.yml": TEAMS, "content/faqs/rules.md": target,
                        "content/faqs/a.md": faq("a", "[[rules#old-name]] [[rules#kept]]\n"
                                                      "[x](rules.md#stripped)\n")})
    assert found(site, "XREF002") == [("content/faqs/a.md", 7, 5)]


# --- what the build makes of them ------------------------------------------------------

@pytest.fixture
def linked_site(make_site):
    """Every link form kc check accepts, in one small public site."""
    files = {
        "content/teams.yml": TEAMS,
        "content/policies/spam.md": policy("spam", (
            "## Tiers\n\n<a name=\"legacy\"></a>\n\n<span id=\"raw\">x</span>\n\n"
            "[roles](../faqs/roles.md/#scribe) [abs](/faqs/roles/) [abs2](/faqs/roles/index.html#scribe)\n"
            "[self](#tiers) [legacy](#legacy) [raw](#raw)\n\n"
            "<div>\n<a href=\"../faqs/roles.md#scribe\">block html</a>\n</div>\n\n"
            "Inline <a href=\"../faqs/roles.md/\">html</a>.\n\n"
            "![Flow](flow.png) [the data](../assets/data.csv)\n")),
        "content/policies/flow.png": png(12, 8),
        "content/assets/data.csv": "a,b\n1,2\n",
        "content/faqs/roles.md": faq("roles", "## Scribe\n\n[[spam#legacy]] [back](/policies/spam/#raw)\n"),
        "content/faqs/secret.md": faq("secret", "## Hidden\n", audience="internal"),
        "content/policies/internal-only.md": policy("internal-only", "[s](/faqs/secret/)\n", "internal"),
    }
    return make_site(files, config="title: T\nbase_url: https://kc.example.com/kc/\n")


def test_accepted_links_are_rewritten_to_relative_page_urls(linked_site, tmp_path):
    assert not pipeline.check(linked_site, today=TODAY).diagnostics.has_errors()
    out = tmp_path / "out"
    build(linked_site, out_dir=out, audience="public", today=TODAY)
    html = (out / "policies/spam/index.html").read_text()
    assert '<a href="../../faqs/roles/#scribe">roles</a>' in html
    assert '<a href="../../faqs/roles/">abs</a>' in html
    assert '<a href="../../faqs/roles/#scribe">abs2</a>' in html
    assert '<a href="../../faqs/roles/#scribe">block html</a>' in html
    assert '<a href="../../faqs/roles/">html</a>' in html
    assert '<a id="legacy"></a>' in html
    assert '<img src="../../files/policies/flow.png" alt="Flow" width="12" height="8" loading="lazy">' in html
    assert broken_links(out, "/kc/") == []


# --- the build-level guarantee ---------------------------------------------------------

def test_sample_site_has_no_broken_internal_link_anchor_or_image(tmp_path):
    config = load_config(ROOT / "site_config.yml")
    assert not pipeline.check(config, today=TODAY).diagnostics.has_errors()
    for audience in ("public", "internal"):
        out = tmp_path / audience
        build(config, out_dir=out, audience=audience, today=TODAY)
        assert broken_links(out, "/") == [], audience


def test_generated_corpus_has_no_broken_internal_link_anchor_or_image(tmp_path, linked_site):
    spec = importlib.util.spec_from_file_location("corpus", ROOT / "bench" / "corpus.py")
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    root = tmp_path / "generated"
    corpus.generate(root, 300)
    extra = linked_site.content_path   # the hand-written link forms, next to the generated ones
    (root / "content" / "assets").mkdir()
    for doc in ("policies/spam.md", "faqs/roles.md", "policies/flow.png", "assets/data.csv"):
        shutil.copy(extra / doc, root / "content" / doc)
    with open(root / "content" / "teams.yml", "a", encoding="utf-8") as teams:
        teams.write(TEAMS)
    config = load_config(root / "site_config.yml")
    assert not pipeline.check(config, today=TODAY).diagnostics.has_errors()
    out = tmp_path / "out"
    result = build(config, out_dir=out, audience="internal", today=TODAY)
    assert result.documents >= 300
    assert broken_links(out, config.base_path) == []
