"""A corpus with every health finding planted once, next to near-misses that must
not be reported. Today is 2026-11-22; review window 30 days; sev1 1h, sev2 4h."""
from __future__ import annotations

from pathlib import Path

from .corpus_helpers import doc

TODAY = "2026-11-22"
CONFIG = f"""\
title: Health KC
base_url: https://kc.test/
themes_dir: {Path(__file__).resolve().parent.parent / "themes"}
health:
  response_limits: {{sev1: 1h, sev2: 4h}}
  review_window_days: 30
"""
TEAMS = """\
policy: {name: Policy, contact: policy@example.com}
escalations: {name: Escalations, contact: "#ts-escalations"}
training: {name: Enablement, contact: training@example.com}
vague: {name: Vague Team, contact: TBD}
idle: {name: Idle Team, contact: idle@example.com}
"""
COVERED_BY_TRIO = ["covered", "no-tr", "no-faq", "versioned", "rules-a", "rules-b"]


def policy(id_: str, extra: str = "") -> str:
    return doc(f"id: {id_}\ntitle: Policy {id_}\nowner: policy\nversion: '1.0'\n"
               f"effective: 2026-01-01\n{extra}", "## Enforcement\n\nText.\n")


def playbook(id_: str, policies: list[str], extra: str = "", owner: str = "escalations") -> str:
    return doc(f"id: {id_}\ntitle: Playbook {id_}\nowner: {owner}\npolicies: [{', '.join(policies)}]\n"
               f"updated: 2026-11-01\n{extra}")


def faq(id_: str, extra: str = "", body: str = "Text.\n") -> str:
    return doc(f"id: {id_}\ntitle: Question {id_}?\n{extra}", body)


CORPUS = {
    "content/teams.yml": TEAMS,
    # coverage
    "content/policies/covered.md": policy("covered", "regions: [eu, us]\nreview_by: 2026-11-01"),  # review-overdue
    "content/policies/no-pb.md": policy("no-pb"),            # only a draft playbook cites it
    "content/policies/no-tr.md": policy("no-tr"),
    "content/policies/no-faq.md": policy("no-faq"),          # only a retired FAQ cites it
    "content/policies/regional.md": policy("regional", "regions: [eu, apac]"),
    "content/policies/global-ok.md": policy("global-ok", "regions: [latam]"),   # a global playbook covers it
    "content/policies/versioned.md": policy(
        "versioned", "changelog:\n  - {version: '2.0', date: 2026-10-01, summary: Stricter.}").replace(
        "version: '1.0'", "version: '2.0'"),
    # supersession
    "content/policies/rules-old.md": policy("rules-old", "status: retired\nreview_by: 2026-01-01"),
    "content/policies/rules-a.md": policy("rules-a", "supersedes: rules-old"),
    "content/policies/rules-b.md": policy("rules-b", "supersedes: rules-old"),
    "content/policies/rules-draft.md": policy("rules-draft", "status: draft\nsupersedes: rules-old"),
    "content/policies/legacy.md": policy("legacy", "status: deprecated"),
    # playbooks
    "content/playbooks/pb-covered.md": playbook(
        "pb-covered", ["covered", "no-tr", "no-faq", "versioned", "rules-a", "rules-b"],
        "regions: [eu, us]\nseverity: sev2\nresponse_time: 4h\nreview_by: 2026-12-10\ntags: [live-stream]"),
    "content/playbooks/pb-regional.md": playbook("pb-regional", ["regional"], "regions: [eu]\ntags: [livestream]"),
    "content/playbooks/pb-global.md": playbook(
        "pb-global", ["global-ok"], "regions: [global]\nseverity: sev3\nresponse_time: 5d\ntags: [Live Stream]"),
    "content/playbooks/pb-slow.md": playbook(
        "pb-slow", ["covered"], "severity: sev1\nresponse_time: 2h\nescalate_to: [ghost]\ntags: [live-stream]",
        owner="vague"),
    "content/playbooks/pb-draft.md": playbook("pb-draft", ["no-pb"], "status: draft"),
    # training
    "content/training/tr-covered.md": doc(
        "id: tr-covered\ntitle: Training covered\nowner: training\nupdated: 2026-11-01\n"
        "review_by: 2026-12-23\ntags: [live-streaming]\n"
        "policies: [covered, no-pb, no-faq, regional, global-ok, versioned, rules-a, rules-b]"),
    "content/training/tr-stale.md": doc(
        "id: tr-stale\ntitle: Training stale\nowner: training\nupdated: 2025-12-01\npolicies: [versioned]"),
    # FAQs
    "content/faqs/faq-covered.md": faq(
        "faq-covered", "updated: 2026-10-01\npolicies: [no-pb, no-tr, regional, global-ok, versioned, rules-a, rules-b]",
        "See [[covered]], the old [[legacy]] rules and [this answer](faq-linked.md).\n"),
    "content/faqs/faq-old.md": faq("faq-old", "status: retired\npolicies: [no-faq, legacy]"),
    "content/faqs/faq-orphan.md": faq("faq-orphan", "updated: 2026-02-01"),
    "content/faqs/faq-linked.md": faq("faq-linked", "updated: 2026-02-01"),
    "content/faqs/faq-highlighted.md": faq("faq-highlighted", "updated: 2026-02-01"),
    "content/faqs/broken.md": faq("broken").replace("title: Question broken?\n", ""),
    # newsletters
    "content/newsletters/news-1.md": doc(
        "id: news-1\ntitle: November\ndate: 2026-11-15\n"
        "highlights: [faq-highlighted, pb-slow, pb-regional, pb-global]"),
    "content/newsletters/news-0.md": doc("id: news-0\ntitle: October\ndate: 2026-10-15"),
}

# every finding, in report order: (kind, ids, owner)
EXPECTED = [
    ("no-playbook", ["no-pb"], "policy"),
    ("no-training", ["no-tr"], "policy"),
    ("no-faq", ["no-faq"], "policy"),
    ("region-uncovered", ["regional", "pb-regional"], "policy"),
    ("review-overdue", ["covered"], "policy"),
    ("review-due", ["pb-covered"], "escalations"),
    ("outdated-citation", ["tr-stale", "versioned"], "training"),
    ("double-supersede", ["rules-a", "rules-b", "rules-old"], "policy"),
    ("cites-retired", ["faq-covered", "legacy"], None),
    ("slow-response", ["pb-slow"], "vague"),
    ("tag-variants", ["pb-global", "pb-regional"], None),
    ("idle-team", ["idle"], "idle"),
    ("missing-contact", ["pb-slow"], "ghost"),
    ("missing-contact", ["pb-slow"], "vague"),
    ("orphan", ["faq-orphan"], None),
]
