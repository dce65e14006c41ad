"""`kc report`: run the health rules, filter, write one format, decide the exit code."""
from __future__ import annotations

from pathlib import Path

from ..config import SiteConfig
from ..pipeline import check
from .analyze import analyze
from .model import Health
from .output import kind_matches


def make_report(config: SiteConfig, owner: str | None = None, region: str | None = None,
                today=None) -> Health:
    health = analyze(check(config, today))
    return health.only(owner=owner, region=region) if owner or region else health


def render(health: Health, fmt: str, config: SiteConfig) -> str:
    from . import output
    if fmt == "json":
        return output.to_json(health)
    if fmt == "csv":
        return output.to_csv(health)
    if fmt == "html":
        from .html import standalone_html
        return standalone_html(health, config)
    raise ValueError(fmt)


def write(text: str, out: str) -> None:
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")


def failing(health: Health, selectors: tuple[str, ...]) -> list[str]:
    """The kinds found that --fail-on names."""
    return sorted({f.kind for f in health.findings if any(kind_matches(s, f.kind) for s in selectors)})
