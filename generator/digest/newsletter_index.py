"""What each newsletter page lists under its text, for every newsletter of a build at once.

A newsletter covers the days from the day after the previous newsletter the audience
sees (30 days back when there is none) up to its own date. Looking at every document
for every newsletter would make a build with hundreds of newsletters quadratic, so
NewsletterIndex is made once per build: newsletter dates sorted for the period lookups,
and every readable document's change dates sorted, so a newsletter's period finds its
candidates by bisection. `collect` then looks at those candidates only: a document with
no date in the period has no change in it.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date

from ..dates import shift
from ..site import Site
from .collect import collect, readable
from .model import Period, Section
from .period import NEWSLETTER_FALLBACK_DAYS

HIDDEN = ("newsletters", "reviews")   # sections not repeated on a newsletter's page


def change_dates(doc) -> set[date]:
    """Every date on which a document can count as changed (see collect.changes_in)."""
    found = {doc.get(name) for name in ("created", "updated", "effective", "date")}
    found.update(entry.date for entry in doc.get("changelog") or [])
    return {day for day in found if isinstance(day, date)}


class NewsletterIndex:
    def __init__(self, site: Site, audience: str):
        self.site, self.audience = site, audience
        docs = readable(site, audience)
        self.order = {id(doc): position for position, doc in enumerate(docs)}
        self.newsletter_dates = sorted(doc.get("date") for doc in docs if doc.type == "newsletter")
        self.changes = sorted(((day, position) for position, doc in enumerate(docs)
                               for day in change_dates(doc)), key=lambda pair: (pair[0], pair[1]))
        self.change_days = [day for day, _ in self.changes]
        self.docs = docs

    def period(self, newsletter) -> Period:
        own = newsletter.get("date")
        earlier = bisect_left(self.newsletter_dates, own)
        start = (shift(self.newsletter_dates[earlier - 1], 1) if earlier
                 else shift(own, -NEWSLETTER_FALLBACK_DAYS))
        return Period(start, own)

    def items(self, newsletter) -> list[Section]:
        period = self.period(newsletter)
        low, high = bisect_left(self.change_days, period.since), bisect_right(self.change_days, period.until)
        positions = sorted({position for _, position in self.changes[low:high]})
        sections = [key for key in self.site.config.digest.sections if key not in HIDDEN]
        digest = collect(self.site, period, self.audience, sections=sections,
                         candidates=[self.docs[p] for p in positions])
        return digest.sections
