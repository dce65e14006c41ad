"""Teams in `kc search`, as in the browser: a team page of the build is a result
("who is on call for child safety" finds the team), `type:team` narrows to teams,
and the index holds exactly the teams the build has pages for: in a public build
only teams marked `public: true` that own or are escalated to by a public document."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from generator import load_config
from generator.cli import main
from search.backend import open_index

from .build_support import build_audiences
from .corpus_helpers import doc, policy

TEAMS = """\
policy:
  name: Trust & Safety Policy
  contact: policy@example.com
child-safety:
  name: Child Safety
  contact: child-safety-oncall@example.com
  description: Specialist reviewers for grooming and minor-safety reports; on call around the clock.
support:
  name: User Support
  contact: "#user-support-leads"
  description: Front-line agents answering tickets and appeals intake.
  public: true
idle:
  name: Idle Public Team
  contact: idle@example.com
  description: Owns nothing, so it has no page anywhere.
  public: true
"""

FILES = {
    "content/teams.yml": TEAMS,
    "content/policies/spam.md": policy("spam", "owner: support\n", "## Summary\n\nSpam and scams.\n"),
    "content/policies/minor-safety.md": policy(
        "minor-safety", "title: Minor Safety\naudience: internal\nowner: child-safety\n",
        "## Summary\n\nWe protect children and report child safety concerns.\n"),
    "content/playbooks/grooming.md": doc(
        "id: grooming\ntitle: Grooming reports\nowner: policy\npolicies: [minor-safety]\n"
        "escalate_to: [child-safety]\naudience: internal\n",
        "## Steps\n\nPreserve evidence and escalate.\n"),
}


@pytest.fixture(scope="module", params=["tantivy", "whoosh"])
def builds(tmp_path_factory, request):
    return build_audiences(tmp_path_factory.mktemp("teams"), "Teams KC", FILES, request.param,
                           ("public", "internal"))


def kc_search(out, *args) -> dict:
    result = CliRunner().invoke(main, ["search", *args, "--json", "--config",
                                       str(out.parent / "site_config.yml"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def indexed_teams(out) -> set[str]:
    with open_index(load_config(out.parent / "site_config.yml"), out) as index:
        return {fields["id"] for fields in index.stored() if fields["type"] == "team"}


def team_pages(out) -> set[str]:
    return {p.name for p in (out / "teams").iterdir() if p.is_dir()} if (out / "teams").is_dir() else set()


def test_who_is_on_call_for_child_safety_finds_the_team(builds):
    found = kc_search(builds["internal"], "who is on call for child safety")
    first = found["results"][0]
    assert (first["type"], first["id"], first["title"]) == ("team", "child-safety", "Child Safety")
    assert first["url"].endswith("/teams/child-safety/")


def test_type_team_narrows_to_teams(builds):
    for args in (["safety", "--type", "team"], ["type:team safety"]):
        found = kc_search(builds["internal"], *args)
        assert found["results"] and {hit["type"] for hit in found["results"]} == {"team"}, found
    assert {hit["type"] for hit in kc_search(builds["internal"], "child safety")["results"]} > {"team"}


def test_the_index_holds_exactly_the_team_pages_of_each_build(builds):
    assert indexed_teams(builds["internal"]) == team_pages(builds["internal"]) == \
        {"policy", "child-safety", "support"}
    # public: only `public: true` teams, and only those with a page (work in the build)
    assert indexed_teams(builds["public"]) == team_pages(builds["public"]) == {"support"}


def test_a_public_build_never_finds_an_internal_team(builds):
    for query in ("child safety on call", "child-safety-oncall", "type:team grooming"):
        found = kc_search(builds["public"], query)
        assert all(hit["type"] != "team" or hit["id"] == "support" for hit in found["results"]), found
        assert "oncall" not in json.dumps(found["results"])


def test_cli_labels_a_team_result(builds):
    result = CliRunner().invoke(main, ["search", "user support", "--type", "team", "--config",
                                       str(builds["public"].parent / "site_config.yml"),
                                       "--out", str(builds["public"])])
    assert result.exit_code == 0, result.output
    assert "1. [Team] User Support" in result.output
