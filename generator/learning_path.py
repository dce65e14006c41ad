"""A training module's learning path: its prerequisites, each after its own, then itself."""
from __future__ import annotations

from graphlib import CycleError, TopologicalSorter

from .document import Document
from .pages import doc_link

PATH_STEPS = 12  # a page shows the nearest steps of its path, so page size stays bounded


def learning_path(ctx, doc: Document) -> list[dict]:
    """Prerequisites (transitively, each after its own prerequisites), then this module."""
    requires: dict[str, list[str]] = {}
    pending = [doc.id]
    while pending:  # iterative: prerequisite chains can be thousands deep
        doc_id = pending.pop()
        target = ctx.lookups.by_id.get(doc_id)
        if doc_id in requires or target is None:
            continue
        requires[doc_id] = [p for p in target.get("prerequisites") or [] if p in ctx.lookups.by_id]
        pending.extend(reversed(requires[doc_id]))
    try:
        ordered = list(TopologicalSorter(requires).static_order())
    except CycleError:  # `kc check` refuses cycles (CYCLE001); never crash on one anyway
        return []
    if len(ordered) < 2:
        return []
    return [dict(doc_link(ctx.lookups.by_id[i]), current=(i == doc.id),
                 minutes=ctx.lookups.by_id[i].get("duration_minutes")) for i in ordered]
