"""Page producers for the pages that list documents: home, one catalog per type, the
newsletter archive, tag/region/team pages, and the 404 page. Listed documents only:
retired ones appear in a separate "Retired" table on their catalog, nowhere else."""
from __future__ import annotations

from itertools import groupby

from . import registry
from .navigation import chrome
from .pages import TYPE_NAMES, Page, doc_link, team
from .urls import SECTION_TITLES, SECTIONS

WHATS_NEW = 8
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
SECTION_BLURBS = registry.table("blurb")


def home_pages(ctx) -> list[Page]:
    return [Page("", "home.html", lambda: home_context(ctx))]


def catalog_pages(ctx) -> list[Page]:
    """One catalog per type in the nav (newsletters have the archive instead)."""
    return [Page(SECTIONS[doc_type] + "/", "catalog.html", lambda t=doc_type: catalog_context(ctx, t))
            for doc_type in ctx.config.nav if doc_type != "newsletter"]


def archive_pages(ctx) -> list[Page]:
    if "newsletter" not in ctx.config.nav:
        return []
    return [Page("newsletters/", "archive.html", lambda: archive_context(ctx))]


def term_pages(ctx) -> list[Page]:
    """The tag and region indexes, and one page per tag and per region."""
    pages = []
    for key, title, terms in (("tags", "Tags", ctx.lookups.tags), ("regions", "Regions", ctx.lookups.regions)):
        pages.append(Page(f"{key}/", "terms.html", lambda k=key, t=title, s=terms: terms_context(ctx, k, t, s)))
        for slug, term in terms.items():
            pages.append(Page(f"{key}/{slug}/", "term.html",
                              lambda k=key, t=title, term=term: term_context(ctx, k, t, term)))
    return pages


def team_pages(ctx) -> list[Page]:
    """The team index, and a page per team with work in this build."""
    pages = [Page("teams/", "teams.html", lambda: teams_context(ctx))]
    for team_id in ctx.lookups.teams:
        pages.append(Page(f"teams/{team_id}/", "team.html", lambda i=team_id: team_context(ctx, i),
                          searchable=True))
    return pages


def not_found_pages(ctx) -> list[Page]:
    """404.html: served for any path, so its links start from the site's base path."""
    return [Page("404.html", "404.html", lambda: chrome(ctx, "404.html", "Page not found", "404", absolute=True))]


def updated_on(doc):
    return doc.get("updated") or doc.get("date") or doc.get("effective")


def row(ctx, doc) -> dict:
    owner = team(ctx, doc.get("owner"))
    return dict(doc_link(doc), owner=owner["name"] if owner else "", updated=updated_on(doc),
                review_by=doc.get("review_by"), version=doc.get("version") or "",
                audience=doc.audience)


def home_context(ctx) -> dict:
    listed = [d for docs in ctx.lookups.listed.values() for d in docs]
    recent = sorted((d for d in listed if updated_on(d)), key=lambda d: (updated_on(d), d.id), reverse=True)
    newsletters = sorted(ctx.lookups.listed.get("newsletter", []), key=lambda d: (d.get("date"), d.id), reverse=True)
    starters = [d for d in ctx.lookups.listed.get("training", []) if not d.get("prerequisites")]
    context = chrome(ctx, "", ctx.config.title, "home", description=ctx.config.description)
    context.update(
        whats_new=[row(ctx, d) for d in recent[:WHATS_NEW]],
        latest_newsletter=row(ctx, newsletters[0]) if newsletters else None,
        sections=[{"title": SECTION_TITLES[t], "url": SECTIONS[t] + "/", "blurb": SECTION_BLURBS[t],
                   "count": len(ctx.lookups.listed.get(t, []))} for t in ctx.config.nav],
        starters=[doc_link(d) for d in starters],
        has_type={t: bool(ctx.lookups.listed.get(t)) for t in SECTIONS})
    return context


def catalog_context(ctx, doc_type: str) -> dict:
    url, title = SECTIONS[doc_type] + "/", SECTION_TITLES[doc_type]
    context = chrome(ctx, url, title, "catalog", section=doc_type)
    context.update(doc_type=doc_type, type_name=TYPE_NAMES[doc_type], blurb=SECTION_BLURBS[doc_type],
                   rows=[row(ctx, d) for d in ctx.lookups.listed.get(doc_type, [])],
                   retired=[row(ctx, d) for d in ctx.lookups.retired.get(doc_type, [])])
    return context


def archive_context(ctx) -> dict:
    """Newsletters newest first, grouped by year, then month."""
    docs = sorted(ctx.lookups.listed.get("newsletter", []), key=lambda d: (d.get("date"), d.id), reverse=True)
    years = []
    for year, in_year in groupby(docs, key=lambda d: d.get("date").year):
        months = [{"name": MONTHS[month - 1], "issues": [dict(row(ctx, d), date=d.get("date")) for d in issues]}
                  for month, issues in groupby(in_year, key=lambda d: d.get("date").month)]
        years.append({"year": year, "months": months})
    context = chrome(ctx, "newsletters/", SECTION_TITLES["newsletter"], "archive", section="newsletter")
    context.update(years=years, blurb=SECTION_BLURBS["newsletter"],
                   retired=[row(ctx, d) for d in ctx.lookups.retired.get("newsletter", [])])
    return context


def terms_context(ctx, key: str, title: str, terms) -> dict:
    context = chrome(ctx, f"{key}/", title, "terms", section=key)
    context.update(kind=key, terms=[{"name": t.name, "url": f"{key}/{t.slug}/", "count": len(t.docs)}
                                    for t in sorted(terms.values(), key=lambda t: t.name.casefold())])
    return context


def term_context(ctx, key: str, title: str, term) -> dict:
    url = f"{key}/{term.slug}/"
    context = chrome(ctx, url, term.name, "term", section=key, trail=[(title, f"{key}/"), (term.name, url)])
    context.update(kind=key, kind_title=title, term=term.name, rows=[row(ctx, d) for d in term.docs])
    return context


def teams_context(ctx) -> dict:
    context = chrome(ctx, "teams/", "Teams", "teams", section="teams")
    context.update(teams=[dict(team(ctx, team_id), description=work.team.description,
                               owned=len(work.owned), escalations=len(work.escalations))
                          for team_id, work in ctx.lookups.teams.items()])
    from .health.page import HEALTH_URL, has_health_page
    context.update(health_url=HEALTH_URL if has_health_page(ctx.audience) else None)
    return context


def team_context(ctx, team_id: str) -> dict:
    work = ctx.lookups.teams[team_id]
    url = f"teams/{team_id}/"
    context = chrome(ctx, url, work.team.name, "team", section="teams",
                     trail=[("Teams", "teams/"), (work.team.name, url)])
    groups = [{"title": SECTION_TITLES[t], "rows": [row(ctx, d) for d in work.owned if d.type == t]}
              for t in SECTIONS if any(d.type == t for d in work.owned)]
    from .health.page import has_health_page, team_health_url
    context.update(team=dict(team(ctx, team_id), description=work.team.description), groups=groups,
                   escalations=[row(ctx, d) for d in work.escalations],
                   health_url=team_health_url(team_id) if has_health_page(ctx.audience) else None)
    return context
