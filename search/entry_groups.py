"""The section index in groups of documents, each keyed by everything its entries are made
of, so a build re-indexes only the groups an edit touched (the tantivy engine keeps one
segment per group in .kc/cache/search/ and assembles the index from them).

A document's entries (search/entries.py) are a function of its file (its digest), the
build's settings, its URL, the titles its wikilinks show and, when deprecated, its
successors. A wikilink that shows a title was resolved by the render stage, so its target
is among the body's refs: the key holds each ref's title, and no body's sections are read
for a group whose key is unchanged. A document without a digest or refs is keyed by its
entries themselves. Documents are grouped by a hash of their id, about
GROUP_DOCS to a group; teams are a group of their own.
"""
from __future__ import annotations

import hashlib
import json
import math
from typing import Callable, Iterator

from generator.document import Document, Team
from generator.incremental.fingerprint import hash_text
from generator.site import Site
from generator.urls import doc_url

from .entries import entries, team_entries

GROUP_DOCS = 1000

Group = tuple[str, Callable[[], Iterator[dict]]]   # (key, its entries when asked)


def entry_groups(site: Site, docs: list[Document], skeletons, refs: dict[str, frozenset],
                 teams: dict[str, Team], salt: str) -> list[Group]:
    """docs (in id order, see entries.indexed_documents) in groups, then the teams' group.
    skeletons: id -> sections skeleton, read only for the groups indexed (`.get`);
    refs: id -> the documents the body links to (RenderedPage.refs)."""
    published = {doc.id: doc for doc in docs}
    count = max(1, math.ceil(len(docs) / GROUP_DOCS))
    members: list[list[Document]] = [[] for _ in range(count)]
    for doc in docs:
        members[group_of(doc.id, count)].append(doc)
    groups: list[Group] = []
    for number, group in enumerate(members):
        def made(group=group) -> Iterator[dict]:
            for doc in group:
                yield from entries(site, doc, published, skeletons.get(doc.id))
        keys = (document_key(site, doc, published, refs.get(doc.id), skeletons) for doc in group)
        groups.append((hash_text(salt, f"{number}/{count}", *keys), made))
    team_list = list(team_entries(teams))
    groups.append((hash_text(salt, "teams", json.dumps(team_list, sort_keys=True)), lambda: iter(team_list)))
    return groups


def group_of(doc_id: str, count: int) -> int:
    return int.from_bytes(hashlib.blake2b(doc_id.encode(), digest_size=8).digest(), "big") % count


def document_key(site: Site, doc: Document, published: dict, refs: frozenset | None, skeletons) -> str:
    if not doc.digest or refs is None:
        return hash_text(json.dumps(list(entries(site, doc, published, skeletons.get(doc.id))), sort_keys=True))
    titles = [f"{ref}={published[ref].title if ref in published else ''}" for ref in sorted(refs)]
    successors = site.successor_chain(doc.id) if doc.status == "deprecated" else []
    return hash_text(doc.id, doc.digest, doc_url(doc), *[s for s in successors if s in published],
                     "\0", *titles)
