"""Stage 3 — link: the reference graph and every cross-reference diagnostic.

Checks ids, body references (`[[id#anchor]]`, relative `.md` links), front-matter
references (right type, known team), cycles, audience leaks and status rules.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass

from .config import AUDIENCES
from .content_types import ACYCLIC_FIELDS, REFERENCE_FIELDS, TEAM_FIELDS
from .document import Document
from .redirects import index_aliases
from .site import Site
from .urls import doc_url
from .suggest import did_you_mean


@dataclass(frozen=True)
class Edge:
    """One reference from a document, at a source position."""
    source: Document
    target_id: str
    anchor: str | None
    line: int
    column: int
    field: str | None = None   # the front-matter field, or None for a body reference


def run(site: Site) -> None:
    ambiguous = index_ids(site)
    aliases = index_aliases(site)
    site.successors = {doc.get("supersedes"): doc.id for doc in site.documents if doc.get("supersedes")}
    by_path = {doc.src_path: doc for doc in site.documents}
    by_path.update({doc_url(doc): doc for doc in site.documents if doc.id and doc.type})
    for doc in site.documents:
        for edge in body_edges(site, doc, by_path):
            if edge.target_id not in ambiguous:   # ID001 already says what to fix
                check_edge(site, follow_alias(site, edge, aliases))
        for edge in field_edges(doc):
            if edge.target_id not in ambiguous:
                check_edge(site, follow_alias(site, edge, aliases))
        check_teams(site, doc)
    for field in ACYCLIC_FIELDS:
        check_cycles(site, field)


def index_ids(site: Site) -> set[str]:
    """Fill site.by_id; report every document of a duplicated id, each naming the others
    (symmetric: neither author is "second"). Returns the duplicated ids, whose references
    are not checked further so one clash does not cascade into other authors' files."""
    holders: dict[str, list[Document]] = {}
    for doc in site.documents:
        if doc.id is not None:
            holders.setdefault(doc.id, []).append(doc)
            site.by_id.setdefault(doc.id, doc)
    duplicated = {doc_id for doc_id, docs in holders.items() if len(docs) > 1}
    for doc_id in sorted(duplicated):
        docs = holders[doc_id]
        for doc in docs:
            others = [other.src_path for other in docs if other is not doc]
            line, column = doc.position("id")
            site.diagnostics.add("ID001", doc.src_path, line, column,
                                 f"duplicate id '{doc_id}': {', '.join(others)} also uses it",
                                 f"ids must be unique: rename the id here or in {', '.join(others)}")
    return duplicated


def body_edges(site: Site, doc: Document, by_path: dict[str, Document]):
    """Edges of the body's references; `by_path` maps source paths and page URLs to documents."""
    lines = doc.body.splitlines()
    for ref in doc.references:
        text = lines[ref.line] if ref.line < len(lines) else ""
        column = text.find(ref.needle) + 1 if ref.needle in text else 1
        line = doc.body_line + ref.line
        if ref.kind == "wikilink":
            yield Edge(doc, ref.target, ref.anchor, line, column)
            continue
        if ref.kind in ("file", "image", "noalt"):
            check_file_reference(site, doc, ref, line, column)
            continue
        if ref.kind == "dropped":
            report_dropped_html(site, doc, ref.target, line, column)
            continue
        if ref.kind == "fragment":
            check_own_anchor(site, doc, ref.anchor, line, column)
            continue
        if ref.kind == "site":
            target = by_path.get(ref.target)
            if target is None:
                site.diagnostics.add("XREF005", doc.src_path, line, column,
                                     f"link to '{ref.needle}' points at no page of this site",
                                     "link to the document by id instead, e.g. [[its-id]]: site-absolute "
                                     "links also break when the site is served under a sub-path")
            else:
                yield Edge(doc, target.id, ref.anchor, line, column)
            continue
        target_path = posixpath.normpath(posixpath.join(posixpath.dirname(doc.src_path), ref.target))
        target = by_path.get(target_path)
        if target is None or target.id is None:
            site.diagnostics.add("XREF004", doc.src_path, line, column,
                                 f"link to '{ref.target}' points at no document",
                                 "check the relative path from this file; it must end in .md")
            continue
        yield Edge(doc, target.id, ref.anchor, line, column)


def check_own_anchor(site: Site, doc: Document, anchor: str, line: int, column: int) -> None:
    """A same-page `#fragment` link must name a heading, a `{#id}` or a raw HTML anchor of the
    page (or an id kc's theme adds to every document page: `kc-...`)."""
    if anchor in doc.anchors or anchor.startswith("kc-") or is_footnote_anchor(anchor):
        return
    listed = ", ".join(a for a in doc.anchors if a) or "none: this page has no headings"
    site.diagnostics.add("XREF006", doc.src_path, line, column,
                         f"this page has no heading or anchor '#{anchor}'", f"anchors on this page: {listed}")


def check_file_reference(site: Site, doc: Document, ref, line: int, column: int) -> None:
    if ref.kind == "noalt":
        site.diagnostics.add("FILE003", doc.src_path, line, column, f"image '{ref.target}' has no alt text",
                             "describe what the image shows for readers who cannot see it: "
                             "![what it shows](file.png)")
        return
    from .files import check_file
    problem = check_file(site, doc, ref.target, as_image=ref.kind == "image")
    if problem:
        site.diagnostics.add(problem[0], doc.src_path, line, column, problem[1], problem[2])


def report_dropped_html(site: Site, doc: Document, tag: str, line: int, column: int) -> None:
    from .raw_html import REMOVED_WITH_CONTENT
    if tag == "input":
        what = "a raw <input> is left out of the page (only task-list boxes `- [ ]` are shown)"
        hint = "write a task list item (`- [ ] step`) or describe the field in words"
    elif tag in REMOVED_WITH_CONTENT:
        what = f"<{tag}> is removed from the page with everything inside it"
        hint = "kc pages run no scripts or inline styles: remove it, or link to the resource instead"
    else:
        what = f"<{tag}> is not allowed in kc pages: the tag is removed (its text stays)"
        hint = "remove the tag, or use Markdown (links, tables, images) for the same content"
    site.diagnostics.add("BODY003", doc.src_path, line, column, what, hint)


def is_footnote_anchor(anchor: str) -> bool:
    from .gfm import footnote_anchor_pattern
    return footnote_anchor_pattern().fullmatch(anchor) is not None


def field_edges(doc: Document):
    for field, _types in REFERENCE_FIELDS.get(doc.type, {}).items():
        value = doc.get(field)
        targets = value if isinstance(value, list) else [value] if value else []
        for index, target in enumerate(targets):
            loc = (field, index) if isinstance(value, list) else (field,)
            line, column = doc.position(*loc)
            yield Edge(doc, target, None, line, column, field)


def follow_alias(site: Site, edge: Edge, aliases: dict[str, Document]) -> Edge:
    """A reference to an old id (an alias of a renamed document) works, with a warning naming the
    new id; in a front-matter field the old id is read as the new one from here on."""
    target = aliases.get(edge.target_id)
    if target is None or edge.target_id in site.by_id:
        return edge
    site.diagnostics.add("XREF007", edge.source.src_path, edge.line, edge.column,
                         f"'{edge.target_id}' is an old id of '{target.id}' ({target.src_path})",
                         f"write '{target.id}' instead")
    if edge.field:
        rename_in_field(edge.source, edge.field, edge.target_id, target.id)
    return Edge(edge.source, target.id, edge.anchor, edge.line, edge.column, edge.field)


def rename_in_field(doc: Document, field: str, old: str, new: str) -> None:
    value = doc.get(field)
    if isinstance(value, list):
        value = [new if item == old else item for item in value]
    elif value == old:
        value = new
    if doc.fields is not None:
        setattr(doc.fields, field, value)
    else:
        doc.partial[field] = value


def check_edge(site: Site, edge: Edge) -> None:
    add, doc = site.diagnostics.add, edge.source
    target = site.by_id.get(edge.target_id)
    where = (doc.src_path, edge.line, edge.column)
    if target is None:
        add("XREF001", *where, f"unknown reference '{edge.target_id}'",
            did_you_mean(edge.target_id, site.by_id) or "check the id in the target's front matter")
        return
    if edge.field:
        allowed = REFERENCE_FIELDS[doc.type][edge.field]
        if allowed and target.type not in allowed:
            add("XREF003", *where,
                f"`{edge.field}` must name a {' or '.join(allowed)}, but '{target.id}' is a {target.type}",
                f"use the id of a {allowed[0]}")
    if edge.anchor and edge.anchor not in target.anchors:
        listed = ", ".join(target.anchors) or "none: the target has no headings"
        add("XREF002", *where, f"'{target.id}' has no anchor '#{edge.anchor}'", f"anchors: {listed}")
    check_visibility(site, edge, target)


def check_visibility(site: Site, edge: Edge, target: Document) -> None:
    add, doc = site.diagnostics.add, edge.source
    where = (doc.src_path, edge.line, edge.column)
    if target.audience_rank > doc.audience_rank:
        add("AUD001", *where,
            f"this {doc.audience} document references '{target.id}', which is {target.audience}",
            f"readers of {doc.audience} pages may not see it: remove the reference, "
            f"or make this document {target.audience}")
    if doc.status == "active" and target.status == "draft":
        add("STATUS001", *where, f"active document references draft '{target.id}'",
            "publish the draft first, or remove the reference")
    chain = site.successor_chain(target.id)
    if target.status in ("deprecated", "retired") and edge.field != "supersedes" \
            and doc.status not in ("deprecated", "retired") and doc.id not in chain:
        hint = f"reference '{chain[-1]}' instead" if chain else "remove or replace the reference"
        replaced = f", superseded by '{chain[-1]}'" if chain else ""
        add("STATUS002", *where, f"'{target.id}' is {target.status}{replaced}", hint)


def check_teams(site: Site, doc: Document) -> None:
    for field in TEAM_FIELDS:
        value = doc.get(field)
        teams = value if isinstance(value, list) else [value] if value else []
        for index, team in enumerate(teams):
            if team in site.teams:
                continue
            loc = (field, index) if isinstance(value, list) else (field,)
            line, column = doc.position(*loc)
            site.diagnostics.add("TEAM001", doc.src_path, line, column, f"unknown team '{team}'",
                                 did_you_mean(team, site.teams) or
                                 f"teams: {', '.join(sorted(site.teams)) or 'none (add content/teams.yml)'}")


def check_cycles(site: Site, field: str) -> None:
    """Report each cycle in a reference field once, at the document where the search entered it."""
    graph = {doc.id: _as_list(doc.get(field)) for doc in site.documents if doc.id and doc.get(field)}
    order = sorted(graph, key=lambda doc_id: site.by_id[doc_id].src_path)
    for cycle in find_cycles(graph, order):
        doc = site.by_id[cycle[0]]
        line, column = doc.position(field)
        site.diagnostics.add("CYCLE001", doc.src_path, line, column,
                             f"`{field}` forms a cycle: {' → '.join(cycle + [cycle[0]])}",
                             "remove one of these references to break the cycle")


def find_cycles(graph: dict[str, list[str]], order: list[str]) -> list[list[str]]:
    """Cycles found by one depth-first search (linear time): one per back edge."""
    done: set[str] = set()
    cycles = []
    for root in order:
        if root in done:
            continue
        path, on_path = [root], {root}
        stack = [iter(graph.get(root, []))]
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                stack.pop()
                node = path.pop()
                on_path.discard(node)
                done.add(node)
                continue
            if nxt in on_path:
                cycles.append(path[path.index(nxt):])
            elif nxt not in done and nxt in graph:
                path.append(nxt)
                on_path.add(nxt)
                stack.append(iter(graph[nxt]))
    return cycles


def _as_list(value) -> list[str]:
    return value if isinstance(value, list) else [value] if value else []


__all__ = ["run", "AUDIENCES"]
