"""The digest as data: every output format (html, text, md, json, Atom) renders
these objects, so all of them show exactly the same items."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Period:
    """Calendar days, both ends included. Dates carry no time zone: a change dated
    2026-09-01 belongs to the period whatever the reader's clock says."""
    since: date
    until: date

    def __contains__(self, day: date | None) -> bool:
        return day is not None and self.since <= day <= self.until

    @property
    def days(self) -> int:
        return (self.until - self.since).days + 1


@dataclass(frozen=True)
class Link:
    """A related document shown with an item, e.g. a newsletter's highlight."""
    id: str
    title: str
    url: str    # absolute
    path: str   # site-relative


@dataclass
class Item:
    """One change to one document, ready to print."""
    id: str
    type: str
    title: str
    url: str        # absolute, from base_url: for emails, chat and feeds
    path: str       # site-relative ('policies/x/'): for links inside the site
    date: date      # the day of the change
    change: str     # "published", "new version 2.1", "replaces x", "updated", "retired", "review due"
    summary: str = ""
    details: dict[str, Any] = field(default_factory=dict)  # severity, changelog, highlights...

    def to_json(self) -> dict[str, Any]:
        data = {"id": self.id, "type": self.type, "title": self.title, "url": self.url,
                "date": self.date.isoformat(), "change": self.change, "summary": self.summary}
        if self.details:
            data["details"] = _jsonable(self.details)
        return data


@dataclass
class Section:
    key: str
    title: str
    items: list[Item]

    @property
    def count(self) -> int:
        return len(self.items)


@dataclass
class Digest:
    title: str
    sender: str
    footer: str
    audience: str
    segment: str | None
    period: Period
    sections: list[Section]   # only sections that have items, in the configured order

    @property
    def count(self) -> int:
        return sum(section.count for section in self.sections)

    @property
    def is_empty(self) -> bool:
        return not self.sections

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title,
                "period": {"since": self.period.since.isoformat(),
                           "until": self.period.until.isoformat()},
                "audience": self.audience,
                "segment": self.segment,
                "count": self.count,
                "sections": [{"key": s.key, "title": s.title, "count": s.count,
                              "items": [item.to_json() for item in s.items]}
                             for s in self.sections]}


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Link):
        return {"id": value.id, "title": value.title, "url": value.url}
    if isinstance(value, dict):
        return {key: _jsonable(v) for key, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if hasattr(value, "model_dump"):
        return _jsonable(value.model_dump())
    return value
