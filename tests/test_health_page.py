"""The Health pages in built sites: internal and restricted only, each showing only
what its audience may see; `kc report --format html` is one self-contained file."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.build import build
from generator.cli import main

from .health_corpus import CONFIG, CORPUS, TODAY

BUILDABLE = {path: text.replace("escalate_to: [ghost]\n", "") for path, text in CORPUS.items()
             if path != "content/faqs/broken.md"}
BUILDABLE["content/policies/secret-rules.md"] = BUILDABLE["content/policies/no-tr.md"].replace(
    "id: no-tr\ntitle: Policy no-tr", "id: secret-rules\ntitle: Secret Rules SEKRIT").replace(
    "effective:", "audience: restricted\neffective:")


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    from datetime import date

    from generator.config import load_config
    root = tmp_path_factory.mktemp("health-site")
    (root / "site_config.yml").write_text(CONFIG, encoding="utf-8")
    for rel, text in BUILDABLE.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    config = load_config(root / "site_config.yml")
    outs = {}
    for audience in ("public", "internal", "restricted"):
        outs[audience] = root / f"out-{audience}"
        build(config, out_dir=outs[audience], audience=audience, today=date.fromisoformat(TODAY))
    return root, outs


def read(out, url):
    return (out / url / "index.html").read_text(encoding="utf-8")


def test_public_build_has_no_health_page_and_no_link_to_one(sites):
    _, outs = sites
    assert not (outs["public"] / "health").exists()
    assert "health/" not in read(outs["public"], "teams")
    assert "health" not in (outs["public"] / "sitemap.xml").read_text(encoding="utf-8")


def test_internal_health_page_leaves_out_restricted_documents(sites):
    _, outs = sites
    internal, restricted = read(outs["internal"], "health"), read(outs["restricted"], "health")
    assert "SEKRIT" not in internal and "secret-rules" not in internal
    assert "Secret Rules SEKRIT" in restricted and "&#39;secret-rules&#39;" in restricted


def test_health_page_has_matrix_charts_reviews_and_findings(sites):
    _, outs = sites
    page = read(outs["internal"], "health")
    assert '<td class="cov cov-none">0 missing</td>' in page
    assert page.count('<svg class="kc-chart"') == 2 and "<script" not in page.split("</header>", 1)[1].split("<footer")[0]
    assert "Overdue (1)" in page and "Due in the next 30 days (1)" in page and "Due in 31–60 days (1)" in page
    assert "sev1 playbook &#39;pb-slow&#39; promises a response in 2h" in page


def test_team_page_links_to_its_health_view(sites):
    _, outs = sites
    assert 'href="../../health/teams/policy/"' in read(outs["internal"], "teams/policy")
    team_view = read(outs["internal"], "health/teams/policy")
    assert "Policy no-pb" in team_view and "pb-slow" not in team_view   # vague's finding


def test_build_is_deterministic(sites, tmp_path):
    from datetime import date

    from generator.config import load_config
    root, outs = sites
    again = tmp_path / "again"
    build(load_config(root / "site_config.yml"), out_dir=again, audience="internal",
          today=date.fromisoformat(TODAY))
    assert (again / "health/index.html").read_bytes() == (outs["internal"] / "health/index.html").read_bytes()


def test_html_report_is_self_contained(sites, tmp_path):
    root, _ = sites
    out = tmp_path / "health.html"
    result = CliRunner().invoke(main, ["report", "--config", str(root / "site_config.yml"),
                                       "--today", TODAY, "--format", "html", "--out", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<style>" in html and "--bad-bg" in html and "<script" not in html and "<link" not in html
    assert 'href="https://kc.test/policies/no-pb/"' in html
    assert "Secret Rules SEKRIT" in html     # the report itself is internal: every audience


def test_a_page_lists_at_most_50_findings_of_a_kind(make_site):
    """Page size stays bounded on a large corpus; the count and the way to see all are shown."""
    from datetime import date

    from generator import pipeline
    from generator.health import analyze
    from generator.health.view import health_view
    files = {"content/teams.yml": "policy: {name: Policy, contact: p@example.com}\n"}
    for n in range(60):
        files[f"content/faqs/lonely-{n:02d}.md"] = (f"---\nid: lonely-{n:02d}\ntitle: Lonely {n}?\n"
                                                    f"updated: 2026-01-01\n---\nText.\n")
    site = pipeline.check(make_site(files), today=date(2026, 11, 22))
    view = health_view(analyze(site), lambda doc_id: None)
    orphans = next(k for g in view["groups"] for k in g["kinds"] if k["kind"] == "orphan")
    assert (orphans["total"], len(orphans["findings"]), orphans["more"]) == (52, 50, 2)  # 8 on the home page
