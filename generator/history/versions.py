"""A document's versions, derived from its git history.

Each commit where the front matter's `version` changed starts a version; the text at
that commit is the version's text. Renames are followed (a file's lineage moves with
it). A version the working copy has and no commit has yet is the last one, marked
uncommitted. Without git, a policy's versions come from its `changelog` alone, without
texts (so without diffs).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone

import yaml

from ..frontmatter_yaml import SafeLoader, split
from .gitlog import GitLog

_Loader = SafeLoader


@dataclass(frozen=True)
class Version:
    version: str
    commit: str | None           # None: from the change log, or not committed yet
    committed: date | None       # the commit's date (UTC)
    effective: date | None
    audience: str
    status: str
    title: str
    body: str | None             # None when only the change log is known
    path: str                    # the file's path at that version (repository-relative)
    summary: str = ""            # the change-log summary for this version

    @property
    def slug(self) -> str:
        return version_slug(self.version)


def version_slug(version: str) -> str:
    """A version as one URL path segment: '2.1' stays, anything unusual becomes '-'."""
    cleaned = "".join(ch if ch.isalnum() or ch in "._-" else "-" for ch in version).strip(".")
    return cleaned or "v"


@dataclass
class Lineage:
    """One file's versions so far, its history followed through renames."""
    versions: list[Version] = field(default_factory=list)
    front: str | None = None    # the front matter last read: the same again is the same version


def advance(lineages: dict[str, Lineage], log: GitLog) -> None:
    """Read log's commits (oldest first) into `lineages` (repository path -> Lineage), which
    holds what the commits before log.base gave: a new commit reads that commit only."""
    for commit in log.commits:
        for change in commit.changes:
            if change.status == "D":
                lineages.pop(change.old_path, None)
                continue
            if change.status == "R":
                lineage = lineages.pop(change.old_path, None) or Lineage()
            elif change.status in ("A", "C"):
                lineage = Lineage()
            else:
                lineage = lineages.get(change.new_path) or Lineage()
            lineages[change.new_path] = lineage
            text = log.texts.get(change.blob)
            if text is not None:
                read_version(lineage, text, commit.id, commit.time, change.new_path)


def front_matter(text: str) -> tuple[dict, str] | None:
    parts = split(text)
    if parts.yaml_text is None or not parts.closed:
        return None
    try:
        meta = yaml.load(parts.yaml_text, Loader=_Loader)
    except yaml.YAMLError:
        return None
    return (meta, parts.body) if isinstance(meta, dict) else None


def read_version(lineage: Lineage, text: str, commit: str, when: int, path: str) -> None:
    """A new version when this text's `version` differs from the last one's."""
    front = text.split("\n---", 1)[0]
    if front == lineage.front:       # same front matter: same version, nothing to parse
        return
    lineage.front = front
    parsed = front_matter(text)
    if parsed is None or parsed[0].get("version") in (None, ""):
        return
    meta, body = parsed
    version = str(meta["version"])
    if lineage.versions and lineage.versions[-1].version == version:
        return
    lineage.versions.append(Version(version, commit, datetime.fromtimestamp(when, timezone.utc).date(),
                                    _date(meta.get("effective")), str(meta.get("audience") or "internal"),
                                    str(meta.get("status") or "active"), str(meta.get("title") or ""),
                                    body, path))


def _date(value) -> date | None:
    return value if isinstance(value, date) else None


def with_working_copy(versions: list[Version], doc) -> list[Version]:
    """Add the loaded document as the newest version when no commit has its version yet,
    and give every version its change-log summary."""
    summaries = {str(e.version): e.summary for e in doc.get("changelog") or []}
    current = str(doc.get("version"))
    versions = [replace(v, summary=summaries.get(v.version, "")) for v in versions]
    if not versions or versions[-1].version != current:
        versions.append(Version(current, None, None, doc.get("effective"), doc.audience, doc.status,
                                doc.title, doc.body, doc.src_path, summaries.get(current, "")))
    return versions


def versions_from_changelog(doc) -> list[Version]:
    """No git: the change log's entries (oldest first), then the current version."""
    entries = sorted(doc.get("changelog") or [], key=lambda e: e.date)
    found = [Version(str(e.version), None, None, e.date, doc.audience, doc.status, doc.title, None,
                     doc.src_path, e.summary) for e in entries if str(e.version) != str(doc.get("version"))]
    current = next((e for e in entries if str(e.version) == str(doc.get("version"))), None)
    found.append(Version(str(doc.get("version")), None, None, doc.get("effective"), doc.audience,
                         doc.status, doc.title, doc.body, doc.src_path, current.summary if current else ""))
    return found
