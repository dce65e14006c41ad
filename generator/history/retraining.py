"""Retraining triggers, a `kc check` stage: guidance older than the policy it cites.

  LIFE001  a training module whose `updated` date is before the `effective` date of a
           cited policy's current version: it teaches an older version.
  LIFE002  a playbook or FAQ whose `updated` date is before the day a cited policy's
           current version changed (its change-log entry, else its effective date):
           it may be out of date.

Warnings by default; `lifecycle: {retraining: error}` in site_config.yml makes them
errors for CI. Front matter only: no git is read, so `kc check` stays fast.
"""
from __future__ import annotations

from datetime import date

from ..site import Site

CITING_TYPES = ("training", "playbook", "faq")


def changed_on(policy) -> date | None:
    """The day the policy's current version changed: its change-log entry, else `effective`."""
    current = str(policy.get("version"))
    entries = [e.date for e in policy.get("changelog") or [] if str(e.version) == current]
    return max(entries) if entries else policy.get("effective")


def stale_since(doc, policy) -> date | None:
    """The rule, shared with `kc report`'s outdated-citation: the date an active training module,
    playbook or FAQ citing `policy` predates (the policy's `effective` date for training, the
    day its current version changed for the others), or None when `doc` is as new or undated."""
    updated = doc.get("updated")
    when = policy.get("effective") if doc.type == "training" else changed_on(policy)
    return when if updated is not None and when and updated < when else None


def run(site: Site) -> None:
    severity = site.config.lifecycle.retraining
    for doc in site.documents:
        updated = doc.get("updated")
        if doc.type not in CITING_TYPES or not doc.valid or updated is None or doc.status != "active":
            continue
        for index, policy_id in enumerate(doc.get("policies") or []):
            policy = site.by_id.get(policy_id)
            if policy is None or policy.type != "policy" or not policy.valid:
                continue
            when = stale_since(doc, policy)
            if when is None:
                continue
            line, column = doc.position("policies", index)
            version = policy.get("version")
            if doc.type == "training":
                site.diagnostics.add(
                    "LIFE001", doc.src_path, line, column,
                    f"training '{doc.id}' (updated {updated.isoformat()}) predates version {version} "
                    f"of policy '{policy_id}', effective {when.isoformat()}: it may teach an older version",
                    f"see what changed with `kc diff {policy_id}`, update the module, then set "
                    f"`updated:` to the day you did", severity=severity)
            else:
                site.diagnostics.add(
                    "LIFE002", doc.src_path, line, column,
                    f"{doc.type} '{doc.id}' (updated {updated.isoformat()}) may be out of date: "
                    f"policy '{policy_id}' changed to version {version} on {when.isoformat()}",
                    f"check it against `kc diff {policy_id}`, then set `updated:` to the day you did",
                    severity=severity)
