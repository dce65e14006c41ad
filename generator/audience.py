"""Who may see what. Every output (pages, nav, search, feeds, digests) selects
documents through this module, so a public build cannot leak by accident."""
from __future__ import annotations

from .config import AUDIENCES
from .document import Document
from .site import Site


def check_audience(audience: str) -> str:
    from .errors import ConfigError
    if audience not in AUDIENCES:
        raise ConfigError(f"unknown audience '{audience}': use one of {', '.join(AUDIENCES)}")
    return audience


def visible(doc: Document, audience: str) -> bool:
    """The document's audience is at or below the reader's audience."""
    return doc.valid and doc.visible_to(audience)


def visible_teams(teams: dict, audience: str) -> dict:
    """Teams whose name, page and contact this audience may see: in a public build only
    the teams marked `public: true` in teams.yml (contacts of internal teams stay internal)."""
    if audience != "public":
        return teams
    return {team_id: team for team_id, team in teams.items() if team.public}


def published(site: Site, audience: str, drafts: bool = False) -> list[Document]:
    """Documents built into a site for this audience: drafts only with drafts=True.
    Retired documents are built (with a banner) but kept out of nav and search."""
    return [doc for doc in site.documents
            if visible(doc, audience) and (drafts or doc.status != "draft")]


def listed(doc: Document, drafts: bool = False) -> bool:
    """Shown in navigation, catalogs and search: not retired, and no drafts unless asked."""
    return doc.status != "retired" and (drafts or doc.status != "draft")
