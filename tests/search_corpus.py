"""A small corpus for search tests: public and restricted documents, a draft,
a retired and a deprecated policy with its successor, and a canary string."""
from __future__ import annotations

from .corpus_helpers import TEAMS, doc, policy

CANARY = "zqxcanarywhisperzq"   # appears only in the restricted document

FILES = {
    "content/teams.yml": TEAMS,
    "content/policies/harassment.md": policy(
        "harassment", "title: Harassment & Bullying\ntags: [harassment, bullying]\nregions: [global]\n"
        "supersedes: harassment-old\n",
        "## Summary\n\nWe remove targeted abuse and bullying.\n\n"
        "## Threats {#threats}\n\nThreatening violence against a person is never allowed.\n\n"
        "## Doxxing\n\nSharing someone's home address without consent.\n"),
    "content/policies/harassment-old.md": policy(
        "harassment-old", "title: Harassment & Bullying (2019)\nstatus: deprecated\n"
        "tags: [harassment]\nregions: [eu]\n",
        "## Summary\n\nWe remove targeted abuse and bullying and harassment.\n"),
    "content/policies/spam.md": policy(
        "spam", "title: Spam\ntags: [spam]\nregions: [us]\n",
        "## Summary\n\nFake engagement, bots and escalation of scams.\n"),
    "content/policies/retired-rules.md": policy(
        "retired-rules", "title: Retired rules\nstatus: retired\n",
        "## Summary\n\nObsolete guidance about obsoletewidgets.\n"),
    "content/policies/draft-rules.md": policy(
        "draft-rules", "title: Draft rules\nstatus: draft\n",
        "## Summary\n\nUpcoming guidance about upcomingwidgets.\n"),
    "content/policies/secret.md": policy(
        "secret", "title: Secret enforcement thresholds\naudience: restricted\n",
        f"## Thresholds\n\nThe {CANARY} threshold is three strikes.\n\n"
        "<!-- never shown -->\n"),
    "content/faqs/report-harassment.md": doc(
        "id: report-harassment\ntitle: How do I report harassment?\naudience: public\n"
        "tags: [harassment, reporting]\npolicies: [harassment]\n",
        "Reports are confidential.\n\n## Report a comment\n\nPress and hold the comment, "
        "choose Report, then see [[harassment#threats]].\n"),
}

SYNONYMS_CONFIG = """\
title: Test KC
base_url: https://kc.test/docs/
search:
  synonyms:
    bullied: [harassment]
    hacked: [account takeover]
"""
