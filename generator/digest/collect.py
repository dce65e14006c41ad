"""Which documents changed how in a period: the items of a digest, by section.

A document's changes come from its own dates, never from the file system:
  newsletter  `date` in the period                       -> "published"
  policy      a change-log entry dated in the period      -> "new version 2.1"
              `effective` in the period with `supersedes` -> "replaces <old id>"
              `effective` in the period, no older entry   -> "new"
              `effective` in the period otherwise         -> "in effect"
  any type    `created` in the period                     -> "new" (dated by its last update)
              status retired/deprecated, `updated` in it  -> "retired" / "deprecated"
              `updated` in the period                     -> "updated"
A document shows once, with its latest change in the period (on the same day:
retired, deprecated, replaces, new, new version, in effect, updated). Reviews: `review_by` from the period's last day to 30 days
later, only in internal and restricted digests. Drafts never appear, and audiences
see exactly what the site shows them (generator.audience).
"""
from __future__ import annotations

from datetime import date

from .. import registry
from ..audience import visible, visible_teams
from ..document import Document
from ..errors import ConfigError
from ..site import Site
from ..urls import absolute_url, doc_url
from .model import Digest, Item, Link, Period, Section
from .segment import Segment
from ..dates import shift

SECTION_TITLES = {"newsletters": "Newsletters", "policies": "Policy changes",
                  "playbooks": "Playbooks", "training": "Training", "faqs": "FAQs",
                  "reviews": "Reviews due in the next 30 days"}
SECTION_OF_TYPE = registry.table("digest_section")
REVIEW_WINDOW_DAYS = 30
# on the same day, the stronger change wins
CHANGE_RANK = {"updated": 0, "in effect": 1, "new version": 2, "published": 2, "new": 3,
               "replaces": 4, "deprecated": 5, "retired": 6}


def check_sections(keys: list[str]) -> list[str]:
    unknown = [key for key in keys if key not in SECTION_TITLES]
    if unknown:
        raise ConfigError(f"digest.sections in site_config.yml: unknown section "
                          f"{', '.join(repr(k) for k in unknown)}; use {', '.join(SECTION_TITLES)}")
    return keys


def collect(site: Site, period: Period, audience: str, segment: Segment | None = None,
            sections: list[str] | None = None, candidates: list[Document] | None = None,
            with_details: bool = True) -> Digest:
    """The digest of `period` for `audience`, sections in the configured order.
    `candidates`: the readable documents with a change date in the period, when the
    caller already knows them (NewsletterIndex); by default every readable document.
    with_details=False leaves each item's `details` empty (the feeds show none; a policy's
    details hold its "What changed" diff)."""
    settings = site.config.digest
    keys = check_sections(sections if sections is not None else settings.sections)
    docs = readable(site, audience, segment) if candidates is None else candidates
    found: dict[str, list[Item]] = {key: [] for key in keys}
    for doc in docs:
        item = change_item(site, doc, period, audience, with_details)
        if item is not None and SECTION_OF_TYPE[doc.type] in found:
            found[SECTION_OF_TYPE[doc.type]].append(item)
    for items in found.values():
        items.sort(key=lambda i: (-i.date.toordinal(), i.title.lower(), i.id))
    if "reviews" in found and audience in site.config.review_dates:
        found["reviews"] = review_items(site, visible_teams(site.teams, audience), docs, period.until)
    return Digest(title=settings.title, sender=settings.sender, footer=settings.footer,
                  audience=audience, segment=str(segment) if segment else None, period=period,
                  sections=[Section(key, SECTION_TITLES[key], found[key])
                            for key in keys if found[key]])


def readable(site: Site, audience: str, segment: Segment | None = None) -> list[Document]:
    """Documents a digest may mention: visible to the audience, never drafts."""
    return [doc for doc in site.documents
            if visible(doc, audience) and doc.status != "draft"
            and (segment is None or segment.matches(doc))]


def change_item(site: Site, doc: Document, period: Period, audience: str,
                with_details: bool = True) -> Item | None:
    changes = list(changes_in(site, doc, period, audience))
    if not changes:
        return None
    day, _kind, change = max(changes, key=lambda c: (c[0], CHANGE_RANK[c[1]]))
    return make_item(site, doc, day, change, details(site, doc, period, audience) if with_details else {})


def changes_in(site: Site, doc: Document, period: Period, audience: str):
    """(date, kind, text) for every change of doc inside the period; kind ranks it."""
    if doc.type == "newsletter":
        if doc.get("date") in period:
            yield doc.get("date"), "published", "published"
        return
    if doc.type == "policy":
        yield from policy_changes(site, doc, period, audience)
    updated = doc.get("updated")
    if doc.get("created") in period:  # new in this period: later edits in it are part of "new"
        yield max(doc.get("created"), updated if updated in period else doc.get("created")), "new", "new"
    elif updated in period:
        kind = doc.status if doc.status in ("retired", "deprecated") else "updated"
        yield updated, kind, kind


def policy_changes(site: Site, doc: Document, period: Period, audience: str):
    entries = doc.get("changelog") or []
    for entry in entries:
        if entry.date in period:
            yield entry.date, "new version", f"new version {entry.version}"
    effective = doc.get("effective")
    if effective not in period:
        return
    old = site.by_id.get(doc.get("supersedes") or "")
    if old is not None and visible(old, audience):
        yield effective, "replaces", f"replaces {old.id}"
    elif doc.get("supersedes"):
        yield effective, "replaces", "replaces an earlier policy"
    elif not any(entry.date < effective for entry in entries):
        yield effective, "new", "new"
    else:
        yield effective, "in effect", "in effect"


def details(site: Site, doc: Document, period: Period, audience: str) -> dict:
    """What a reader needs besides the title, per type."""
    if doc.type == "policy":
        entries = sorted((e for e in doc.get("changelog") or [] if e.date in period),
                         key=lambda e: e.date, reverse=True)
        from ..history.digest_block import what_changed
        return {"version": doc.get("version"), "effective": doc.get("effective"),
                "what_changed": what_changed(site, doc, period, audience),
                "changelog": [{"version": e.version, "date": e.date, "summary": e.summary}
                              for e in entries]}
    if doc.type == "playbook":
        return {"severity": doc.get("severity"), "response_time": doc.get("response_time")}
    if doc.type == "training":
        return {"duration_minutes": doc.get("duration_minutes"),
                "objectives": list(doc.get("objectives") or [])}
    if doc.type == "newsletter":
        return {"highlights": [link_to(site, other) for other in highlights(site, doc, audience)]}
    return {}


def highlights(site: Site, newsletter: Document, audience: str) -> list[Document]:
    found = (site.by_id.get(ref) for ref in newsletter.get("highlights") or [])
    return [doc for doc in found
            if doc is not None and visible(doc, audience) and doc.status != "draft"]


def review_items(site: Site, teams: dict, docs: list[Document], after: date) -> list[Item]:
    """Documents whose review_by falls from `after` to 30 days later, soonest first."""
    window = Period(after, shift(after, REVIEW_WINDOW_DAYS))
    items = []
    for doc in docs:
        if doc.type != "newsletter" and doc.get("review_by") in window:
            owner = teams.get(doc.get("owner") or "")
            items.append(make_item(site, doc, doc.get("review_by"), "review due",
                                   {"owner": owner.name if owner else doc.get("owner")}))
    return sorted(items, key=lambda i: (i.date, i.title.lower(), i.id))


def make_item(site: Site, doc: Document, day: date, change: str, extra: dict) -> Item:
    link = link_to(site, doc)
    return Item(id=doc.id, type=doc.type, title=doc.title, url=link.url, path=link.path,
                date=day, change=change, summary=(doc.get("summary") or "").strip(),
                details={key: value for key, value in extra.items() if value not in (None, [], "")})


def link_to(site: Site, doc: Document) -> Link:
    path = doc_url(doc)
    return Link(id=doc.id, title=doc.title, url=absolute_url(site.config, path), path=path)
