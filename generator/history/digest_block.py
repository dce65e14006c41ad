"""The "What changed" block of a policy in a digest: when the policy's newest version
this audience may read started in the period (its change-log date, effective date or
commit date inside it), the sections that changed against the version before, the
change-log text, and the absolute URL of the diff page."""
from __future__ import annotations

from ..urls import absolute_url
from .pages import changes_url, latest_change
from .render import section_label
from .store import site_history


def what_changed(site, doc, period, audience: str) -> dict | None:
    pair = latest_change(site, doc, audience)
    if pair is None:
        return None
    old, new = pair
    entries = [e.date for e in doc.get("changelog") or [] if str(e.version) == new.version]
    if not any(day in period for day in [*entries, new.effective, new.committed]):
        return None
    diff = site_history(site).diff(doc.id, old, new)
    return {"from_version": old.version, "to_version": new.version, "summary": new.summary,
            "sections": [f"{s.title} ({section_label(s).lower()})" for s in diff.changed],
            "url": absolute_url(site.config, changes_url(doc, old, new))}
