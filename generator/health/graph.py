"""The reference graph the rules read, built in one pass over the corpus."""
from __future__ import annotations

import posixpath
from collections import defaultdict
from dataclasses import dataclass, field

from ..content_types import REFERENCE_FIELDS
from ..document import Document
from ..site import Site

LIVE = ("active", "deprecated")   # statuses whose documents still guide people


class Facts:
    """A valid document's fields read once: the rules read each field many times, and a
    plain dict lookup is several times cheaper than a pydantic attribute (bench_report)."""
    __slots__ = ("doc", "values", "id", "type", "status", "title", "src_path", "references")

    def __init__(self, doc: Document):
        self.doc, self.values = doc, vars(doc.fields)
        self.id, self.type, self.src_path, self.references = doc.id, doc.type, doc.src_path, doc.references
        self.status, self.title = self.values.get("status", "active"), self.values.get("title")

    def get(self, name: str, default=None):
        return self.values.get(name, default)

    def visible_to(self, audience: str) -> bool:
        return self.doc.visible_to(audience)


@dataclass
class Graph:
    docs: list[Facts]                                      # valid documents, in load order
    by_id: dict[str, Facts]
    cites: dict[str, set[str]] = field(default_factory=dict)           # id -> ids it references
    field_cites: dict[str, set[str]] = field(default_factory=dict)     # id -> ids named in front matter
    cited_by: dict[str, list[Facts]] = field(default_factory=lambda: defaultdict(list))
    highlighted: set[str] = field(default_factory=set)     # ids named in a newsletter's highlights


def build_graph(site: Site) -> Graph:
    docs = [Facts(d) for d in site.documents if d.valid and d.id]
    by_id: dict[str, Facts] = {}
    for doc in docs:
        by_id.setdefault(doc.id, doc)
    by_path = {d.src_path: d for d in docs}
    graph = Graph(docs, by_id)
    for doc in docs:
        from_fields = front_matter_targets(doc)
        targets = (from_fields | body_targets(doc, by_path)) - {doc.id}
        graph.field_cites[doc.id] = from_fields
        graph.cites[doc.id] = targets
        if doc.status in LIVE:
            for target in sorted(targets):
                if target in by_id:
                    graph.cited_by[target].append(doc)
        if doc.type == "newsletter" and doc.status in LIVE:
            graph.highlighted.update(doc.get("highlights") or [])
    return graph


def front_matter_targets(doc) -> set[str]:
    found: set[str] = set()
    for name in REFERENCE_FIELDS.get(doc.type, {}):
        if name == "supersedes":
            continue
        value = doc.get(name)
        found.update(value if isinstance(value, list) else [value] if value else [])
    return found


def body_targets(doc, by_path: dict) -> set[str]:
    found = set()
    for ref in doc.references:
        if ref.kind == "wikilink":
            found.add(ref.target)
            continue
        path = posixpath.normpath(posixpath.join(posixpath.dirname(doc.src_path), ref.target))
        target = by_path.get(path)
        if target is not None:
            found.add(target.id)
    return found
