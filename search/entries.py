"""What gets indexed, whatever the engine: one entry per section of each listed
document of the build's audience, and one per team page of the build, as plain
field values."""
from __future__ import annotations

from typing import Iterable, Iterator

from generator.audience import listed
from generator.document import Document, Team
from generator.site import Site
from generator.urls import doc_url

from .sections import resolve, sections


def indexed_documents(pages: Iterable[Document], drafts: bool) -> list[Document]:
    """Published documents that belong in search (no retired ones, no drafts unless
    the build asked for them), in a stable order."""
    return sorted((doc for doc in pages if listed(doc, drafts)), key=lambda doc: doc.id)


def all_entries(site: Site, docs: list[Document], skeletons: dict | None = None,
                teams: dict[str, Team] | None = None) -> Iterator[dict]:
    """skeletons: id -> the sections skeleton the render stage made (RenderedPage.sections),
    so bodies are not parsed again; a document without one is parsed here.
    teams: id -> Team, the teams with a page in this build (see team_entries)."""
    published = {doc.id: doc for doc in docs}
    for doc in docs:
        yield from entries(site, doc, published, (skeletons or {}).get(doc.id))
    yield from team_entries(teams or {})


def team_entries(teams: dict[str, Team]) -> Iterator[dict]:
    """One entry per team page: the build's `lookups.teams`, i.e. the teams this audience
    may see (a public build: only `public: true` ones) that own or are escalated to by a
    listed document. Indexed with what the page's search box indexes: the team's name,
    description and contact, so "who is on call for child safety" finds the team."""
    for team_id, team in sorted(teams.items()):
        yield {"id": team_id, "type": "team", "audience": "public" if team.public else "internal",
               "status": "active", "owner": "", "updated": "", "successor": "", "tags": [],
               "regions": [], "title": team.name, "keywords": "", "url": f"teams/{team_id}/",
               "section": "", "body": " ".join(part for part in (team.description,
                                                                 f"Contact: {team.contact}") if part)}


def entries(site: Site, doc: Document, published: dict, skeleton: list | None = None) -> Iterator[dict]:
    """The index entries of one document: `title` holds an FAQ's question in
    `question` instead, so it can weigh more."""
    def title_of(doc_id: str) -> str | None:
        return published[doc_id].title if doc_id in published else None
    successors = " ".join(i for i in site.successor_chain(doc.id) if i in published)
    common = {
        "id": doc.id, "type": doc.type, "audience": doc.audience, "status": doc.status,
        "owner": doc.get("owner") or "", "updated": str(doc.get("updated") or ""),
        "successor": successors if doc.status == "deprecated" else "",
        "tags": [str(t).lower() for t in doc.get("tags") or []],
        "regions": [str(r).lower() for r in doc.get("regions") or []],
        "title": doc.title,
        "keywords": " ".join([*(str(t) for t in doc.get("tags") or []), doc.get("summary") or ""]),
    }
    found = (resolve(skeleton, title_of) if skeleton else sections(doc.body, title_of)) or [None]
    for section in found:
        anchor = f"#{section.anchor}" if section and section.anchor else ""
        yield {**common, "url": doc_url(doc) + anchor,
               "section": section.heading if section else "",
               "body": section.text if section else (doc.get("summary") or "")}
