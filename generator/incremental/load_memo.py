"""Loaded documents kept in memory between the builds of one process (the live preview).

Loading (reading, YAML, the outline) is most of a check; in a preview, one save changes
one file. A file whose (size, mtime_ns, inode, mode) is unchanged since it was loaded,
and was not modified in the RACY_NS before that, is not read again: its Document and
load-time diagnostics are handed out again, as a fresh copy (validate and link set a
document's fields, files and mapped front matter, so each build gets its own). Any
change to the settings drops everything, since loading depends on them.
"""
from __future__ import annotations

import dataclasses
import os
import stat as stat_module
import time
from pathlib import Path

from ..diagnostics import Diagnostics
from ..document import Document
from ..outline_cache import OutlineCache
from .fingerprint import RACY_NS
from .load_cache import LoadCache


class LoadMemo:
    def __init__(self) -> None:
        self.settings = ""
        self.entries: dict[str, tuple] = {}    # path -> (stat, loaded_at, document, diagnostics)
        self.outlines: OutlineCache | None = None
        self.loaded: LoadCache | None = None

    def start(self, config) -> tuple[OutlineCache, LoadCache]:
        """Begin a load with these settings; returns the outline and load caches to use for misses."""
        settings = config.model_dump_json()
        if settings != self.settings:
            self.settings, self.entries = settings, {}
            self.outlines = OutlineCache(config.root)
            self.loaded = LoadCache(config.root, settings)
        return self.outlines, self.loaded

    def recall(self, path: Path) -> tuple[Document | None, Diagnostics] | None:
        entry = self.entries.get(str(path))
        if entry is None:
            return None
        stat, loaded_at, document, diagnostics = entry
        if stat != file_stat(path) or stat[1] >= loaded_at - RACY_NS:
            return None
        return (fresh(document) if document is not None else None), diagnostics

    def remember(self, path: Path, stat: tuple | None, document: Document | None,
                 diagnostics: Diagnostics) -> None:
        """stat: taken before the file was read, so an edit made while reading is seen next time.
        A link is never remembered: what it points at can change under an unchanged link."""
        if stat is None or stat_module.S_ISLNK(stat[3]):
            self.entries.pop(str(path), None)
            return
        self.entries[str(path)] = (stat, time.time_ns(), fresh(document) if document else None,
                                   diagnostics)   # append-only, never changed once made


def file_stat(path: Path) -> tuple | None:
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns, info.st_ino, info.st_mode


def fresh(document: Document) -> Document:
    """A copy that validate and link can fill in without touching the remembered one."""
    return dataclasses.replace(document, meta=dict(document.meta), positions=dict(document.positions),
                               fields=None, partial={}, files={})
