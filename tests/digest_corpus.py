"""A small corpus for digest and feed tests: period 2026-09-01..2026-09-30 has
changes on its first and last day, and others the day before and after."""
from __future__ import annotations

from pathlib import Path

from .corpus_helpers import TEAMS, doc

CANARY = "ZEBRA-CANARY-7731"
CONFIG = f"""\
title: Test KC
base_url: https://kc.test/
themes_dir: {Path(__file__).resolve().parent.parent / "themes"}
digest:
  title: Test digest
  sender: Test PMs
  footer: "Questions? Ask in #test."
"""


def policy(id_: str, extra: str = "", audience: str = "public") -> str:
    return doc(f"id: {id_}\ntitle: Policy {id_}\nowner: policy\naudience: {audience}\n{extra}",
               "## Enforcement\n\nText.\n")


CORPUS = {
    "content/teams.yml": TEAMS,
    # first day: a supersession and the retirement of the old policy
    "content/policies/old-rules.md": policy(
        "old-rules", "status: retired\nversion: '1.0'\neffective: 2025-01-01\nupdated: 2026-09-01"),
    "content/policies/new-rules.md": policy(
        "new-rules", "version: '2.0'\neffective: 2026-09-01\nsupersedes: old-rules\n"
        "summary: The rewritten rules.\nchangelog:\n"
        "  - {version: '2.0', date: 2026-09-01, summary: Full rewrite.}"),
    # last day: a new version
    "content/policies/spam.md": policy(
        "spam", "version: '1.1'\neffective: 2026-01-01\nupdated: 2026-09-30\nchangelog:\n"
        "  - {version: '1.1', date: 2026-09-30, summary: Covers engagement pods.}\n"
        "  - {version: '1.0', date: 2026-01-01, summary: First version.}"),
    "content/policies/before.md": policy(
        "before", "version: '1.0'\neffective: 2025-01-01\nupdated: 2026-08-31"),
    "content/policies/after.md": policy(
        "after", "version: '1.0'\neffective: 2025-01-01\nupdated: 2026-10-01"),
    "content/policies/unfinished.md": policy(
        "unfinished", "status: draft\nversion: '0.1'\neffective: 2026-09-10\nupdated: 2026-09-10"),
    # restricted: must never reach a public or internal output
    "content/policies/secret.md": policy(
        "secret", f"version: '3.0'\neffective: 2026-09-15\nupdated: 2026-09-15\n"
        f"review_by: 2026-10-10\ntags: [{CANARY.lower()}]\nsummary: {CANARY} summary.\n"
        f"changelog:\n  - {{version: '3.0', date: 2026-09-15, summary: {CANARY} entry.}}",
        audience="restricted"),
    "content/playbooks/takedown.md": doc(
        "id: takedown\ntitle: Live takedown\nowner: escalations\naudience: internal\n"
        "policies: [spam]\nseverity: sev2\nresponse_time: 15m\nupdated: 2026-09-10\n"
        "review_by: 2026-10-15\ntags: [live-streaming]\nregions: [eu]\n"
        "summary: Ending a live stream."),
    "content/training/basics.md": doc(
        "id: basics\ntitle: Moderation basics\nowner: policy\naudience: public\n"
        "duration_minutes: 30\nupdated: 2026-09-20\nreview_by: 2026-10-31\n"
        "objectives: [Find the right policy, Apply the tiers]"),
    "content/faqs/how-to.md": doc(
        "id: how-to\ntitle: How do I report?\naudience: public\nupdated: 2026-09-05\n"
        "regions: [eu]\nsummary: Reporting in three steps."),
    "content/newsletters/news-aug.md": doc(
        "id: news-aug\ntitle: August news\nowner: policy\naudience: internal\ndate: 2026-08-20\n"
        "summary: August."),
    "content/newsletters/news-sep.md": doc(
        "id: news-sep\ntitle: September news\nowner: policy\naudience: public\ndate: 2026-09-30\n"
        "highlights: [spam, new-rules]\nsummary: What changed in September."),
    "content/newsletters/secret-news.md": doc(
        f"id: secret-news\ntitle: {CANARY} news\nowner: policy\naudience: restricted\n"
        f"date: 2026-09-12\ntags: [{CANARY.lower()}]\nsummary: {CANARY}."),
}
