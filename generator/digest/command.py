"""What `kc digest` does, apart from parsing options (generator/cli.py)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..audience import check_audience
from ..output import write_user_file
from ..site import Site
from .collect import collect, readable
from .model import Digest
from .period import last_newsletter_date, parse_date, resolve
from .render import render
from .segment import parse_segment


@dataclass
class DigestRequest:
    """The command-line values, as typed: dates are still text here."""
    today: date
    since: str | None = None
    until: str | None = None
    period: str | None = None
    since_last: bool = False
    audience: str | None = None
    segment: str | None = None


def make_digest(site: Site, request: DigestRequest) -> Digest:
    """Check every value (ConfigError on the first bad one), then collect."""
    since = parse_date("--since", request.since)
    until = parse_date("--until", request.until)
    audience = check_audience(request.audience or site.config.digest.audience)
    last = (last_newsletter_date(site, audience, before=until or request.today)
            if request.since_last else None)
    period = resolve(request.today, since=since, until=until, period=request.period,
                     since_last=last)
    segment = parse_segment(request.segment, readable(site, audience))
    return collect(site, period, audience, segment)


def write_output(text: str, out: str | None) -> None:
    """Print to stdout, or write FILE (see output.write_user_file: devices are written through)."""
    if out is None:
        import click
        click.echo(text, nl=False)
        return
    write_user_file(out, text)


__all__ = ["DigestRequest", "make_digest", "render", "write_output"]
