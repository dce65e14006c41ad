"""Newsletter digests: what changed in a period, for an audience, in html/text/md/json.

    period.py   which days (--since/--until/--period/--since-last), today passed in
    segment.py  --segment tag:X | region:Y | X
    collect.py  which document changed how -> Digest(sections of Items)
    render.py   Digest -> html (email, CSS inlined) | text | md | json
    archive.py  newsletters by year and month, for the archive page
"""
from __future__ import annotations

from ..site import Site
from .collect import collect
from .model import Digest, Item, Link, Period, Section
from .newsletter_index import NewsletterIndex

__all__ = ["Digest", "Item", "Link", "Period", "Section", "collect", "newsletter_items"]


def newsletter_items(site: Site, newsletter, audience: str) -> list[Section]:
    """Digest sections listed under a newsletter's own text on its page.

    The period runs from the day after the previous newsletter this audience sees
    (30 days back when there is none) to the newsletter's date. Newsletters and
    review reminders are left out. Each section has .key, .title, .count, .items;
    each item has .id .type .title .date .change .summary .details, and two URLs:

        .path   site-relative ('policies/x/'): USE THIS in site templates
        .url    absolute, from base_url: for emails and feeds

    A build makes one NewsletterIndex and asks it for every newsletter; this is the same
    computation for a single newsletter.
    """
    return NewsletterIndex(site, audience).items(newsletter)
