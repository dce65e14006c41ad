"""The corpus's version history, read once per run and cached by commit id.

`site_history(site)` gives a SiteHistory: for every document with a `version`, its
versions (generator/history/versions.py). The git part is stored in
.kc/cache/history.json under the HEAD commit id and the content folder, so a rebuild
with the same HEAD reads one JSON file and runs no git at all. JSON, not pickle: a
cache file is data, never code; an unreadable cache is ignored.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from ..document import Document
from ..site import Site
from .diff import DocumentDiff, diff_versions
from .gitlog import open_repository, read_log
from .versions import Version, lineages, versions_from_changelog, versions_from_git, with_working_copy

CACHE_FILE = Path(".kc") / "cache" / "history.json"
FORMAT = 1
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
    """The history for this run's corpus (read once, kept on the Site)."""
    if site.history is None:
        site.history = load(site)
    return site.history


def load(site: Site) -> SiteHistory:
    content = site.config.content_path.resolve()
    repo = open_repository(content)
    if repo is None or repo.head is None:
        return SiteHistory(NO_GIT)
    if repo.shallow:
        return SiteHistory(SHALLOW)
    try:
        prefix = content.relative_to(repo.root).as_posix()
        site_prefix = site.config.root.resolve().relative_to(repo.root).as_posix()
    except ValueError:
        return SiteHistory(NO_GIT)
    prefix = "" if prefix == "." else prefix
    site_prefix = "" if site_prefix == "." else site_prefix + "/"
    cache = site.config.root / CACHE_FILE
    key = f"{FORMAT}:{repo.head}:{prefix}"
    cached = read_cache(cache, key)
    if cached is not None:
        return SiteHistory(None, cached)
    log = read_log(repo.root, prefix)
    if log is None:
        return SiteHistory(NO_GIT)
    by_path = {}
    for path, steps in lineages(log).items():
        if path.endswith(".md") and path.startswith(site_prefix):
            found = versions_from_git(steps, log.texts, path)
            if found:
                by_path[path[len(site_prefix):]] = found
    write_cache(cache, key, by_path)
    return SiteHistory(None, by_path)


def read_cache(path: Path, key: str) -> dict[str, list[Version]] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("key") != key:
            return None
        return {src: [_version(v) for v in versions] for src, versions in data["documents"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _version(data: dict) -> Version:
    for name in ("committed", "effective"):
        data[name] = date.fromisoformat(data[name]) if data[name] else None
    return Version(**data)


def write_cache(path: Path, key: str, by_path: dict[str, list[Version]]) -> None:
    data = {"key": key, "documents": {src: [asdict(v) for v in versions]
                                      for src, versions in sorted(by_path.items())}}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=".history-")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, separators=(",", ":"), default=str)
        os.replace(tmp, path)
    except OSError:
        return
