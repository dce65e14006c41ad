"""`kc import mkdocs`: an MkDocs project into a new kc folder that `kc check` accepts,
with relative links as [[id]] references and a report of what could not be mapped."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator import load_config, pipeline
from generator.cli import main

from .test_files import png

ROOT = Path(__file__).resolve().parent.parent
PNG = png(4, 3)


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def references(doc, site) -> set[tuple[str, str | None]]:
    """(target id, anchor) of every body reference, whichever way it is written."""
    found = set()
    for ref in doc.references:
        if ref.kind == "wikilink":
            found.add((ref.target, ref.anchor))
        else:
            import posixpath
            path = posixpath.normpath(posixpath.join(posixpath.dirname(doc.src_path), ref.target))
            found.add((next(d.id for d in site.documents if d.src_path == path), ref.anchor))
    return found


def test_export_then_import_gives_back_the_same_documents(tmp_path):
    exported, imported = tmp_path / "mk", tmp_path / "kc"
    assert run("export", "mkdocs", "--config", str(ROOT / "site_config.yml"), "--out", str(exported))[0] == 0
    code, output = run("import", "mkdocs", str(exported), "--out", str(imported))
    assert code == 0, output
    assert "Could not map" not in output          # a kc export maps completely
    code, output = run("check", "--config", str(imported / "site_config.yml"))
    assert code == 0, output
    original = pipeline.check(load_config(ROOT / "site_config.yml"))
    back = pipeline.check(load_config(imported / "site_config.yml"))
    back_by_id = {d.id: d for d in back.documents}
    from generator.audience import published as built
    published = built(original, "internal")
    assert set(back_by_id) == {d.id for d in published}
    for doc in published:
        again = back_by_id[doc.id]
        assert again.type == doc.type and again.src_path.endswith(f"/{doc.id}.md")
        assert again.fields.model_dump() == doc.fields.model_dump(), doc.id
        assert references(again, back) == references(doc, original), doc.id
        assert "kc:facts" not in again.body and "Check your understanding" not in again.body
    assert load_config(imported / "site_config.yml").nav == load_config(ROOT / "site_config.yml").nav
    assert set(back.teams) == set(original.teams)


MKDOCS_YML = """\
site_name: Support Docs
site_url: https://docs.example.com/
theme:
  name: material
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
nav:
  - Home: index.md
  - Policies:
      - rules/spam.md
  - Guides:
      - How to report: guides/report.md
"""


def mkdocs_project(root: Path) -> Path:
    files = {
        "mkdocs.yml": MKDOCS_YML,
        "docs/index.md": "# Welcome\n\nStart with [reporting](guides/report.md).\n",
        "docs/rules/spam.md": "---\ntitle: Spam rules\nhide: [toc]\n---\n\n## Spam & Scams\n\nNo spam.\n\n"
                              "## Appeals { #appeal-steps .wide }\n\nAsk us.\n",
        "docs/guides/report.md": "# How to report spam\n\nRead [the rules](../rules/spam.md#spam-scams) and "
                                 "[how to appeal](../rules/spam.md#appeal-steps) first, and "
                                 "[Spam rules](../rules/spam.md).\n\n![Report button](../img/report.png)\n\n"
                                 "![Gone](gone.png)\n\n"
                                 "=== \"Web\"\n\n    Click Report.\n\nSee [nowhere](missing.md).\n",
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    (root / "docs" / "img").mkdir()
    (root / "docs" / "img" / "report.png").write_bytes(PNG)
    return root


def test_a_plain_mkdocs_project_imports_and_checks_clean(tmp_path):
    project = mkdocs_project(tmp_path / "docs-site")
    out = tmp_path / "kc"
    code, output = run("import", "mkdocs", str(project), "--out", str(out))
    assert code == 0, output
    assert "Imported 3 pages (3 faq)" in output
    assert "docs/rules/spam.md: looks like a policy but has no owner, version, effective; imported as an FAQ" in output
    assert "docs/rules/spam.md: front matter hide has no kc field" in output
    assert "docs/guides/report.md: file gone.png: not in docs/; left as it is" in output
    assert (out / "content" / "assets" / "img" / "report.png").read_bytes() == PNG
    assert "![Report button](../assets/img/report.png)" in (out / "content" / "faqs" / "report.md").read_text(
        encoding="utf-8")
    assert "docs/guides/report.md: uses content tabs" in output
    assert "docs/guides/report.md: link to missing.md: no such page was imported; kept its text only" in output
    report = (out / "content" / "faqs" / "report.md").read_text(encoding="utf-8")
    assert "title: How to report spam" in report and "# How to report spam" not in report
    assert "[[spam#spam-scams|the rules]]" in report and "[[spam#appeal-steps|how to appeal]]" in report
    assert "[[spam]]" in report                    # the link text was the page's title
    assert "See nowhere." in report
    spam = (out / "content" / "faqs" / "spam.md").read_text(encoding="utf-8")
    assert "## Spam & Scams {#spam-scams}" in spam     # MkDocs' slug kept: kc's would be spam--scams
    assert "## Appeals {#appeal-steps}" in spam
    assert "title: Support Docs" in (out / "site_config.yml").read_text(encoding="utf-8")
    code, output = run("check", "--config", str(out / "site_config.yml"))
    # the one problem left is the image MkDocs' own page had dead too, as the import said
    assert code == 1 and "1 error, 0 warnings" in output, output
    assert "content/faqs/report.md:10:9: error[FILE001] 'gone.png' points at no file" in output


def test_refuses_a_folder_with_files_and_a_folder_without_mkdocs_yml(tmp_path):
    project = mkdocs_project(tmp_path / "docs-site")
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "keep.txt").write_text("mine", encoding="utf-8")
    code, output = run("import", "mkdocs", str(project), "--out", str(busy))
    assert code == 2 and "refusing to import" in output
    assert [p.name for p in busy.iterdir()] == ["keep.txt"]
    code, output = run("import", "mkdocs", str(tmp_path), "--out", str(tmp_path / "new"))
    assert code == 2 and "no mkdocs.yml" in output and not (tmp_path / "new").exists()


def test_a_mkdocs_yml_with_an_alias_bomb_is_refused_in_one_line(tmp_path):
    project = mkdocs_project(tmp_path / "docs-site")
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
        f'{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n' for p, c in zip("abcdefgh", "bcdefghi"))
    (project / "mkdocs.yml").write_text(MKDOCS_YML + bomb, encoding="utf-8")
    code, output = run("import", "mkdocs", str(project), "--out", str(tmp_path / "kc"))
    assert code == 2 and "mkdocs.yml:" in output and "alias" in output
    assert not (tmp_path / "kc").exists()


def test_images_and_attachments_come_back_with_their_pages(make_site, tmp_path):
    from .test_files import SITE
    config = make_site(SITE)
    exported, imported = tmp_path / "mk", tmp_path / "kc"
    assert run("export", "mkdocs", "--config", str(config.root / "site_config.yml"), "--out", str(exported))[0] == 0
    code, output = run("import", "mkdocs", str(exported), "--out", str(imported))
    assert code == 0 and "Could not map" not in output, output
    code, output = run("check", "--config", str(imported / "site_config.yml"))
    assert code == 0, output
    copy = imported / "content" / "assets" / "files" / "policies" / "escalation-flow.png"
    assert copy.read_bytes() == SITE["content/policies/escalation-flow.png"]
    spam = (imported / "content" / "policies" / "spam.md").read_text(encoding="utf-8")
    assert '<img src="../assets/files/assets/chart.svg"' in spam          # raw HTML images too
