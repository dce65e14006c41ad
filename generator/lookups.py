"""Lookups over the documents of one build: computed once, read by every page.

Everything here is derived from `ctx.pages` only (the documents visible to the
build's audience), so a page can never mention a document its readers may not see.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field

from .audience import listed
from .content_types import REFERENCE_FIELDS
from .document import Document, Team

TYPE_ORDER = ("policy", "playbook", "training", "faq", "newsletter")


@dataclass
class Term:
    """A tag or a region, with the listed documents that carry it."""
    name: str
    slug: str
    docs: list[Document] = field(default_factory=list)


@dataclass
class TeamWork:
    team: Team
    owned: list[Document] = field(default_factory=list)        # documents it owns
    escalations: list[Document] = field(default_factory=list)  # playbooks that escalate to it


@dataclass
class Lookups:
    by_id: dict[str, Document]                 # every document built in this audience
    listed: dict[str, list[Document]]          # type -> listed documents, by title
    retired: dict[str, list[Document]]         # type -> retired documents, by title
    cited_by: dict[str, list[Document]]        # id -> listed documents that reference it
    tags: dict[str, Term]                      # slug -> tag
    regions: dict[str, Term]                   # slug -> region
    teams: dict[str, TeamWork]                 # team id -> what it owns (teams with work only)


def by_title(doc: Document) -> tuple:
    return (doc.title.casefold(), doc.id or "")


def by_type_then_title(doc: Document) -> tuple:
    return (TYPE_ORDER.index(doc.type) if doc.type in TYPE_ORDER else 99, *by_title(doc))


def build_lookups(site_teams: dict[str, Team], pages: list[Document], drafts: bool,
                  body_refs: dict[str, frozenset[str]]) -> Lookups:
    """body_refs: id -> ids its rendered body links to (RenderedPage.refs)."""
    by_id = {doc.id: doc for doc in pages if doc.id}
    shown = sorted((doc for doc in pages if listed(doc, drafts)), key=by_title)
    listed_by_type: dict[str, list[Document]] = defaultdict(list)
    retired: dict[str, list[Document]] = defaultdict(list)
    for doc in sorted(pages, key=by_title):
        if listed(doc, drafts):
            listed_by_type[doc.type].append(doc)
        elif doc.status == "retired":
            retired[doc.type].append(doc)
    if "newsletter" in listed_by_type:   # newsletters: newest first, everywhere they are listed
        listed_by_type["newsletter"].sort(key=lambda d: (d.get("date"), d.id), reverse=True)
    return Lookups(by_id=by_id, listed=dict(listed_by_type), retired=dict(retired),
                   cited_by=citations(shown, by_id, body_refs),
                   tags=terms(shown, "tags"), regions=terms(shown, "regions"),
                   teams=team_work(site_teams, shown))


def references_of(doc: Document, body_refs: dict[str, frozenset[str]]) -> set[str]:
    """Ids a document references, from front-matter fields and from its rendered body."""
    found: set[str] = set(body_refs.get(doc.id, ()))
    for name in REFERENCE_FIELDS.get(doc.type, {}):
        value = doc.get(name)
        found.update(value if isinstance(value, list) else [value] if value else [])
    found.discard(doc.id)
    return found


def citations(sources: list[Document], by_id: dict[str, Document],
              body_refs: dict[str, frozenset[str]]) -> dict[str, list[Document]]:
    cited: dict[str, list[Document]] = defaultdict(list)
    for source in sources:
        for target in references_of(source, body_refs):
            if target in by_id:
                cited[target].append(source)
    return {key: sorted(value, key=by_type_then_title) for key, value in sorted(cited.items())}


SLUG_MAX = 60   # a tag page's folder name stays far below the file system's 255 bytes


def term_slug(name: str) -> str:
    """'Live Streaming' -> 'live-streaming'; long or non-Latin names get a short hash."""
    digest = hashlib.sha1(name.encode()).hexdigest()[:8]
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
    if len(slug) > SLUG_MAX:
        return slug[:SLUG_MAX - 9].rstrip("-") + "-" + digest
    return slug or "t-" + digest


def terms(docs: list[Document], field_name: str) -> dict[str, Term]:
    found: dict[str, Term] = {}
    for doc in docs:
        slugs = {}                     # two spellings of one tag ('Live Stream', 'live-stream') list it once
        for name in sorted(set(doc.get(field_name) or [])):
            slugs.setdefault(term_slug(name), name)
        for slug, name in slugs.items():
            found.setdefault(slug, Term(name=name, slug=slug)).docs.append(doc)
    return {slug: found[slug] for slug in sorted(found)}


def team_work(teams: dict[str, Team], docs: list[Document]) -> dict[str, TeamWork]:
    work = {team_id: TeamWork(team) for team_id, team in sorted(teams.items())}
    for doc in docs:
        if doc.get("owner") in work:
            work[doc.get("owner")].owned.append(doc)
        for team_id in doc.get("escalate_to") or []:
            if team_id in work:
                work[team_id].escalations.append(doc)
    return {team_id: w for team_id, w in work.items() if w.owned or w.escalations}
