"""A public build shows nothing internal: team pages and contacts only for public teams,
no edit links or review dates unless site_config.yml says so, no empty sections in the nav."""
from __future__ import annotations

from ..corpus_helpers import doc, policy
from .support import kc, tree

TEAMS = """\
policy:
  name: Trust & Safety Policy
  contact: internal-policy@example.com
support:
  name: Help Center
  contact: help@example.com
  public: true
"""
FILES = {
    "content/teams.yml": TEAMS,
    "content/policies/spam.md": policy("spam", "review_by: 2027-05-01\nupdated: 2026-10-01\n"),
    "content/faqs/help.md": doc("id: help\ntitle: How do I get help?\naudience: public\nowner: support\n"
                                "review_by: 2027-05-01", "Ask us.\n"),
}
CONFIG = "title: T\nrepo_url: https://git.internal.example/ts/kc\n"


def public_site(make_site, config=CONFIG):
    site_config = make_site(FILES, config=config)
    result = kc("build", "--config", str(site_config.root / "site_config.yml"), "--audience", "public")
    assert result.exit_code == 0, result.output
    out = site_config.root / "site"
    return out, b"\n".join(tree(out).values())


def test_internal_teams_and_contacts_stay_out(make_site):
    out, everything = public_site(make_site)
    assert b"internal-policy@example.com" not in everything
    assert not (out / "teams/policy").exists()
    assert (out / "teams/support/index.html").is_file()
    assert b"help@example.com" in (out / "teams/support/index.html").read_bytes()


def test_no_edit_links_or_review_dates_in_public_builds_by_default(make_site):
    out, everything = public_site(make_site)
    assert b"git.internal.example" not in everything
    assert b"Review by" not in everything
    assert b"2027-05-01" not in everything


def test_site_config_can_show_them(make_site):
    out, everything = public_site(make_site, CONFIG + "edit_links: [public, internal]\n"
                                                      "review_dates: [public]\n")
    assert b"git.internal.example" in everything and b"Review by" in everything


def test_empty_sections_are_not_in_the_navigation(make_site):
    out, _ = public_site(make_site)
    nav = (out / "index.html").read_text().split('class="site-nav"')[1].split("</nav>")[0]
    assert "policies/" in nav and "faqs/" in nav
    assert "playbooks/" not in nav and "training/" not in nav and "tags/" not in nav
