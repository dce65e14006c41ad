"""Orphans: active documents nothing links to and nobody highlights."""
from __future__ import annotations

from ..listings import WHATS_NEW, updated_on
from .graph import Graph
from .model import Finding


def home_highlights(graph: Graph) -> set[str]:
    """What the (internal) home page links to: the newest documents ("What's new"),
    the latest newsletter and the training modules without prerequisites."""
    shown = [d for d in graph.docs if d.status in ("active", "deprecated") and d.visible_to("internal")]
    recent = sorted((d for d in shown if updated_on(d)), key=lambda d: (updated_on(d), d.id), reverse=True)
    newsletters = sorted((d for d in shown if d.type == "newsletter"), key=lambda d: (d.get("date"), d.id))
    starters = {d.id for d in shown if d.type == "training" and not d.get("prerequisites")}
    return {d.id for d in recent[:WHATS_NEW]} | {d.id for d in newsletters[-1:]} | starters


def orphan_findings(graph: Graph) -> list[Finding]:
    home = home_highlights(graph)
    findings = []
    for doc in sorted(graph.docs, key=lambda d: d.id):
        if doc.status != "active" or doc.type == "newsletter":
            continue
        if graph.cited_by.get(doc.id) or doc.id in graph.highlighted or doc.id in home:
            continue
        findings.append(Finding("orphan", [doc.id], doc.get("owner"),
                                f"{doc.type} '{doc.id}' is linked from no other document, no newsletter "
                                f"and not the home page",
                                "link it from a related document or highlight it in a newsletter; "
                                "retire it if nobody needs it", tuple(doc.get("regions") or [])))
    return findings
