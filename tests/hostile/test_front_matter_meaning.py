"""Front matter that would silently change meaning is an error at the offending line."""
from __future__ import annotations

import time

from ..corpus_helpers import TEAMS, base_corpus, doc, policy
from .support import kc


def codes_lines(site):
    return [(d.code, d.path, d.line) for d in site.diagnostics]


def test_duplicate_key_is_an_error_naming_both_lines(make_site):
    text = doc("id: leak\ntitle: Leak\naudience: restricted\npolicies: [spam]\naudience: public")
    config = make_site(base_corpus() | {"content/faqs/leak.md": text})
    result = kc("check", "--config", str(config.root / "site_config.yml"))
    assert result.exit_code == 1
    assert ("content/faqs/leak.md:6:1: error[YAML001] `audience` is given twice, on lines 4 and 6"
            in result.output)
    # and the document is not built for the public: the build refuses
    result = kc("build", "--config", str(config.root / "site_config.yml"), "--audience", "public")
    assert result.exit_code == 1
    assert not (config.root / "site").exists()


def test_duplicate_team_and_setting(make_site):
    teams = TEAMS + "policy:\n  name: Impostor\n  contact: x@example.com\n"
    config = make_site(base_corpus() | {"content/teams.yml": teams})
    result = kc("check", "--config", str(config.root / "site_config.yml"))
    assert result.exit_code == 1
    assert "content/teams.yml:7:1: error[YAML001] `policy` is given twice, on lines 1 and 7" in result.output
    (config.root / "site_config.yml").write_text("title: A\ntheme: default\ntitle: B\n")
    result = kc("check", "--config", str(config.root / "site_config.yml"))
    assert result.exit_code == 2
    assert "site_config.yml:3:1: `title` is given twice, on lines 1 and 3" in result.output


BOMB = "\n".join(["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"] +
                 [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)])


def test_alias_bomb_is_rejected_quickly(make_site):
    text = "---\nid: bomb\ntitle: Bomb\n" + BOMB + "\n---\nText.\n"
    config = make_site(base_corpus() | {"content/faqs/bomb.md": text,
                                        "content/teams.yml": TEAMS + BOMB.replace("a:", "zz:", 1) + "\n"})
    started = time.perf_counter()
    result = kc("check", "--config", str(config.root / "site_config.yml"))
    assert time.perf_counter() - started < 5
    assert result.exit_code == 1
    assert "content/faqs/bomb.md:4:4: error[YAML001] a YAML alias (`*name`) repeats the value" in result.output
    assert "aliases and anchors (`&name`, `*name`) are not allowed" in result.output
    assert "content/teams.yml" in result.output


def test_float_version_is_an_error_with_the_quoting_hint(check_files):
    site = check_files(base_corpus() | {"content/policies/spam.md": policy("spam", "version: 1.10\n")})
    assert codes_lines(site) == [("FM002", "content/policies/spam.md", 7)]
    diagnostic = next(iter(site.diagnostics))
    assert "1.1" in diagnostic.message and '"1.10"' in diagnostic.hint


def test_integer_version_is_fine(check_files):
    site = check_files(base_corpus() | {"content/policies/spam.md": policy("spam", "version: 2\n")})
    assert codes_lines(site) == []


def test_impossible_date_is_reported_at_its_key_and_other_problems_still_found(check_files):
    text = policy("spam", "updated: 2024-02-30\nreveiw_by: 2027-01-01\nseverity: high\n")
    site = check_files(base_corpus() | {"content/policies/spam.md": text})
    found = codes_lines(site)
    assert ("FM002", "content/policies/spam.md", 8) in found         # updated, at its own line
    assert ("FM003", "content/policies/spam.md", 9) in found         # the typo is still reported
    dated = next(d for d in site.diagnostics if d.line == 8)
    assert "`updated`" in dated.message


def test_control_characters_in_fields_are_errors_and_in_bodies_removed(check_files):
    text = doc('id: esc\ntitle: "Bad \\e[31mred\\0"\naudience: public', "Body \x1b[1m bold.\n")
    site = check_files(base_corpus() | {"content/faqs/esc.md": text})
    assert ("FM002", "content/faqs/esc.md", 3) in codes_lines(site)
    assert ("BODY002", "content/faqs/esc.md", 6) in codes_lines(site)
    faq = next(d for d in site.documents if d.id == "esc")
    assert "\x1b" not in faq.body
