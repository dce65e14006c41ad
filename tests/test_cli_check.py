"""`kc check` as a user and a CI system see it: output formats and exit codes."""
from __future__ import annotations

import json

from click.testing import CliRunner

from generator.cli import main
from generator.codes import CODES

from .conftest import ROOT
from .corpus_helpers import base_corpus, doc

BROKEN = {"content/faqs/qa.md": doc("id: qa\ntitle: A?\naudience: public\nreveiw_by: 2027-01-01",
                                    "See [[spma]].\n")}


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_text_output_is_compiler_style_with_hints(make_site):
    config = make_site(base_corpus() | BROKEN)
    result = run("check", "--config", str(config.root / "site_config.yml"))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "content/faqs/qa.md:5:1: warning[FM003] unknown field `reveiw_by` for a faq"
    assert lines[1] == "    hint: did you mean 'review_by'?"
    assert lines[2] == "content/faqs/qa.md:7:5: error[XREF001] unknown reference 'spma'"
    assert lines[3] == "    hint: did you mean 'spam'?"
    assert lines[-1] == "✗ 1 error, 1 warning in 3 documents"


def test_json_output_shape(make_site):
    config = make_site(base_corpus() | BROKEN)
    result = run("check", "--config", str(config.root / "site_config.yml"), "--format", "json")
    data = json.loads(result.output)
    assert data["summary"] == {"documents": 3, "errors": 1, "warnings": 1}
    assert data["diagnostics"][1] == {"path": "content/faqs/qa.md", "line": 7, "column": 5,
                                      "severity": "error", "code": "XREF001",
                                      "message": "unknown reference 'spma'", "hint": "did you mean 'spam'?"}


def test_sarif_output_annotates_locations(make_site):
    config = make_site(base_corpus() | BROKEN)
    sarif = json.loads(run("check", "--config", str(config.root / "site_config.yml"),
                           "--format", "sarif").output)
    assert sarif["version"] == "2.1.0"
    run_ = sarif["runs"][0]
    assert {rule["id"] for rule in run_["tool"]["driver"]["rules"]} == set(CODES)
    result = run_["results"][1]
    assert result["ruleId"] == "XREF001" and result["level"] == "error"
    assert result["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "content/faqs/qa.md", "uriBaseId": "SRCROOT"},
        "region": {"startLine": 7, "startColumn": 5}}
    assert run_["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "XREF001"


def test_warnings_fail_only_with_strict(make_site):
    files = base_corpus() | {"content/faqs/qa.md": doc("id: qa\ntitle: A?\nreveiw_by: 2027-01-01")}
    config_path = str(make_site(files).root / "site_config.yml")
    assert run("check", "--config", config_path).exit_code == 0
    assert run("check", "--config", config_path, "--strict").exit_code == 1


def test_clean_sample_site_exits_zero():
    result = run("check", "--config", str(ROOT / "site_config.yml"))
    assert result.exit_code == 0, result.output
    assert "no problems" in result.output


def test_missing_config_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["check", "--config", str(tmp_path / "nope.yml")])
    assert result.exit_code == 2
    assert "no site configuration found" in result.output


def test_invalid_config_names_the_setting(tmp_path):
    (tmp_path / "site_config.yml").write_text("title: T\nbase_url: /\nthemee: dark\n")
    result = CliRunner().invoke(main, ["check", "--config", str(tmp_path / "site_config.yml")])
    assert result.exit_code == 2 and "themee" in result.output


def test_malformed_config_yaml_gives_line(tmp_path):
    (tmp_path / "site_config.yml").write_text("title: T\nnav: [policy\n")
    result = CliRunner().invoke(main, ["check", "--config", str(tmp_path / "site_config.yml")])
    assert result.exit_code == 2 and "site_config.yml:3:1" in result.output


def test_unknown_format_is_a_usage_error(make_site):
    config = make_site(base_corpus())
    result = CliRunner().invoke(main, ["check", "--config", str(config.root / "site_config.yml"),
                                       "--format", "xml"])
    assert result.exit_code == 2
