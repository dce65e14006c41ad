"""What the Health page and `kc report --format html` show, as template data."""
from __future__ import annotations

from collections import Counter
from typing import Callable

from .charts import bar_chart
from .model import CATEGORIES, CATEGORY_TITLES, KIND_TITLES, KINDS, NO_OWNER, Health

REVIEW_BUCKETS = (30, 60, 90)
SHOWN_PER_KIND = 50   # a page lists this many findings of a kind; `kc report` has them all
Link = Callable[[str], "str | None"]   # document id -> URL, or None when it has no page here


def level(count: int) -> str:
    """Colour class of a coverage cell: none (red), one (amber), several (green)."""
    return "none" if count == 0 else "one" if count == 1 else "many"


def health_view(health: Health, link: Link, chart_prefix: str = "health") -> dict:
    team_name = lambda team_id: health.teams.get(team_id, team_id) if team_id else NO_OWNER  # noqa: E731
    doc = lambda doc_id: {"id": doc_id, "url": link(doc_id)}  # noqa: E731
    matrix = [{"policy": doc(row.policy), "title": row.title, "owner": team_name(row.owner),
               "regions": row.regions,
               "cells": [{"label": label, "count": len(ids), "level": level(len(ids)),
                          "docs": [doc(i) for i in ids]}
                         for label, ids in (("Playbooks", row.playbooks), ("Training", row.training),
                                            ("FAQs", row.faqs))]}
              for row in health.coverage]
    by_owner = Counter(team_name(f.owner) for f in health.findings)
    by_kind = Counter(f.kind for f in health.findings)
    owner_rows = sorted(by_owner.items(), key=lambda item: (-item[1], item[0]))
    kind_rows = [(KIND_TITLES[kind], by_kind[kind]) for kind in KINDS if by_kind[kind]]
    groups = []
    for category in CATEGORIES:
        kinds = []
        for kind in (k for k in KINDS if KINDS[k][0] == category):
            found = [f for f in health.findings if f.kind == kind]
            kinds.append({"kind": kind, "title": KIND_TITLES[kind], "total": len(found),
                          "more": max(0, len(found) - SHOWN_PER_KIND),
                          "findings": [dict(f.to_dict(), owner_name=team_name(f.owner),
                                            docs=[doc(i) for i in f.ids]) for f in found[:SHOWN_PER_KIND]]})
        groups.append({"title": CATEGORY_TITLES[category], "category": category,
                       "count": sum(k["total"] for k in kinds),
                       "kinds": [k for k in kinds if k["findings"]]})
    return {
        "today": health.today, "documents": health.documents, "total": len(health.findings),
        "matrix": matrix,
        "charts": {"owner": {"svg": bar_chart(f"{chart_prefix}-by-owner", "Findings by owner team", owner_rows),
                             "rows": owner_rows},
                   "kind": {"svg": bar_chart(f"{chart_prefix}-by-kind", "Findings by kind", kind_rows),
                            "rows": kind_rows}},
        "groups": groups,
        "reviews": review_buckets(health, doc, team_name),
    }


def review_buckets(health: Health, doc, team_name) -> list[dict]:
    buckets = [{"title": "Overdue", "reviews": []}] + [
        {"title": f"Due in {start + 1}–{end} days" if start else f"Due in the next {end} days", "reviews": []}
        for start, end in zip((0,) + REVIEW_BUCKETS, REVIEW_BUCKETS)]
    for review in health.reviews:
        days = (review.review_by - health.today).days
        index = 0 if days < 0 else 1 + next(i for i, end in enumerate(REVIEW_BUCKETS) if days <= end)
        buckets[index]["reviews"].append(dict(doc(review.id), title=review.title, type=review.type,
                                              owner=team_name(review.owner), review_by=review.review_by,
                                              days=days))
    return buckets

