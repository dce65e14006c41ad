"""Document pages: one per published document, rendered by `<type>.html`.

`document_page(ctx, doc)` returns a Page whose context is computed on demand from
ctx (read-only) and the document: a pure function of its inputs.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from markupsafe import Markup

from . import registry
from .audience import listed, visible_teams
from .document import Document
from .lookups import by_type_then_title
from .navigation import Link, chrome
from .render import TocEntry
from .urls import SECTION_TITLES, SECTIONS, doc_url

TYPE_NAMES = registry.table("name")
TIME_UNITS = {"m": "minute", "h": "hour", "d": "day"}


@dataclass(frozen=True)
class Page:
    url: str                              # site-relative URL ('policies/x/', '404.html')
    template: str                         # template name in the theme
    context: Callable[[], dict]           # computed when the page is rendered
    searchable: bool = False              # indexed by Pagefind (its template marks data-pagefind-body)


def document_page(ctx, doc: Document) -> Page:
    return Page(doc_url(doc), f"{doc.type}.html", lambda: document_context(ctx, doc),
                searchable=listed(doc, ctx.drafts))


def document_context(ctx, doc: Document) -> dict:
    rendered = ctx.bodies[doc.id]
    extras = EXTRAS[doc.type](ctx, doc)
    toc = rendered.toc + extras.pop("extra_toc", [])
    url = doc_url(doc)
    context = chrome(ctx, url, doc.title, doc.type, section=doc.type, doc=doc,
                     trail=[(SECTION_TITLES[doc.type], SECTIONS[doc.type] + "/"), (doc.title, url)],
                     toc=toc, description=doc.get("summary") or "")
    context.update(
        doc=doc, f=doc.fields, body=Markup(rendered.html), type_name=TYPE_NAMES[doc.type],
        listed=listed(doc, ctx.drafts), owner=team(ctx, doc.get("owner")),
        tags=term_links(ctx.lookups.tags, doc.get("tags"), "tags"),
        regions=term_links(ctx.lookups.regions, doc.get("regions"), "regions"),
        cited_by=cited_by_groups(ctx, doc), **extras)
    return context


def team(ctx, team_id: str | None):
    """The team record, or None; `url` is set when the team has a page in this build."""
    teams = visible_teams(ctx.site.teams, ctx.audience)
    if not team_id or team_id not in teams:
        return None
    info = teams[team_id]
    url = f"teams/{team_id}/" if team_id in ctx.lookups.teams else None
    return {"id": team_id, "name": info.name, "contact": info.contact,
            "contact_href": contact_href(info.contact), "url": url}


def contact_href(contact: str) -> str | None:
    return f"mailto:{contact}" if "@" in contact and " " not in contact and not contact.startswith("#") else None


def term_links(terms, names, prefix: str) -> list[Link]:
    from .lookups import term_slug
    links = []
    for name in names or []:
        slug = term_slug(name)
        links.append(Link(name, f"{prefix}/{slug}/" if slug in terms else ""))
    return links


def doc_link(doc: Document) -> dict:
    return {"title": doc.title, "url": doc_url(doc), "type": doc.type, "type_name": TYPE_NAMES[doc.type],
            "summary": doc.get("summary") or "", "status": doc.status}


def visible_docs(ctx, ids) -> list[dict]:
    return [doc_link(ctx.lookups.by_id[i]) for i in ids or [] if i in ctx.lookups.by_id]


def cited_by_groups(ctx, doc: Document) -> list[dict]:
    groups: dict[str, list[dict]] = {}
    for source in sorted(ctx.lookups.cited_by.get(doc.id, []), key=by_type_then_title):
        groups.setdefault(SECTION_TITLES[source.type], []).append(doc_link(source))
    return [{"title": title, "docs": docs} for title, docs in groups.items()]


def policy_extras(ctx, doc: Document) -> dict:
    chain = [i for i in ctx.site.successor_chain(doc.id) if i in ctx.lookups.by_id]
    supersedes = doc.get("supersedes")
    changelog = sorted(doc.get("changelog") or [], key=lambda e: (e.date, e.version), reverse=True)
    toc = [TocEntry(2, "Change log", "kc-changelog")] if changelog else []
    if ctx.lookups.cited_by.get(doc.id):
        toc.append(TocEntry(2, "Cited by", "kc-cited-by"))
    from .history.pages import policy_history
    return {**policy_history(ctx, doc),
            "superseded_by": doc_link(ctx.lookups.by_id[chain[-1]]) if chain else None,
            "supersedes": visible_docs(ctx, [supersedes])[0] if visible_docs(ctx, [supersedes]) else None,
            "changelog": changelog, "extra_toc": toc}


def playbook_extras(ctx, doc: Document) -> dict:
    escalation = [t for t in (team(ctx, team_id) for team_id in doc.get("escalate_to") or []) if t]
    return {"policies": visible_docs(ctx, doc.get("policies")), "escalation": escalation,
            "response_time": human_duration(doc.get("response_time")),
            "extra_toc": [TocEntry(2, "Escalation contacts", "kc-escalation")] if escalation else []}


def training_extras(ctx, doc: Document) -> dict:
    quiz = doc.get("quiz") or []
    from .learning_path import PATH_STEPS, learning_path
    path = learning_path(ctx, doc)
    from .history.pages import changed_policies
    return {"policies": visible_docs(ctx, doc.get("policies")), "changed_policies": changed_policies(ctx, doc),
            "path": path[-PATH_STEPS:], "path_earlier": max(0, len(path) - PATH_STEPS), "quiz": quiz,
            "extra_toc": [TocEntry(2, "Check your understanding", "kc-quiz")] if quiz else []}


def newsletter_extras(ctx, doc: Document) -> dict:
    from .digest.newsletter_index import NewsletterIndex
    if "newsletters" not in ctx.memo:      # made once per build, not once per newsletter
        ctx.memo["newsletters"] = NewsletterIndex(ctx.site, ctx.audience)
    sections = ctx.memo["newsletters"].items(doc)
    toc = [TocEntry(2, s.title, f"digest-{s.key}") for s in sections]
    return {"highlights": visible_docs(ctx, doc.get("highlights")), "digest": sections,
            "extra_toc": toc}


def faq_extras(ctx, doc: Document) -> dict:
    return {"policies": visible_docs(ctx, doc.get("policies")), "extra_toc": []}


EXTRAS = {"policy": policy_extras, "playbook": playbook_extras, "training": training_extras,
          "newsletter": newsletter_extras, "faq": faq_extras}


def human_duration(value: str | None) -> str:
    """'4h' -> '4 hours', '15m' -> '15 minutes'."""
    if not value:
        return ""
    number, unit = int(value[:-1]), TIME_UNITS[value[-1]]
    return f"{number} {unit}{'s' if number != 1 else ''}"
