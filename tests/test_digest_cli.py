"""`kc digest` on the command line: formats, --out, and exit codes."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from generator.cli import main

from .digest_corpus import CONFIG, CORPUS


@pytest.fixture
def config_path(make_site):
    return str(make_site(CORPUS, CONFIG).root / "site_config.yml")


def run(config_path, *args):
    result = CliRunner().invoke(main, ["digest", "--config", config_path, "--today", "2026-11-22",
                                       *args])
    return result.exit_code, result.output


def test_json_digest_has_the_documented_shape(config_path):
    code, out = run(config_path, "--since", "2026-09-01", "--until", "2026-09-30",
                    "--format", "json", "--audience", "public")
    assert code == 0
    data = json.loads(out)
    assert data["period"] == {"since": "2026-09-01", "until": "2026-09-30"}
    assert data["audience"] == "public"
    item = data["sections"][0]["items"][0]
    assert set(item) >= {"id", "type", "title", "url", "date", "change", "summary"}
    assert item["url"].startswith("https://kc.test/")


def test_since_last_covers_the_days_after_the_previous_newsletter(config_path):
    code, out = run(config_path, "--since-last", "--audience", "internal", "--format", "json")
    assert code == 0
    assert json.loads(out)["period"] == {"since": "2026-10-01", "until": "2026-11-22"}


def test_out_writes_the_file_and_nothing_to_stdout(config_path, tmp_path):
    target = tmp_path / "mail" / "digest.html"
    code, out = run(config_path, "--period", "month", "--format", "html", "--out", str(target))
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in target.parent.iterdir()] == ["digest.html"]  # no temp file left


@pytest.mark.parametrize("args, message", [
    (["--since", "2026-13-01"], "--since '2026-13-01' is not a date: write YYYY-MM-DD"),
    (["--since", "2026-09-01", "--until", "31/09/2026"], "--until '31/09/2026' is not a date"),
    (["--since", "2026-10-01", "--until", "2026-09-01"], "starts (2026-10-01) after it ends"),
    (["--since", "2026-10-01", "--period", "week"], "use only one of them"),
    (["--period", "week", "--audience", "partners"], "unknown audience 'partners'"),
    (["--period", "week", "--segment", "region:mars"], "no document has the region 'mars'"),
    ([], "say which period"),
])
def test_bad_values_exit_2_with_a_clear_message(config_path, args, message):
    code, out = run(config_path, *args)
    assert code == 2
    assert message in out


def test_unknown_format_is_a_usage_error(config_path):
    code, out = run(config_path, "--period", "week", "--format", "pdf")
    assert code == 2 and "'pdf' is not one of" in out


def test_content_errors_exit_1_with_diagnostics(make_site):
    broken = dict(CORPUS)
    broken["content/faqs/broken.md"] = "---\nid: broken\n---\nNo title.\n"
    config = make_site(broken, CONFIG)
    code, out = run(str(config.root / "site_config.yml"), "--period", "week")
    assert code == 1
    assert "content/faqs/broken.md" in out
