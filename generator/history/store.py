"""The corpus's version history, read once per run and cached by commit id.

`site_history(site)` gives a SiteHistory: for every document with a `version`, its
versions (generator/history/versions.py). The git part is stored in
.kc/cache/history.json with the HEAD commit it was read at: a rebuild with the same HEAD
reads one JSON file and runs no git at all, and after new commits only those are read.
JSON, not pickle: a cache file is data, never code; an unreadable cache is ignored.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path

from ..config import SiteConfig
from ..document import Document
from ..site import Site
from . import prefetch
from .diff import DocumentDiff, diff_versions
from .gitlog import open_repository, read_log
from .versions import Lineage, Version, advance, versions_from_changelog, with_working_copy
from ..incremental.cache_file import save_json

CACHE_FILE = Path(".kc") / "cache" / "history.json"
FORMAT = 2
VERSION_FIELDS = tuple(f.name for f in fields(Version))
NO_GIT = ("This history comes from the change log only: the content is not in a git repository, "
          "so earlier texts cannot be compared.")
SHALLOW = ("This history comes from the change log only: the repository is a shallow clone "
           "(fetch the full history to compare versions).")


@dataclass
class SiteHistory:
    note: str | None                       # why there is no git history, shown on history pages
    by_path: dict[str, list[Version]] = field(default_factory=dict)   # src_path -> git versions
    _memo: dict[str, list[Version]] = field(default_factory=dict)
    _diffs: dict[tuple, DocumentDiff] = field(default_factory=dict)

    def diff(self, doc_id: str, old: Version, new: Version) -> DocumentDiff:
        """The diff between two versions, computed once per run (pages, feeds and digests share it)."""
        key = (doc_id, old, new)
        if key not in self._diffs:
            self._diffs[key] = diff_versions(doc_id, old, new)
        return self._diffs[key]

    @property
    def from_git(self) -> bool:
        return self.note is None

    def versions(self, doc: Document) -> list[Version]:
        """Every version of doc, oldest first (all audiences: callers filter)."""
        if doc.id not in self._memo:
            if self.from_git:
                found = with_working_copy(self.by_path.get(doc.src_path, []), doc)
            else:
                found = versions_from_changelog(doc)
            self._memo[doc.id] = found
        return self._memo[doc.id]


def site_history(site: Site) -> SiteHistory:
    """The history for this run's corpus (read once, kept on the Site): what the build
    started reading before the check (generator/history/prefetch.py), else read now."""
    if site.history is None:
        site.history = prefetch.take(site.config) or load(site.config)
    return site.history


def load(config: SiteConfig) -> SiteHistory:
    content = config.content_path.resolve()
    repo = open_repository(content)
    if repo is None or repo.head is None:
        return SiteHistory(NO_GIT)
    if repo.shallow:
        return SiteHistory(SHALLOW)
    try:
        prefix = content.relative_to(repo.root).as_posix()
        site_prefix = config.root.resolve().relative_to(repo.root).as_posix()
    except ValueError:
        return SiteHistory(NO_GIT)
    prefix = "" if prefix == "." else prefix
    site_prefix = "" if site_prefix == "." else site_prefix + "/"
    lineages = read_lineages(config.root / CACHE_FILE, repo, prefix)
    if lineages is None:
        return SiteHistory(NO_GIT)
    return SiteHistory(None, {path[len(site_prefix):]: lineage.versions for path, lineage in lineages.items()
                              if path.endswith(".md") and path.startswith(site_prefix) and lineage.versions})


def read_lineages(cache: Path, repo, prefix: str) -> dict[str, Lineage] | None:
    """Every file's versions at HEAD: from the cache when it was made at HEAD; after a new
    commit, the cache's lineages advanced by the commits since (not the whole log again)."""
    key = f"{FORMAT}:{prefix}"
    cached = read_cache(cache, key)
    if cached is not None and cached[0] == repo.head:
        return cached[1]
    log = read_log(repo.root, prefix, since=cached[0] if cached else None)
    if log is None:
        return None
    lineages = cached[1] if cached is not None and log.base is not None else {}
    advance(lineages, log)
    write_cache(cache, key, log.head, lineages)
    return lineages


def read_cache(path: Path, key: str) -> tuple[str, dict[str, Lineage]] | None:
    """(the HEAD it was made at, its lineages), or None when absent, unreadable or another format."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("key") != key:
            return None
        return str(data["head"]), {src: Lineage([_version(v) for v in versions])
                                   for src, versions in data["lineages"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _version(data: dict) -> Version:
    for name in ("committed", "effective"):
        data[name] = date.fromisoformat(data[name]) if data[name] else None
    return Version(**data)


def _plain(version: Version) -> dict:
    data = {name: getattr(version, name) for name in VERSION_FIELDS}
    for name in ("committed", "effective"):
        data[name] = data[name].isoformat() if data[name] else None
    return data


def write_cache(path: Path, key: str, head: str, lineages: dict[str, Lineage]) -> None:
    data = {"key": key, "head": head,
            "lineages": {src: [_plain(v) for v in lineage.versions]
                         for src, lineage in sorted(lineages.items()) if lineage.versions}}
    save_json(path, data)
