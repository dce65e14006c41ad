"""`kc report`: run the health rules, filter, write one format, decide the exit code."""
from __future__ import annotations

from ..config import SiteConfig
from ..pipeline import check
from .analyze import analyze
from .model import Health
from .output import kind_matches


def make_report(config: SiteConfig, owner: str | None = None, region: str | None = None,
                today=None) -> Health:
    health = analyze(check(config, today))   # both run without cyclic GC (generator/gc_pause.py)
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
    if fmt == "text":            # what the terminal shows, as plain text for a file
        import io

        from rich.console import Console
        buffer = io.StringIO()
        output.print_text(health, Console(file=buffer, width=100, color_system=None, highlight=False))
        return buffer.getvalue()
    raise ValueError(fmt)


def write(text: str, out: str) -> None:
    from ..output import write_user_file
    write_user_file(out, text)


def failing(health: Health, selectors: tuple[str, ...]) -> list[str]:
    """The kinds found that --fail-on names."""
    return sorted({f.kind for f in health.findings if any(kind_matches(s, f.kind) for s in selectors)})
