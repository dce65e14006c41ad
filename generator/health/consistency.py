"""Inconsistencies: competing successors, citations of retired guidance, slow playbooks,
tag spellings, idle teams and owners without contact details."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..content_types import TEAM_FIELDS
from ..site import Site
from .graph import LIVE, Graph
from .model import Finding

MINUTES = {"m": 1, "h": 60, "d": 24 * 60}


def is_contact(text: str) -> bool:
    """An email, a #channel or a link (string tests, not a backtracking regex: contacts are input)."""
    if not text or any(ch.isspace() for ch in text):
        return False
    if text.startswith(("#", "http://", "https://")):
        return len(text) > 1
    local, _, domain = text.partition("@")
    return bool(local) and "." in domain.strip(".") and "@" not in domain


def minutes(duration: str) -> int:
    return int(duration[:-1]) * MINUTES[duration[-1]]


def double_supersede(graph: Graph) -> list[Finding]:
    claims = defaultdict(list)
    for doc in graph.docs:
        if doc.status == "active" and doc.get("supersedes"):
            claims[doc.get("supersedes")].append(doc)
    findings = []
    for old_id in sorted(claims):
        docs = sorted(claims[old_id], key=lambda d: d.id)
        if len(docs) > 1:
            ids = [d.id for d in docs]
            findings.append(Finding(
                "double-supersede", [*ids, old_id], docs[0].get("owner"),
                f"{' and '.join(repr(i) for i in ids)} both supersede '{old_id}'",
                "keep one successor: retire the other or make it supersede the first",
                tuple(r for d in docs for r in d.get("regions") or [])))
    return findings


def cites_retired(site: Site, graph: Graph) -> list[Finding]:
    findings = []
    for doc in graph.docs:
        if doc.status != "active":
            continue
        for target_id in sorted(graph.cites.get(doc.id, ())):
            target = graph.by_id.get(target_id)
            if target is None or target.status not in ("retired", "deprecated"):
                continue
            chain = site.successor_chain(target_id)
            if doc.id in chain:
                continue
            hint = f"cite '{chain[-1]}' instead" if chain else "remove the reference or replace it"
            findings.append(Finding("cites-retired", [doc.id, target_id], doc.get("owner"),
                                    f"active {doc.type} '{doc.id}' cites {target.status} '{target_id}'",
                                    hint, tuple(doc.get("regions") or [])))
    return findings


def slow_responses(graph: Graph, limits: dict[str, str]) -> list[Finding]:
    findings = []
    for doc in graph.docs:
        severity, promised = doc.get("severity"), doc.get("response_time")
        if doc.type != "playbook" or doc.status != "active" or not promised or severity not in limits:
            continue
        if minutes(promised) > minutes(limits[severity]):
            findings.append(Finding("slow-response", [doc.id], doc.get("owner"),
                                    f"{severity} playbook '{doc.id}' promises a response in {promised}; "
                                    f"the limit for {severity} is {limits[severity]}",
                                    f"shorten `response_time` to {limits[severity]} or less, or lower "
                                    f"`severity`", tuple(doc.get("regions") or [])))
    return findings


def tag_key(tag: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", tag.casefold())


def tag_variants(graph: Graph) -> list[Finding]:
    spellings: dict[str, Counter] = defaultdict(Counter)
    users: dict[tuple[str, str], list[str]] = defaultdict(list)
    for doc in graph.docs:
        if doc.status not in LIVE:
            continue
        for tag in dict.fromkeys(doc.get("tags") or []):
            spellings[tag_key(tag)][tag] += 1
            users[(tag_key(tag), tag)].append(doc.id)
    findings = []
    for key in sorted(spellings):
        counts = spellings[key]
        if len(counts) < 2 or not key:
            continue
        preferred = sorted(counts, key=lambda t: (-counts[t], t))[0]
        others = sorted(t for t in counts if t != preferred)
        ids = sorted({i for t in others for i in users[(key, t)]})
        listing = ", ".join(f"'{t}' ({counts[t]})" for t in sorted(counts, key=lambda t: (-counts[t], t)))
        findings.append(Finding("tag-variants", ids, None,
                                f"one tag is spelt {len(counts)} ways: {listing}",
                                f"use '{preferred}' in {', '.join(ids)}"))
    return findings


def idle_teams(site: Site, graph: Graph) -> list[Finding]:
    owners = {d.get("owner") for d in graph.docs if d.status in LIVE}
    escalations = Counter(t for d in graph.docs if d.status in LIVE for t in d.get("escalate_to") or [])
    findings = []
    for team_id in sorted(site.teams):
        if team_id in owners:
            continue
        also = (f"; it is the escalation contact of {escalations[team_id]} playbook"
                f"{'s' * (escalations[team_id] != 1)}") if escalations[team_id] else ""
        findings.append(Finding("idle-team", [team_id], team_id,
                                f"team '{team_id}' ({site.teams[team_id].name}) owns no active document{also}",
                                "give it the documents it is responsible for, or remove it from "
                                "content/teams.yml"))
    return findings


def missing_contacts(site: Site, graph: Graph) -> list[Finding]:
    referenced: dict[str, set[str]] = defaultdict(set)
    for doc in graph.docs:
        if doc.status not in LIVE:
            continue
        for name in TEAM_FIELDS:
            value = doc.get(name)
            for team_id in value if isinstance(value, list) else [value] if value else []:
                referenced[team_id].add(doc.id)
    findings = []
    for team_id in sorted(referenced):
        ids = sorted(referenced[team_id])
        team = site.teams.get(team_id)
        if team is None:
            message = f"team '{team_id}' is named by {len(ids)} document{'s' * (len(ids) != 1)} " \
                      f"but is not in content/teams.yml, so it has no contact"
            hint = f"add '{team_id}' with a `name` and a `contact` to content/teams.yml"
        elif not is_contact(team.contact.strip()):
            message = f"team '{team_id}' has contact '{team.contact}', which is not an email " \
                      f"address, #channel or link"
            hint = f"give '{team_id}' a reachable `contact` in content/teams.yml"
        else:
            continue
        findings.append(Finding("missing-contact", ids, team_id, message, hint))
    return findings
