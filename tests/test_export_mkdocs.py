"""`kc export mkdocs`: a Material for MkDocs project that `mkdocs build --strict` accepts,
with kc's links, anchors, facts and quizzes, and nothing a public reader may not see."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from click.testing import CliRunner

from generator import load_config, pipeline
from generator.cli import main

from .corpus_helpers import TEAMS, doc, policy

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CONFIG = str(ROOT / "site_config.yml")


def export(config: str, out: Path, *args: str):
    result = CliRunner().invoke(main, ["export", "mkdocs", "--config", config, "--out", str(out), *args])
    return result.exit_code, result.output


def mkdocs_build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                          capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
                          timeout=120)


def event_handlers(html: str) -> list[str]:
    """on* attributes of the page's tags (Material itself uses none)."""
    from html.parser import HTMLParser
    found = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.extend(f"{tag} {name}" for name, _ in attrs if name.startswith("on"))
    Parser().feed(html)
    return found


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def test_sample_site_exports_and_builds_strictly_with_material(tmp_path):
    out = tmp_path / "mk"
    code, output = export(SAMPLE_CONFIG, out)
    assert code == 0, output
    assert "Exported" in output and "documents for audience internal" in output
    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8").split("\n", 1)[1])
    assert config["theme"]["name"] == "material" and config["theme"]["font"] is False   # no Google Fonts
    assert "search" in config["plugins"]
    assert {"admonition", "tables", "footnotes", "attr_list"} <= set(
        e for e in config["markdown_extensions"] if isinstance(e, str))
    sections = [next(iter(entry)) for entry in config["nav"][1:]]
    assert sections == ["Policies", "Escalation playbooks", "Training", "FAQs", "Newsletters"]  # site_config nav
    assert config["site_url"] == "https://kc.example.com/"
    built = mkdocs_build(out)
    assert built.returncode == 0, built.stderr
    page = (out / "site" / "playbooks" / "livestream-takedown" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../policies/livestream-conduct/#enforcement"' in page
    assert "Escalations &amp; Crisis Response" in page and "15 minutes" in page   # facts block
    # CommonMark's 3-space nested list stays nested in Python-Markdown (it needs 4 spaces)
    assert "<strong>Choose the least severe effective action:</strong><ul>" in page
    target = (out / "site" / "policies" / "livestream-conduct" / "index.html").read_text(encoding="utf-8")
    assert 'id="enforcement"' in target


def test_links_and_anchors_match_kc_where_mkdocs_slugs_differ(make_site, tmp_path):
    config = make_site({
        "content/teams.yml": TEAMS,
        "content/policies/appeals.md": policy("appeals", body="## Enforcement & Appeals\n\nText.\n\n"
                                                              "## How we decide {#deciding}\n\nMore.\n"),
        "content/faqs/ask.md": doc("id: ask\ntitle: How do I appeal?\naudience: public\n",
                                   "See [[appeals#enforcement--appeals]], [[appeals|the rules]] and "
                                   "[[appeals#deciding|how we decide]].\n\n"
                                   "Also [the file](../policies/appeals.md#deciding) and "
                                   "[the page](/policies/appeals/#deciding).\n\n"
                                   "`[[appeals]]` stays code.\n\n"
                                   "> [!WARNING]\n> Read [[appeals#deciding]] first.\n"),
    })
    out = tmp_path / "mk"
    code, output = export(str(config.root / "site_config.yml"), out)
    assert code == 0, output
    text = (out / "docs" / "faqs" / "ask.md").read_text(encoding="utf-8")
    assert "[Policy appeals](../policies/appeals.md#enforcement--appeals)" in text
    assert "[the rules](../policies/appeals.md)" in text
    assert "[how we decide](../policies/appeals.md#deciding)" in text
    assert "[the file](../policies/appeals.md#deciding)" in text
    assert "[the page](../policies/appeals.md#deciding)" in text      # site-absolute: relative .md
    assert "`[[appeals]]` stays code." in text
    assert '!!! warning\n    Read [Policy appeals](../policies/appeals.md#deciding) first.' in text  # GitHub alert
    policy_text = (out / "docs" / "policies" / "appeals.md").read_text(encoding="utf-8")
    assert "## Enforcement & Appeals {#enforcement--appeals}" in policy_text
    assert "## How we decide {#deciding}" in policy_text
    built = mkdocs_build(out)
    assert built.returncode == 0, built.stderr
    html = (out / "site" / "policies" / "appeals" / "index.html").read_text(encoding="utf-8")
    assert 'id="enforcement--appeals"' in html and 'id="deciding"' in html
    faq = (out / "site" / "faqs" / "ask" / "index.html").read_text(encoding="utf-8")
    assert '<div class="admonition warning">' in faq


def test_quiz_answers_are_collapsed_and_facts_are_at_the_top(tmp_path):
    out = tmp_path / "mk"
    assert export(SAMPLE_CONFIG, out)[0] == 0
    text = (out / "docs" / "training" / "crisis-escalation.md").read_text(encoding="utf-8")
    body = text.split("---\n", 2)[2]
    assert body.lstrip().startswith("<!-- kc:facts -->")
    assert "**Duration:** 75 minutes" in body and "**Prerequisites:** [" in body
    assert "**1. Which three factors are used to assess imminence?**" in body
    assert '??? note "Answer"\n    Intent, plan or method, time frame' in body
    assert mkdocs_build(out).returncode == 0
    html = (out / "site" / "training" / "crisis-escalation" / "index.html").read_text(encoding="utf-8")
    assert "<details" in html and "Intent, plan or method, time frame" in html


def test_public_export_holds_nothing_internal(tmp_path):
    out = tmp_path / "mk"
    code, output = export(SAMPLE_CONFIG, out, "--audience", "public")
    assert code == 0, output
    site = pipeline.check(load_config(SAMPLE_CONFIG))
    public = [d for d in site.documents if d.valid and d.audience == "public" and d.status != "draft"]
    hidden = [d for d in site.documents if d.valid and d.audience != "public"]
    exported = {p.stem for p in (out / "docs").rglob("*.md") if p.name != "index.md"}
    assert exported == {d.id for d in public}
    everything = "\n".join(p.read_text(encoding="utf-8") for p in out.rglob("*") if p.is_file())
    for hidden_doc in hidden:
        assert f"/{hidden_doc.id}.md" not in everything and f"id: {hidden_doc.id}\n" not in everything
    public_tags = {t for d in public for t in d.get("tags")}
    internal_tags = {t for d in hidden for t in d.get("tags")} - public_tags
    assert internal_tags, "the sample should have tags used only internally"
    for p in (out / "docs").rglob("*.md"):
        assert not set(front_matter(p).get("tags") or []) & internal_tags, p
    for team in site.teams.values():
        if not team.public:
            assert team.contact not in everything, team.id
    assert mkdocs_build(out).returncode == 0


def test_refuses_a_folder_it_did_not_write_and_replaces_its_own(tmp_path):
    out = tmp_path / "notes"
    out.mkdir()
    (out / "mine.txt").write_text("keep me", encoding="utf-8")
    code, output = export(SAMPLE_CONFIG, out)
    assert code == 2 and "refusing to replace" in output
    assert (out / "mine.txt").read_text(encoding="utf-8") == "keep me" and not (out / "mkdocs.yml").exists()
    again = tmp_path / "mk"
    assert export(SAMPLE_CONFIG, again)[0] == 0
    assert export(SAMPLE_CONFIG, again, "--audience", "public")[0] == 0
    assert not (again / "docs" / "playbooks").exists()     # the internal export was replaced whole


def test_content_errors_export_nothing(make_site, tmp_path):
    config = make_site({"content/teams.yml": TEAMS,
                        "content/faqs/bad.md": doc("id: bad\ntitle: Bad\n", "See [[nowhere]].\n")})
    out = tmp_path / "mk"
    code, output = export(str(config.root / "site_config.yml"), out)
    assert code == 1 and "XREF001" in output and "Nothing was exported" in output
    assert not out.exists()


def test_a_thousand_documents_build_strictly_and_big_sections_list_on_their_index(tmp_path):
    """The slow one (~15-25 s): bench/corpus.py's 1,000 documents through mkdocs --strict."""
    subprocess.run([sys.executable, str(ROOT / "bench" / "corpus.py"), str(tmp_path / "c1k"), "--docs", "1000"],
                   check=True, capture_output=True)
    out = tmp_path / "mk"
    code, output = export(str(tmp_path / "c1k" / "site_config.yml"), out)
    assert code == 0, output
    assert "Exported 1000 documents" in output
    built = mkdocs_build(out)
    assert built.returncode == 0, built.stderr
    assert len(list((out / "site").glob("*/*/index.html"))) == 1000
    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8").split("\n", 1)[1])
    faqs = next(entry["FAQs"] for entry in config["nav"] if "FAQs" in entry)
    assert faqs == ["faqs/index.md"]                      # 600 FAQs: listed on the section page
    index = (out / "site" / "faqs" / "index.html").read_text(encoding="utf-8")
    assert index.count('href="faq-') == 600


def test_same_content_exports_byte_identical_files(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert export(SAMPLE_CONFIG, first)[0] == 0 and export(SAMPLE_CONFIG, second)[0] == 0
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)


def test_drafts_only_with_drafts_and_retired_pages_carry_a_banner_outside_the_nav(tmp_path):
    out = tmp_path / "mk"
    assert export(SAMPLE_CONFIG, out)[0] == 0
    assert not (out / "docs" / "policies" / "synthetic-media.md").exists()       # a draft
    retired = (out / "docs" / "policies" / "harassment-bullying-v1.md").read_text(encoding="utf-8")
    assert '!!! warning "Retired"' in retired and "[Harassment &amp; Bullying](harassment-bullying.md)" in retired
    mkdocs_yml = (out / "mkdocs.yml").read_text(encoding="utf-8")
    assert "/policies/harassment-bullying-v1.md" in mkdocs_yml.split("not_in_nav:")[1]
    assert ": policies/harassment-bullying-v1.md" not in mkdocs_yml
    code, output = export(SAMPLE_CONFIG, out, "--drafts")
    assert code == 0, output
    draft = (out / "docs" / "policies" / "synthetic-media.md").read_text(encoding="utf-8")
    assert '!!! warning "Draft"' in draft
    assert mkdocs_build(out).returncode == 0


def test_raw_html_kc_would_strip_is_text_in_the_export(make_site, tmp_path):
    config = make_site({
        "content/teams.yml": TEAMS,
        "content/policies/pp.md": policy("pp", body='## Rules\n\nHi <img src=//x onerror="alert(1)"> and <b>bold</b>.\n\n'
                                                  '<script>alert(2)</script>\n\n<div class="note">kept</div>\n'),
    })
    out = tmp_path / "mk"
    assert export(str(config.root / "site_config.yml"), out)[0] == 0
    text = (out / "docs" / "policies" / "pp.md").read_text(encoding="utf-8")
    assert "onerror" not in text.replace("&lt;img src=//x onerror=", "") and "<script" not in text
    assert "<b>bold</b>" in text and '<div class="note">kept</div>' in text
    assert mkdocs_build(out).returncode == 0
    html = (out / "site" / "policies" / "pp" / "index.html").read_text(encoding="utf-8")
    assert "alert(2)" not in html and "<img src=//x" not in html


def test_never_exports_over_the_project_or_its_content(make_site, tmp_path):
    config = make_site({"content/teams.yml": TEAMS, "content/policies/spam.md": policy("spam")})
    config_path = str(config.root / "site_config.yml")
    def sources():        # .kc/ holds caches kc check writes
        return sorted(p.relative_to(config.root) for p in config.root.rglob("*") if ".kc" not in p.parts)
    for target in (config.root, config.content_path, config.content_path / "policies"):
        before = sources()
        code, output = export(config_path, target)
        assert code == 2 and "holds the project's sources" in output, target
        assert sources() == before


def test_front_matter_text_is_shown_as_text_not_run_as_html(make_site, tmp_path):
    """MkDocs puts titles, summaries and nav names into its HTML as they are; kc escapes them."""
    config = make_site({
        "content/teams.yml": TEAMS,
        "content/policies/pp.md": policy("pp", extra='title: "A & B <img src=x onerror=alert(1)> *x*"\n'
                                                     'summary: \'S " onmouseover="alert(2) <script>alert(3)</script>\'\n'
                                                     'regions: ["<b onclick=alert(4)>r</b>"]\n'),
    })
    out = tmp_path / "mk"
    assert export(str(config.root / "site_config.yml"), out)[0] == 0
    assert mkdocs_build(out).returncode == 0
    for page in (out / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not event_handlers(html) and "<script>alert" not in html, page
    html = (out / "site" / "policies" / "pp" / "index.html").read_text(encoding="utf-8")
    assert "<h1>A &amp; B &lt;img src=x onerror=alert(1)&gt; *x*</h1>" in html


def test_images_and_attachments_are_copied_only_with_the_pages_that_show_them(make_site, tmp_path):
    from .test_files import SITE
    config = make_site(SITE)
    out = tmp_path / "mk"
    code, output = export(str(config.root / "site_config.yml"), out, "--audience", "public")
    assert code == 0, output
    text = (out / "docs" / "policies" / "spam.md").read_text(encoding="utf-8")
    assert "![Escalation flow](../files/policies/escalation-flow.png)" in text
    assert "[report form](../files/assets/report-form.pdf#page=2)" in text
    assert '<img src="../files/assets/chart.svg" alt="Reports per month"' in text       # raw HTML too
    copied = sorted(p.relative_to(out / "docs" / "files").as_posix() for p in (out / "docs" / "files").rglob("*"))
    assert copied == ["assets", "assets/chart.svg", "assets/report-form.pdf", "policies",
                      "policies/escalation-flow.png"]           # not the internal-only diagram
    assert (out / "docs/files/policies/escalation-flow.png").read_bytes() == SITE["content/policies/escalation-flow.png"]
    built = mkdocs_build(out)
    assert built.returncode == 0, built.stderr
    html = (out / "site" / "policies" / "spam" / "index.html").read_text(encoding="utf-8")
    assert 'src="../../files/policies/escalation-flow.png"' in html
    assert (out / "site" / "files" / "policies" / "escalation-flow.png").is_file()


def test_old_ids_in_aliases_resolve_as_in_kc(make_site, tmp_path):
    config = make_site({
        "content/teams.yml": TEAMS,
        "content/policies/spam.md": policy("spam", extra="aliases: [junk-mail]\n"),
        "content/faqs/ask.md": doc("id: ask\ntitle: Ask\naudience: public\npolicies: [junk-mail]\n",
                                   "See [[junk-mail#enforcement]].\n"),
    })
    out = tmp_path / "mk"
    code, output = export(str(config.root / "site_config.yml"), out)
    assert code == 0, output
    text = (out / "docs" / "faqs" / "ask.md").read_text(encoding="utf-8")
    assert "See [Policy spam](../policies/spam.md#enforcement)." in text
    assert "**Policies:** [Policy spam](../policies/spam.md)" in text
    assert mkdocs_build(out).returncode == 0
