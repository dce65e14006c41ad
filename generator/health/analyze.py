"""Run every health rule once over the linked corpus."""
from __future__ import annotations

from ..gc_pause import no_cyclic_gc
from ..site import Site
from . import consistency, coverage, orphans, staleness
from .graph import build_graph
from .model import KINDS, Health


def analyze(site: Site) -> Health:
    """Findings over every valid document of every audience (it is an internal report)."""
    with no_cyclic_gc():
        return run_rules(site)


def run_rules(site: Site) -> Health:
    settings = site.config.health
    graph = build_graph(site)
    rows = coverage.coverage_rows(graph)
    findings = (coverage.coverage_findings(graph, rows)
                + staleness.review_findings(graph, site.today, settings.review_window_days)
                + staleness.outdated_citations(graph)
                + consistency.double_supersede(graph)
                + consistency.cites_retired(site, graph)
                + consistency.slow_responses(graph, dict(settings.response_limits))
                + consistency.tag_variants(graph)
                + consistency.idle_teams(site, graph)
                + consistency.missing_contacts(site, graph)
                + orphans.orphan_findings(graph))
    order = list(KINDS)
    findings.sort(key=lambda f: (order.index(f.kind), f.owner or "", f.due or site.today, f.ids))
    skipped = sum(1 for d in site.documents if not d.valid)
    return Health(site.today, len(graph.docs), skipped, settings.review_window_days, findings, rows,
                  {team_id: team.name for team_id, team in sorted(site.teams.items())},
                  staleness.upcoming_reviews(graph, site.today),
                  {doc.id: doc.type for doc in graph.docs})
