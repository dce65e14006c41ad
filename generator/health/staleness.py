"""Staleness: reviews passed or due soon, and guidance older than the policy it cites."""
from __future__ import annotations

from datetime import date

from .graph import Graph
from .model import Finding, Review
from ..dates import shift
from ..history.retraining import stale_since

REVIEW_HORIZON_DAYS = 90   # the Health page lists reviews due in 30, 60 and 90 days

FOLLOWERS = ("playbook", "training", "faq")   # documents that must follow the policies they cite


def review_findings(graph: Graph, today: date, window_days: int) -> list[Finding]:
    horizon = shift(today, window_days)
    findings = []
    for doc in graph.docs:
        review_by = doc.get("review_by")
        if doc.status != "active" or review_by is None or review_by > horizon:
            continue
        regions = tuple(doc.get("regions") or [])
        if review_by < today:
            days = (today - review_by).days
            findings.append(Finding("review-overdue", [doc.id], doc.get("owner"),
                                    f"{doc.type} '{doc.id}' was due for review on {review_by} "
                                    f"({days} day{'s' * (days != 1)} ago)",
                                    "review it, then move `review_by` into the future", regions, review_by))
        else:
            days = (review_by - today).days
            when = "today" if days == 0 else f"in {days} day{'s' * (days != 1)}"
            findings.append(Finding("review-due", [doc.id], doc.get("owner"),
                                    f"{doc.type} '{doc.id}' is due for review on {review_by} ({when})",
                                    "plan the review with the owner team", regions, review_by))
    return findings


def outdated_citations(graph: Graph) -> list[Finding]:
    """Active guidance older than an active policy it cites: the retraining rule of `kc check`
    (LIFE001/LIFE002, generator/history/retraining.py), so both commands name the same pairs.
    An inactive policy is left out: citing it is a `cites-retired` finding already."""
    findings = []
    for doc in graph.docs:
        if doc.type not in FOLLOWERS or doc.status != "active":
            continue
        for policy_id in sorted(graph.field_cites.get(doc.id, ())):
            policy = graph.by_id.get(policy_id)
            if policy is None or policy.type != "policy" or policy.status != "active":
                continue
            since = stale_since(doc, policy)
            if since is not None:
                findings.append(Finding(
                    "outdated-citation", [doc.id, policy.id], doc.get("owner") or policy.get("owner"),
                    f"{doc.type} '{doc.id}' (updated {doc.get('updated')}) predates version "
                    f"{policy.get('version')} of policy '{policy.id}' (in effect since {since})",
                    f"check '{doc.id}' against the current policy (`kc diff {policy.id}`), then set `updated`",
                    tuple(doc.get("regions") or [])))
    return findings


def upcoming_reviews(graph: Graph, today: date) -> list[Review]:
    """Active documents whose review date has passed or falls within REVIEW_HORIZON_DAYS."""
    horizon = shift(today, REVIEW_HORIZON_DAYS)
    due = [Review(d.id, d.title, d.type, d.get("owner"), d.get("review_by"), tuple(d.get("regions") or []))
           for d in graph.docs if d.status == "active" and d.get("review_by") and d.get("review_by") <= horizon]
    return sorted(due, key=lambda r: (r.review_by, r.id))
