"""The Health page producer: `health/` and one `health/teams/<team>/` per team that has
a team page, in internal and restricted builds only (never public).

The findings are computed over the whole corpus, but a page shows only what its
readers may see: a finding that involves a document above the build's audience is
left out, and coverage counts only visible citing documents."""
from __future__ import annotations

from ..navigation import chrome
from ..pages import Page
from ..urls import doc_url
from .analyze import analyze
from .model import CoverageRow, Health
from .view import health_view

HEALTH_URL = "health/"


def team_health_url(team_id: str) -> str:
    return f"{HEALTH_URL}teams/{team_id}/"


def has_health_page(audience: str) -> bool:
    return audience != "public"


def health_pages(ctx) -> list[Page]:
    if not has_health_page(ctx.audience):
        return []
    shared: dict[str, Health] = {}

    def health() -> Health:   # computed once, when the first health page is rendered
        if "all" not in shared:
            shared["all"] = for_audience(analyze(ctx.site), ctx.site, ctx.audience)
        return shared["all"]
    pages = [Page(HEALTH_URL, "health.html", lambda: page_context(ctx, health(), None))]
    for team_id in ctx.lookups.teams:   # teams with work this build shows (as team pages)
        pages.append(Page(team_health_url(team_id), "health.html",
                          lambda t=team_id: page_context(ctx, health(), t)))
    return pages


def for_audience(health: Health, site, audience: str) -> Health:
    def visible(doc_id: str) -> bool:
        doc = site.by_id.get(doc_id)
        return doc is None or doc.visible_to(audience)   # team ids are not documents
    findings = [f for f in health.findings if all(visible(i) for i in f.ids)]
    coverage = [CoverageRow(r.policy, r.title, r.owner, r.regions,
                            *[[i for i in ids if visible(i)] for ids in (r.playbooks, r.training, r.faqs)])
                for r in health.coverage if visible(r.policy)]
    reviews = [r for r in health.reviews if visible(r.id)]
    return Health(health.today, sum(1 for d in site.documents if d.valid and d.visible_to(audience)),
                  health.skipped, health.review_window_days, findings, coverage, health.teams, reviews,
                  health.types)


def page_context(ctx, health: Health, team_id: str | None) -> dict:
    by_id = ctx.lookups.by_id

    def link(doc_id: str):
        return doc_url(by_id[doc_id]) if doc_id in by_id else None
    if team_id is None:
        url, title = HEALTH_URL, "Knowledge-center health"
        trail = [(title, url)]
        shown = health
    else:
        url, title = team_health_url(team_id), f"Health: {health.teams[team_id]}"
        trail = [("Knowledge-center health", HEALTH_URL), (health.teams[team_id], url)]
        shown = health.only(owner=team_id)
    context = chrome(ctx, url, title, "health", section="teams", trail=trail)
    context.update(h=health_view(shown, link), all_url=HEALTH_URL if team_id else None,
                   team_url=f"teams/{team_id}/" if team_id and team_id in ctx.lookups.teams else None,
                   team_links=[] if team_id else [{"name": health.teams[i], "url": team_health_url(i)}
                                                   for i in ctx.lookups.teams])
    return context
