"""`kc report`: every planted finding exactly once, no near-miss, the documented
JSON shape, CSV rows, filters and exit codes."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from generator.cli import main

from .health_corpus import CONFIG, CORPUS, EXPECTED, TODAY


@pytest.fixture
def config_path(make_site):
    return str(make_site(CORPUS, CONFIG).root / "site_config.yml")


def run(config_path, *args):
    result = CliRunner().invoke(main, ["report", "--config", config_path,
                                                       "--today", TODAY, *args])
    return result.exit_code, result.stdout, result.stderr


def report_json(config_path, *args) -> dict:
    code, out, _ = run(config_path, "--format", "json", *args)
    assert code == 0
    return json.loads(out)


def test_every_planted_finding_is_reported_and_no_near_miss(config_path):
    data = report_json(config_path)
    assert [(f["kind"], f["ids"], f["owner"]) for f in data["findings"]] == EXPECTED


def test_findings_say_what_is_wrong_and_what_to_do(config_path):
    findings = {f["kind"]: f for f in report_json(config_path)["findings"]}
    assert set(findings["region-uncovered"]) == {"kind", "severity", "ids", "owner", "message", "hint"}
    assert findings["region-uncovered"]["message"] == (
        "policy 'regional' applies in apac, but none of its playbooks (pb-regional) covers it")
    assert findings["slow-response"]["message"] == (
        "sev1 playbook 'pb-slow' promises a response in 2h; the limit for sev1 is 1h")
    assert findings["tag-variants"]["message"] == (
        "one tag is spelt 3 ways: 'live-stream' (2), 'Live Stream' (1), 'livestream' (1)")
    assert findings["tag-variants"]["hint"] == "use 'live-stream' in pb-global, pb-regional"
    assert findings["review-due"]["message"].endswith("(in 18 days)")
    assert "version 2.0 of policy 'versioned' (in effect since 2026-01-01)" in findings["outdated-citation"]["message"]
    assert findings["no-playbook"]["severity"] == "warning"
    assert findings["no-training"]["severity"] == "info"


def test_coverage_rows_and_summary(config_path):
    data = report_json(config_path)
    rows = {row["policy"]: row for row in data["coverage"]}
    assert sorted(rows) == ["covered", "global-ok", "no-faq", "no-pb", "no-tr", "regional",
                            "rules-a", "rules-b", "versioned"]   # active policies only
    assert rows["covered"] == {"policy": "covered", "title": "Policy covered", "owner": "policy",
                               "regions": ["eu", "us"], "playbooks": ["pb-covered", "pb-slow"],
                               "training": ["tr-covered"], "faqs": ["faq-covered"]}
    assert rows["no-pb"]["playbooks"] == []     # the draft playbook does not count
    summary = data["summary"]
    assert summary["findings"] == len(EXPECTED)
    assert summary["skipped_invalid"] == 1       # broken.md has no title
    assert summary["by_kind"]["missing-contact"] == 2
    assert summary["by_owner"]["policy"] == 6


def test_owner_and_region_filters(config_path):
    data = report_json(config_path, "--owner", "training")
    assert [f["kind"] for f in data["findings"]] == ["outdated-citation"]
    assert data["coverage"] == []
    data = report_json(config_path, "--region", "APAC")
    assert [f["kind"] for f in data["findings"]] == ["region-uncovered"]
    assert [row["policy"] for row in data["coverage"]] == ["regional"]


def test_unknown_owner_is_a_usage_error(config_path):
    code, _, err = run(config_path, "--owner", "polcy")
    assert code == 2 and "did you mean 'policy'?" in err


def test_csv_has_one_finding_per_row(config_path, tmp_path):
    out = tmp_path / "health.csv"
    code, _, _ = run(config_path, "--format", "csv", "--out", str(out))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert len(rows) == len(EXPECTED)
    assert rows[3]["kind"] == "region-uncovered" and rows[3]["ids"] == "regional pb-regional"
    assert rows[3]["category"] == "coverage"


def test_text_groups_by_kind_and_owner(config_path):
    code, out, _ = run(config_path)
    assert code == 0
    assert out.index("Coverage (4)") < out.index("Staleness (3)") < out.index("Inconsistencies (7)") \
        < out.index("Orphans (1)")
    assert "Policies without an escalation playbook [no-playbook] (1)" in out
    assert "    Enablement (training):\n      warning training 'tr-stale'" in out
    assert "do: add apac to a playbook's `regions`" in out


@pytest.mark.parametrize("selector, code", [("orphan", 1), ("no-faq", 1), ("coverage", 1), ("any", 1)])
def test_fail_on_a_kind_found_exits_1(config_path, selector, code):
    assert run(config_path, "--fail-on", selector)[0] == code


def test_fail_on_a_kind_not_found_exits_0(config_path):
    assert run(config_path, "--fail-on", "orphan", "--owner", "escalations")[0] == 0


def test_fail_on_unknown_kind_is_a_usage_error(config_path):
    code, _, err = run(config_path, "--fail-on", "orphans")
    assert code == 2 and "unknown kind 'orphans'" in err


def test_outdated_citations_are_the_pairs_kc_check_warns_about(make_site):
    """outdated-citation uses kc check's retraining rule (LIFE001/LIFE002): both name the same
    (document, policy) pairs, except for inactive policies (a cites-retired finding instead)."""
    from datetime import date

    from generator import pipeline

    from .health_corpus import doc
    extra = {
        # changed on 2026-08-01 (its change log), effective since 2026-03-01 per its front matter
        "content/policies/drifted.md": doc(
            "id: drifted\ntitle: Drifted\nowner: policy\nversion: '3.0'\neffective: 2026-03-01\n"
            "changelog:\n  - {version: '3.0', date: 2026-08-01, summary: New tiers.}"),
        "content/faqs/faq-between.md": doc(   # after `effective`, before the change: a FAQ is stale
            "id: faq-between\ntitle: Between?\nupdated: 2026-05-01\npolicies: [drifted]"),
        "content/training/tr-between.md": doc(   # training follows `effective`: not stale
            "id: tr-between\ntitle: Between\nowner: training\nupdated: 2026-05-01\npolicies: [drifted]"),
        "content/training/tr-created.md": doc(   # no `updated`: neither command guesses from `created`
            "id: tr-created\ntitle: Created\nowner: training\ncreated: 2026-01-01\npolicies: [versioned]"),
        "content/playbooks/pb-legacy.md": doc(   # a deprecated policy: cites-retired, not outdated
            "id: pb-legacy\ntitle: Legacy playbook\nowner: escalations\nupdated: 2025-01-01\n"
            "policies: [legacy]"),
    }
    config = make_site(CORPUS | extra, CONFIG)
    site = pipeline.check(config, today=date.fromisoformat(TODAY))
    warned = {(d.path.rsplit("/", 1)[1][:-3], d.message.split("'")[3]) for d in site.diagnostics
              if d.code in ("LIFE001", "LIFE002")}
    data = report_json(str(config.root / "site_config.yml"))
    reported = {tuple(f["ids"]) for f in data["findings"] if f["kind"] == "outdated-citation"}
    assert reported == {("tr-stale", "versioned"), ("faq-between", "drifted")}
    assert warned == reported | {("pb-legacy", "legacy")}
    assert ("cites-retired", ["pb-legacy", "legacy"]) in [(f["kind"], f["ids"]) for f in data["findings"]]
