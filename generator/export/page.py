"""One kc document as one Material for MkDocs page.

    ---
    title / description (the summary) / tags      what Material shows
    kc: {id, type, status, audience, ...}         the kc fields, for `kc import mkdocs`
    ---
    <!-- kc:facts -->  banner and type facts (version, owner, severity, ...)  <!-- /kc:facts -->
    the body (see body.py)
    <!-- kc:extra -->  change log, quiz with collapsed answers               <!-- /kc:extra -->

Only what the export's audience may see is written: teams that audience may not see
are left out of the facts and of the `kc` fields, and review dates follow the
review_dates setting, as in `kc build`.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..content_types import REFERENCE_FIELDS
from ..document import Document, Team
from ..pages import TYPE_NAMES, contact_href, human_duration
from . import body, yaml_text
from .body import Exported, html_text, md_text

FACTS, EXTRA = "kc:facts", "kc:extra"


@dataclass
class PageContext:
    exported: Exported
    teams: dict[str, Team]       # the teams this audience may see
    review_dates: bool           # show review_by (site_config review_dates)
    successors: dict[str, str]   # old id -> the id that supersedes it


def front_matter(doc: Document, ctx: PageContext) -> dict:
    front: dict = {"title": html_text(doc.title)}     # MkDocs shows both as HTML
    if doc.get("summary"):
        front["description"] = html_text(doc.get("summary"))
    if doc.get("tags"):
        front["tags"] = list(doc.get("tags"))
    front["kc"] = kc_fields(doc, ctx)
    return front


def kc_fields(doc: Document, ctx: PageContext) -> dict:
    """The document's own fields, minus what this audience may not see."""
    data = doc.fields.model_dump(mode="python", exclude_unset=True, exclude={"title", "summary", "tags"})
    data = {"id": doc.id, "type": doc.type, "status": doc.status, "audience": doc.audience,
            **{k: v for k, v in data.items() if k not in ("id", "type", "status", "audience")}}
    if data.get("owner") and data["owner"] not in ctx.teams:
        del data["owner"]
    if "escalate_to" in data:
        data["escalate_to"] = [t for t in data["escalate_to"] if t in ctx.teams]
    if not ctx.review_dates:
        data.pop("review_by", None)
    for name in REFERENCE_FIELDS.get(doc.type, {}):
        if isinstance(data.get(name), list):
            data[name] = [i for i in data[name] if ctx.exported.find(i)]
        elif data.get(name) and not ctx.exported.find(data[name]):
            del data[name]
    return {k: v for k, v in data.items() if v not in ([], None)}


def render(doc: Document, ctx: PageContext) -> str:
    head = yaml_text.dump(front_matter(doc, ctx))
    parts = [f"---\n{head}---\n"]
    facts = banner(doc, ctx) + fact_block(doc, ctx)
    if facts:
        parts.append(marked(FACTS, "\n".join(facts)))
    parts.append(body.convert(doc, ctx.exported).strip("\n") + "\n")
    extra = changelog(doc) + quiz(doc)
    if extra:
        parts.append(marked(EXTRA, "\n".join(extra)))
    return "\n".join(parts)


def marked(name: str, text: str) -> str:
    return f"<!-- {name} -->\n\n{text.rstrip()}\n\n<!-- /{name} -->\n"


def links(doc: Document, ids, ctx: PageContext) -> str:
    found = [t for t in map(ctx.exported.find, ids or []) if t]
    return ", ".join(f"[{md_text(t.title)}]({ctx.exported.link(doc, t, None)})" for t in found)


def team_text(team: Team) -> str:
    href = contact_href(team.contact)
    contact = f"[{md_text(team.contact)}]({href})" if href else md_text(team.contact)
    return f"{md_text(team.name)} ({contact})"


def banner(doc: Document, ctx: PageContext) -> list[str]:
    if doc.status == "active":
        return []
    text = {"draft": "This is a draft: it is not in force and may change.",
            "deprecated": "This document is deprecated.",
            "retired": "This document is retired and kept for reference only."}[doc.status]
    newer = ctx.successors.get(doc.id)
    if newer in ctx.exported.by_id:
        text += f" See {links(doc, [newer], ctx)} instead."
    return [f'!!! warning "{doc.status.capitalize()}"\n    {text}\n']


def fact_block(doc: Document, ctx: PageContext) -> list[str]:
    facts: list[tuple[str, str]] = []
    get = doc.get
    if doc.type == "policy":
        facts += [("Version", md_text(get("version"))), ("Effective", str(get("effective"))),
                  ("Supersedes", links(doc, [get("supersedes")], ctx))]
    if doc.type == "newsletter":
        facts.append(("Date", str(get("date"))))
    owner = ctx.teams.get(get("owner") or "")
    facts.append(("Owner", team_text(owner) if owner else ""))
    if doc.type == "playbook":
        facts += [("Severity", (get("severity") or "").upper()),
                  ("Response time", human_duration(get("response_time"))),
                  ("Escalate to", "; ".join(team_text(ctx.teams[t]) for t in get("escalate_to") or []
                                            if t in ctx.teams))]
    if doc.type in ("playbook", "training", "faq"):
        facts.append(("Policies", links(doc, get("policies"), ctx)))
    if doc.type == "training":
        minutes = get("duration_minutes")
        facts += [("Duration", f"{minutes} minutes" if minutes else ""),
                  ("Prerequisites", links(doc, get("prerequisites"), ctx))]
    if doc.type == "newsletter":
        facts.append(("Highlights", links(doc, get("highlights"), ctx)))
    facts += [("Regions", ", ".join(md_text(r) for r in get("regions") or [])), ("Updated", str(get("updated") or "")),
              ("Review by", str(get("review_by") or "") if ctx.review_dates else "")]
    lines = [f"    - **{label}:** {value}" for label, value in facts if value]
    objectives = get("objectives") or []
    if objectives:
        lines += ["    - **Objectives:**"] + [f"        - {md_text(objective)}" for objective in objectives]
    if not lines:
        return []
    return [f'!!! info "{TYPE_NAMES[doc.type]} details"\n' + "\n".join(lines) + "\n"]


def changelog(doc: Document) -> list[str]:
    entries = sorted(doc.get("changelog") or [], key=lambda e: (e.date, e.version), reverse=True)
    if not entries:
        return []
    rows = "\n".join(f"| {md_text(e.version)} | {e.date} | {md_text(e.summary)} |" for e in entries)
    return [f"## Change log {{#kc-changelog}}\n\n| Version | Date | What changed |\n|---|---|---|\n{rows}\n"]


def quiz(doc: Document) -> list[str]:
    questions = doc.get("quiz") or []
    if not questions:
        return []
    out = ["## Check your understanding {#kc-quiz}\n"]
    for number, item in enumerate(questions, 1):
        choices = "\n".join(f"- {md_text(choice)}" for choice in item.choices)
        right = item.answer_index
        answer = item.choices[right] if right is not None else str(item.answer)
        explanation = f"\n\n    {md_text(item.explanation)}" if item.explanation else ""
        out.append(f"**{number}. {md_text(item.question)}**\n\n{choices}\n\n"
                   f'??? note "Answer"\n    {md_text(answer)}{explanation}\n')
    return out
