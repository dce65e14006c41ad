"""kc build: publish only clean content, atomically, deterministically, nothing leaks."""
from __future__ import annotations

import re
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from generator import build as build_module
from generator.errors import BuildFailed, ConfigError
from generator.serve import make_server
from generator.theme import TemplateError

from .build_support import broken_links, build_fixture, copy_fixture, files_containing, tree

AUDIENCES = ("public", "internal", "restricted")
INTERNAL_CANARY = "CANARY-INTERNAL-91bc"
RESTRICTED_CANARY = "CANARY-RESTRICTED-7f3a"


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The fixture site built once per audience (plus a --drafts build)."""
    tmp = tmp_path_factory.mktemp("builds")
    config = copy_fixture(tmp)
    outs = {}
    for audience in AUDIENCES:
        outs[audience] = tmp / f"out-{audience}"
        build_fixture(config, outs[audience], audience=audience)
    outs["drafts"] = tmp / "out-drafts"
    build_fixture(config, outs["drafts"], drafts=True)
    return outs


def page(out: Path, url: str) -> str:
    return (out / url / "index.html").read_text(encoding="utf-8")


# --- audiences: the canary tests ------------------------------------------------------

@pytest.mark.parametrize("canary", [RESTRICTED_CANARY, "canary-restricted-tag", "canary-restricted-region",
                                    "canary-restricted-anchor", "secret-methods", "Shadow Unit"])
@pytest.mark.parametrize("audience", ["public", "internal"])
def test_restricted_document_leaves_no_trace_below_restricted(builds, audience, canary):
    assert files_containing(builds[audience], canary) == []


@pytest.mark.parametrize("canary", [INTERNAL_CANARY, "canary-internal-tag", "internal-notes",
                                    "harassment-playbook", "On-call"])
def test_public_build_contains_nothing_internal(builds, canary):
    assert files_containing(builds["public"], canary) == []


def test_canaries_are_present_where_they_belong(builds):
    """The canary strings do reach the output of the audience allowed to see them."""
    assert files_containing(builds["restricted"], RESTRICTED_CANARY)
    assert files_containing(builds["internal"], INTERNAL_CANARY)


def test_cited_by_lists_only_visible_documents(builds):
    assert "Reviewer Notes" in page(builds["internal"], "policies/harassment")
    assert "Reviewer Notes" not in page(builds["public"], "policies/harassment")
    assert "Detection Methods" in page(builds["restricted"], "policies/harassment")


# --- drafts and retired documents -----------------------------------------------------

def test_drafts_are_built_only_with_drafts_flag(builds):
    assert files_containing(builds["internal"], "DRAFT-MARKER-55") == []
    draft = page(builds["drafts"], "policies/upcoming")
    assert 'class="banner banner-draft"' in draft
    assert "upcoming/" in page(builds["drafts"], "policies")     # a preview build lists drafts


def test_retired_document_is_built_with_banner_but_not_listed(builds):
    out = builds["internal"]
    retired = page(out, "policies/harassment-v1")
    assert "banner-retired" in retired and "data-pagefind-body" not in retired
    assert 'href="../../policies/harassment/"' in retired     # "use … instead" points at the successor
    nav_of_other_page = page(out, "policies/harassment").split('class="site-nav"')[1].split("</nav>")[0]
    assert "harassment-v1" not in nav_of_other_page
    catalog = page(out, "policies")
    listed, retired_part = catalog.split('id="retired"')
    assert "harassment-v1/" not in listed and "harassment-v1/" in retired_part
    assert "harassment-v1" not in (out / "sitemap.xml").read_text()


# --- rendering safety -----------------------------------------------------------------

def test_front_matter_and_raw_html_are_escaped_or_sanitized(builds):
    html = page(builds["public"], "policies/harassment")
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    assert "Harassment &amp; &lt;Bullying&gt;" in html          # title from front matter
    assert "&lt;script&gt;alert" in article                      # summary from front matter
    assert "<script" not in article
    assert not re.search(r"(href|src)\s*=\s*[\"']?\s*javascript:", html, re.IGNORECASE)
    assert "onclick" not in article and "onerror" not in article
    assert "tracker.example.net" not in html                     # no request leaves the host


def test_every_internal_link_and_anchor_resolves(builds):
    for audience in ("public", "internal", "restricted", "drafts"):
        assert broken_links(builds[audience], "/docs/") == [], audience


def test_links_are_relative_so_the_site_works_under_any_path(builds):
    html = page(builds["internal"], "policies/harassment")
    hrefs = re.findall(r'href="([^"]+)"', html)
    internal = [h for h in hrefs if not h.startswith(("http", "mailto:", "#"))]
    assert internal and all(not h.startswith("/") for h in internal)
    assert '<a href="../../faqs/report/#how-to-report">FAQ</a>' in html


def test_sitemap_uses_absolute_urls_of_listed_pages(builds):
    sitemap = (builds["internal"] / "sitemap.xml").read_text()
    assert "<loc>https://kc.example.com/docs/policies/harassment/</loc><lastmod>2026-03-01</lastmod>" in sitemap
    assert "<loc>https://kc.example.com/docs/</loc>" in sitemap
    assert "404" not in sitemap


def test_assets_are_fingerprinted_and_self_hosted(builds):
    out = builds["internal"]
    assets = sorted(p.name for p in (out / "assets").iterdir())
    assert any(re.fullmatch(r"kc\.[0-9a-f]{10}\.css", name) for name in assets)
    for html_file in out.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        for url in re.findall(r'(?:src|href)="(https?://[^"]+)"', text):
            assert url.startswith("https://git.example.com/"), f"{html_file}: external request {url}"
        assert "<link rel=\"stylesheet\" href=\"http" not in text


# --- atomicity and determinism --------------------------------------------------------

def test_content_errors_refuse_to_publish_and_keep_the_old_site(tmp_path):
    config = copy_fixture(tmp_path)
    out = tmp_path / "site"
    build_fixture(config, out)
    before = tree(out)
    doc = config.parent / "content" / "faqs" / "report.md"
    doc.write_text(doc.read_text().replace("policies: [harassment]", "policies: [no-such-policy]"))
    with pytest.raises(BuildFailed) as failed:
        build_fixture(config, out)
    assert [d.code for d in failed.value.diagnostics] == ["XREF001"]
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "src"]


def test_template_error_names_the_template_and_keeps_the_old_site(tmp_path):
    config = copy_fixture(tmp_path)
    out = tmp_path / "site"
    build_fixture(config, out)
    before = tree(out)
    broken = config.parent / "themes" / "broken"
    broken.mkdir(parents=True)
    (broken / "faq.html").write_text('{% extends "document.html" %}\n{% block body %}\n{{ doc.nope() }}\n{% endblock %}\n')
    config.write_text(config.read_text() + "theme: broken\n")
    with pytest.raises(TemplateError, match=r"faq\.html:3"):
        build_fixture(config, out)
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "src"]


def test_interrupted_build_keeps_the_old_site(tmp_path, monkeypatch):
    config = copy_fixture(tmp_path)
    out = tmp_path / "site"
    build_fixture(config, out)
    before = tree(out)

    def interrupt(_ctx, **_options):
        raise KeyboardInterrupt
    monkeypatch.setattr(build_module.feeds, "run", interrupt)
    with pytest.raises(KeyboardInterrupt):
        build_fixture(config, out, audience="restricted")
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "src"]


def test_two_builds_are_byte_identical(tmp_path):
    """Everything, search bundle included: Pagefind's own output varies between runs
    (Pagefind issue #638), so kc reuses the bundle of an identical input (search/pagefind.py)."""
    config = copy_fixture(tmp_path)
    build_fixture(config, tmp_path / "a")
    build_fixture(config, tmp_path / "b")
    first, second = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert any(rel.startswith("pagefind/") for rel in first)
    assert first.keys() == second.keys()
    assert [rel for rel in first if first[rel] != second[rel]] == []


def test_refuses_to_replace_a_folder_that_is_not_a_site(tmp_path):
    config = copy_fixture(tmp_path)
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "notes.txt").write_text("keep me")
    with pytest.raises(ConfigError, match="kc did not build it"):
        build_fixture(config, precious)
    with pytest.raises(ConfigError, match="holds the project's sources"):
        build_fixture(config, config.parent)
    assert (precious / "notes.txt").read_text() == "keep me"


# --- navigation stays bounded ---------------------------------------------------------

def test_nav_lists_a_bounded_window_of_the_current_section(make_site, tmp_path):
    files = {"content/teams.yml": "policy:\n  name: Policy\n  contact: p@example.com\n"}
    for i in range(60):
        files[f"content/policies/p{i:02}.md"] = (f"---\nid: p{i:02}\ntitle: Policy {i:02}\nowner: policy\n"
                                                  f"version: 1\neffective: 2026-01-01\n---\nText {i}.\n")
    config = make_site(files)
    out = tmp_path / "out"
    build_fixture(config.root / "site_config.yml", out)
    nav = page(out, "policies/p30").split('class="site-nav"')[1].split("</nav>")[0]
    items = re.findall(r'href="\.\./\.\./policies/p\d\d/"', nav)
    assert 20 <= len(items) <= 25
    assert 'aria-current="page">Policy 30<' in nav
    assert "All 60 policies" in nav


# --- serve ----------------------------------------------------------------------------

def test_serve_mounts_the_site_at_its_base_path_with_a_404_page(builds):
    server = make_server(builds["internal"], 0, "/docs/")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        with urllib.request.urlopen(f"{base}/docs/policies/harassment/") as response:
            assert response.status == 200 and b"Harassment" in response.read()
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"{base}/docs/no/such/page/")
        assert missing.value.code == 404 and b"Page not found" in missing.value.read()
    finally:
        server.shutdown()
        server.server_close()


def test_serve_says_so_when_nothing_is_built(tmp_path):
    with pytest.raises(ConfigError, match="run `kc build` first"):
        make_server(tmp_path, 0)
