"""`front_matter: {ignore: [...], map: {...}}` in site_config.yml: front matter a repository
already has (Jekyll's `layout`, `permalink`, `redirect_from`; `description`) is accepted
without hundreds of unknown-field warnings, or read as the kc field it means."""
from __future__ import annotations

from .config import SiteConfig
from .document import Document


def apply_map(config: SiteConfig, doc: Document) -> None:
    """Rename mapped fields (`description` -> `summary`), with their source positions; a field
    the document also sets under kc's own name keeps kc's value (the mapped one is ignored)."""
    for source, target in config.front_matter.map.items():
        if source not in doc.meta or target in doc.meta:
            continue
        doc.meta[target] = doc.meta.pop(source)
        for loc in [loc for loc in doc.positions if loc[:1] == (source,)]:
            doc.positions[(target,) + loc[1:]] = doc.positions.pop(loc)


def ignored_fields(config: SiteConfig) -> set[str]:
    """Fields FM003 does not report: the ignored ones, and mapped ones left in place."""
    return set(config.front_matter.ignore) | set(config.front_matter.map)
