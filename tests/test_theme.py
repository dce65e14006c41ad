"""Themes: a theme overrides single templates or blocks and falls back to default."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.errors import ConfigError
from generator.theme import TemplateError

from .build_support import build_fixture, copy_fixture

ROOT = Path(__file__).resolve().parent.parent


def use_theme(config: Path, name: str) -> None:
    config.write_text(config.read_text() + f"theme: {name}\n")


def html(out: Path, url: str) -> str:
    return (out / url / "index.html").read_text(encoding="utf-8")


def test_example_branded_theme_overrides_blocks_and_falls_back_to_default(tmp_path):
    config = copy_fixture(tmp_path)
    use_theme(config, "example-branded")
    out = tmp_path / "out"
    build_fixture(config, out)
    for url in ("", "policies/harassment", "training/harassment-course"):
        page = html(out, url)
        assert '<span class="brand-mark" aria-hidden="true">◆</span> Fixture KC' in page   # overridden block
        assert 'rel="stylesheet" href="' in page and "brand." in page                      # its own asset
        assert 'class="site-nav"' in page and 'id="theme-toggle"' in page                   # default base
    assert '<dl class="facts">' in html(out, "policies/harassment")                         # default policy.html
    assert '<form class="quiz"' in html(out, "training/harassment-course")
    assert sorted(p.name.split(".")[0] for p in (out / "assets").iterdir())[:3] == ["brand", "kc", "kc"]


def test_a_site_theme_can_override_a_single_partial(tmp_path):
    config = copy_fixture(tmp_path)
    partials = config.parent / "themes" / "mine" / "partials"
    partials.mkdir(parents=True)
    (partials / "toc.html").write_text('<nav class="toc" aria-label="On this page">custom toc</nav>\n')
    use_theme(config, "mine")
    out = tmp_path / "out"
    build_fixture(config, out)
    page = html(out, "policies/harassment")
    assert "custom toc" in page and "On this page</h2>" not in page
    assert '<dl class="facts">' in page


def test_a_missing_theme_is_a_config_error_naming_it(tmp_path):
    config = copy_fixture(tmp_path)
    use_theme(config, "nope")
    with pytest.raises(ConfigError, match=r"theme 'nope' not found.*themes available: default, example-branded"):
        build_fixture(config, tmp_path / "out")
    result = CliRunner().invoke(main, ["build", "--config", str(config), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "theme 'nope' not found" in result.output


def test_template_syntax_error_names_file_and_line(tmp_path):
    config = copy_fixture(tmp_path)
    theme = config.parent / "themes" / "broken"
    theme.mkdir(parents=True)
    (theme / "home.html").write_text('{% extends "base.html" %}\n{% block content %}\n{% if %}\n{% endblock %}\n')
    use_theme(config, "broken")
    with pytest.raises(TemplateError, match=r"home\.html:3: template syntax error"):
        build_fixture(config, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_cli_build_prints_a_one_line_summary(tmp_path):
    config = copy_fixture(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "--config", str(config), "--out", str(out),
                                       "--audience", "public"])
    assert result.exit_code == 0, result.output
    # 20 pages: the 4 documents, listings, teams, 404 and the search results page (search/)
    assert result.output.startswith("Built 20 pages (4 documents) for audience public in ")
    assert "(0 warnings)" in result.output and result.output.count("\n") == 1


def test_cli_build_refuses_with_the_same_diagnostics_as_check(tmp_path):
    config = copy_fixture(tmp_path)
    faq = config.parent / "content" / "faqs" / "report.md"
    faq.write_text(faq.read_text().replace("policies: [harassment]", "policies: [harasment]"))
    runner = CliRunner()
    check = runner.invoke(main, ["check", "--config", str(config)])
    build = runner.invoke(main, ["build", "--config", str(config), "--out", str(tmp_path / "out")])
    assert build.exit_code == 1 and check.exit_code == 1
    check_lines, build_lines = check.output.splitlines(), build.output.splitlines()
    assert build_lines[:-2] == check_lines[:-1]            # the same diagnostics
    assert build_lines[-2].startswith("✗ 1 error, 0 warnings in ")
    assert build_lines[-1] == "The site was not updated: fix the errors above, then run kc build again."
    assert "error[XREF001]" in build.output and not (tmp_path / "out").exists()


def test_default_theme_ships_with_kc_when_the_site_has_no_themes_folder(tmp_path):
    config = copy_fixture(tmp_path)
    assert not (config.parent / "themes").exists()
    build_fixture(config, tmp_path / "out")
    assert (tmp_path / "out" / "index.html").is_file()
    shutil.rmtree(tmp_path / "out")
