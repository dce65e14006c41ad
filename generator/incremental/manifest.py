"""The build manifest in `.kc/builds/`: what the last build of an output folder read and wrote.

One manifest per (output folder, audience, --drafts). It records
- `inputs`: every input file's (size, mtime_ns, mode, hash), so unchanged files are not re-read;
- `site_key`: the key of the whole build (see fingerprint.site_key);
- `pages`: url -> the page's key; `files`: site-relative path -> (size, mtime_ns) of
  every file the build left in the output folder;
- `warnings`: the check's warnings, printed again when nothing had to be rebuilt;
- `frame`, `documents`, `shows`: the frame key, each document's [digest, shape, body]
  hashes and, per page, the documents its context held (see dependencies.py), so an
  edit of bodies keys only the pages that show them.

A file in the output folder is reused only if its size and modification time are
still those recorded: a hand-edited or deleted output file is simply written again.
JSON, written atomically; a manifest that cannot be read is treated as absent (a full
build), never as an error.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from .fingerprint import FORMAT, hash_text
from .cache_file import save_json

FOLDER = Path(".kc") / "builds"


@dataclass
class Manifest:
    path: Path | None
    site_key: str = ""
    inputs: dict[str, list] = field(default_factory=dict)      # path -> [size, mtime_ns, mode, hash]
    pages: dict[str, str] = field(default_factory=dict)        # url -> page key
    files: dict[str, list] = field(default_factory=dict)       # rel path -> [size, mtime_ns]
    warnings: list[dict] = field(default_factory=list)
    summary: dict = field(default_factory=dict)                # pages, documents, bytes
    checked_at: int = 0                                        # time.time_ns() when inputs were hashed
    frame: str = ""                                            # fingerprint.frame_key
    documents: dict[str, list] = field(default_factory=dict)   # src_path -> [digest, shape, body]
    shows: dict[str, list] = field(default_factory=dict)       # url -> src_paths its context held

    @staticmethod
    def path_for(root: Path, target: Path, audience: str, drafts: bool) -> Path:
        return Path(root) / FOLDER / (hash_text(str(target.resolve()), audience, str(drafts))[:20] + ".json")

    @classmethod
    def load(cls, root: Path, target: Path, audience: str, drafts: bool) -> "Manifest":
        path = cls.path_for(root, target, audience, drafts)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                return cls(path)
            return cls(path, data["site_key"], data["inputs"], data["pages"], data["files"],
                       data.get("warnings", []), data.get("summary", {}), data.get("checked_at", 0),
                       data.get("frame", ""), data.get("documents", {}), data.get("shows", {}))
        except (OSError, ValueError, KeyError, TypeError):
            return cls(path)

    def output_intact(self, target: Path) -> bool:
        """Every file the last build wrote is still there, unchanged."""
        if not self.files:
            return False
        base = os.path.join(target, "")     # strings, not Paths: 30,000 files at 10k documents
        for rel, recorded in self.files.items():
            try:
                info = os.lstat(base + rel)
            except OSError:
                return False
            if [info.st_size, info.st_mtime_ns] != recorded:
                return False
        return True

    def reusable(self, target: Path, url: str, rel: str, key: str | None) -> Path | None:
        """The previous output file of this page, if its key and the file are unchanged."""
        if key is None or self.pages.get(url) != key:
            return None
        return self.intact_file(target, rel)

    def intact_file(self, target: Path, rel: str) -> Path | None:
        """The file the last build left at rel, if it is still exactly as written."""
        if rel not in self.files:
            return None
        path = target / rel
        try:
            info = os.lstat(path)
        except OSError:
            return None
        return path if [info.st_size, info.st_mtime_ns] == self.files[rel] else None

    def unaffected(self, target: Path, url: str, rel: str, changed: set[str]) -> tuple[str, Path] | None:
        """(key, previous file) of a page that shows none of the changed documents, when the
        edit changed only bodies (see dependencies.changed_documents) and the file is intact."""
        key, shows = self.pages.get(url), self.shows.get(url)
        if key is None or shows is None or not changed.isdisjoint(shows):
            return None
        path = self.reusable(target, url, rel, key)
        return (key, path) if path is not None else None

    def save(self) -> None:
        if self.path is None:
            return
        data = {"format": FORMAT, "site_key": self.site_key, "inputs": self.inputs, "pages": self.pages,
                "files": self.files, "warnings": self.warnings, "summary": self.summary, "checked_at": self.checked_at,
                "frame": self.frame, "documents": self.documents, "shows": self.shows}
        save_json(self.path, data)   # if it cannot be written, the next build loses its shortcuts

    def forget(self) -> None:
        """Drop the manifest (the output folder no longer matches it)."""
        if self.path is not None:
            try:
                self.path.unlink()
            except OSError:
                pass
