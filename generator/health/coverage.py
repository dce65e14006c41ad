"""Coverage: what each active policy is missing (playbook, training, FAQ, regions)."""
from __future__ import annotations

from ..document import Document
from .graph import Graph
from .model import CoverageRow, Finding

COVERS_EVERYWHERE = "global"   # a playbook for `global` (or with no regions) covers every region
MISSING = {"playbook": ("no-playbook", "escalation playbook", "write a playbook that lists it in `policies`"),
           "training": ("no-training", "training module", "add it to a training module's `policies`"),
           "faq": ("no-faq", "FAQ", "add it to an FAQ's `policies`, or link it from one")}


def coverage_rows(graph: Graph) -> list[CoverageRow]:
    rows = []
    for policy in sorted((d for d in graph.docs if d.type == "policy" and d.status == "active"),
                         key=lambda d: d.id):
        row = CoverageRow(policy.id, policy.title, policy.get("owner"), list(policy.get("regions") or []))
        for source in graph.cited_by.get(policy.id, []):
            if source.status != "active":
                continue
            bucket = {"playbook": row.playbooks, "training": row.training, "faq": row.faqs}.get(source.type)
            if bucket is not None:
                bucket.append(source.id)
        for bucket in (row.playbooks, row.training, row.faqs):
            bucket.sort()
        rows.append(row)
    return rows


def coverage_findings(graph: Graph, rows: list[CoverageRow]) -> list[Finding]:
    findings = []
    for row in rows:
        policy = graph.by_id[row.policy]
        for doc_type, citing in (("playbook", row.playbooks), ("training", row.training), ("faq", row.faqs)):
            if citing:
                continue
            kind, what, hint = MISSING[doc_type]
            findings.append(Finding(kind, [row.policy], row.owner,
                                    f"active policy '{row.policy}' ({row.title}) has no {what} citing it",
                                    hint, tuple(row.regions)))
        if row.playbooks:
            uncovered = uncovered_regions(policy, [graph.by_id[i] for i in row.playbooks])
            if uncovered:
                findings.append(Finding(
                    "region-uncovered", [row.policy, *row.playbooks], row.owner,
                    f"policy '{row.policy}' applies in {', '.join(uncovered)}, but none of its playbooks "
                    f"({', '.join(row.playbooks)}) covers {'it' if len(uncovered) == 1 else 'them'}",
                    f"add {', '.join(uncovered)} to a playbook's `regions`, or write one for "
                    f"{'that region' if len(uncovered) == 1 else 'those regions'}", tuple(uncovered)))
    return findings


def uncovered_regions(policy: Document, playbooks: list[Document]) -> list[str]:
    covered: set[str] = set()
    for playbook in playbooks:
        regions = {r.casefold() for r in playbook.get("regions") or []}
        if not regions or COVERS_EVERYWHERE in regions:
            return []
        covered |= regions
    return [r for r in policy.get("regions") or [] if r.casefold() not in covered]
