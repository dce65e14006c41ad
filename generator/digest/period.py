"""Which days a digest covers. `today` is always passed in: nothing here reads the clock.

A period is a pair of calendar dates, both included. Dates are written YYYY-MM-DD and
carry no time zone: content dates are calendar days too, so a change dated on the
first or the last day of the period is in it, wherever the reader is.
"""
from __future__ import annotations

import re
from datetime import date

from ..audience import visible
from ..errors import ConfigError
from ..site import Site
from .model import Period
from ..dates import shift

PERIOD_LENGTHS = {"week": 7, "month": 30}   # days ending today, today included
NEWSLETTER_FALLBACK_DAYS = 30


def parse_date(option: str, text: str | None) -> date | None:
    """'2026-09-01' -> date; anything else is a ConfigError naming the option."""
    if text is None:
        return None
    try:
        value = date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else None
    except ValueError:
        value = None
    if value is None:
        raise ConfigError(f"{option} '{text}' is not a date: write YYYY-MM-DD, e.g. 2026-09-01")
    return value


def resolve(today: date, since: date | None = None, until: date | None = None,
            period: str | None = None, since_last: date | None = None) -> Period:
    """The period asked for on the command line.

    since/until: explicit days (until defaults to today). period: 'week' or 'month',
    the last 7 or 30 days ending today. since_last: the date of the previous
    newsletter; the period starts the day after it and ends today (or --until).
    """
    chosen = [name for name, value in (("--since", since), ("--period", period),
                                       ("--since-last", since_last)) if value is not None]
    if len(chosen) > 1:
        raise ConfigError(f"{' and '.join(chosen)} both choose the start of the period: "
                          f"use only one of them")
    if period is not None and until is not None:
        raise ConfigError("--period always ends today: use --since and --until for other periods")
    if period is not None:
        if period not in PERIOD_LENGTHS:
            raise ConfigError(f"unknown --period '{period}': use week or month")
        return Period(shift(today, -(PERIOD_LENGTHS[period] - 1)), today)
    if since_last is not None:
        since = shift(since_last, 1)
    if since is None:
        raise ConfigError("say which period the digest covers: --since DATE, --period week|month "
                          "or --since-last")
    until = until or today
    if since > until:
        raise ConfigError(f"the period starts ({since}) after it ends ({until}): "
                          f"--since must be on or before --until")
    return Period(since, until)


def last_newsletter_date(site: Site, audience: str, before: date) -> date:
    """Date of the newest published newsletter the audience sees, dated before `before`."""
    dates = [doc.get("date") for doc in site.of_type("newsletter")
             if visible(doc, audience) and doc.status != "draft" and doc.get("date") < before]
    if not dates:
        raise ConfigError(f"--since-last: no {audience} newsletter was published before {before}; "
                          f"use --since DATE instead")
    return max(dates)

