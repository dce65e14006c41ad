"""What loading a file made of it, kept between runs in .kc/cache/loaded.sqlite.

Loading a document is reading its file, then parsing its front matter (YAML, with the
position of every key) and outlining its body (headings and references). For an
unchanged file only the reading is needed: at 10,000 documents the YAML and the
outlines cost ~1.5 s of every `kc build` and `kc check`, decoding what they made ~0.4 s.
An entry is keyed by the document's digest (a hash of its path and text: the file is
still read, so there is no question of file times), and holds the front matter, its
positions, the outline and where the body starts.

Only what JSON holds exactly is stored: text, numbers, true/false, null, lists, mappings
with text keys, and dates and naive date-times (by their path in the front matter, so
no value can be mistaken for one). A file whose front matter holds anything else, or
whose loading gave any diagnostic, is loaded afresh each time. The cache is dropped
when kc's or a library's version or any setting changes; one that cannot be read or
written is ignored (a damaged file is deleted). Data, never pickle.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from pathlib import Path

import yaml

from ..document import Document, Heading
from ..markdown import Reference
from .fingerprint import library_versions
from .sqlite_cache import save_rows

CACHE_FILE = Path(".kc") / "cache" / "loaded.sqlite"
SCHEMA = ("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
          "CREATE TABLE IF NOT EXISTS loaded (digest TEXT PRIMARY KEY, entry TEXT NOT NULL)")


class Unsupported(Exception):
    """A front matter value JSON would not give back exactly."""


def encode(document: Document, text: str) -> str | None:
    """The entry of a loaded document (None when it cannot be stored exactly)."""
    try:
        when: list[list] = []
        meta = _plain(document.meta, [], when)
        positions = []
        for loc, (line, column) in document.positions.items():
            if any(type(part) not in (str, int) for part in loc):
                raise Unsupported(loc)
            positions.append([*loc, line, column])
    except Unsupported:
        return None
    return json.dumps([meta, when, positions, len(text) - len(document.body), document.body_line,
                       [[h.level, h.text, h.anchor, h.line] for h in document.headings],
                       [[r.kind, r.target, r.anchor, r.line, r.needle] for r in document.references]],
                      ensure_ascii=False, separators=(",", ":"))


def _plain(value, path: list, when: list):
    kind = type(value)
    if kind is str or kind is int or kind is float or kind is bool or value is None:
        return value
    if kind is dict:
        if any(type(key) is not str for key in value):
            raise Unsupported(path)
        return {key: _plain(item, path + [key], when) for key, item in value.items()}
    if kind is list:
        return [_plain(item, path + [index], when) for index, item in enumerate(value)]
    if kind is date or (kind is datetime and value.tzinfo is None):
        when.append(["date" if kind is date else "datetime", *path])
        return value.isoformat()
    raise Unsupported(path)


def decode(entry: str, rel: str, kind: str, text: str, digest: str) -> Document:
    meta, when, positions, body_start, body_line, headings, references = json.loads(entry)
    for made, *path in when:
        box = meta
        for part in path[:-1]:
            box = box[part]
        box[path[-1]] = (date if made == "date" else datetime).fromisoformat(box[path[-1]])
    return Document(src_path=rel, type=kind, meta=meta, body=text[body_start:], body_line=body_line,
                    positions={tuple(item[:-2]): (item[-2], item[-1]) for item in positions},
                    headings=[Heading(*item) for item in headings],
                    references=[Reference(*item) for item in references], digest=digest)


class LoadCache:
    def __init__(self, root: Path | None, settings: str):
        """settings: the site's settings (site_config.yml), which loading depends on."""
        self.path = root / CACHE_FILE if root is not None else None
        self.version = f"{library_versions()};pyyaml={yaml.__version__};{settings}"
        self.entries = self._read()
        self.seen: set[str] = set()
        self.fresh: dict[str, str] = {}

    def _read(self) -> dict[str, str]:
        if self.path is None or not self.path.is_file():
            return {}
        try:
            with sqlite3.connect(self.path, timeout=10) as connection:
                version = connection.execute("SELECT value FROM meta WHERE name = 'version'").fetchone()
                if version is None or version[0] != self.version:
                    return {}
                return dict(connection.execute("SELECT digest, entry FROM loaded"))
        except sqlite3.Error:
            return {}

    def recall(self, digest: str, rel: str, kind: str, text: str) -> Document | None:
        entry = self.entries.get(digest)
        if entry is None:
            return None
        try:
            document = decode(entry, rel, kind, text, digest)
        except (ValueError, TypeError, KeyError, IndexError):
            return None
        self.seen.add(digest)
        return document

    def remember(self, document: Document, text: str) -> None:
        """A document loaded from text without any diagnostic."""
        entry = encode(document, text)
        if entry is not None:
            self.fresh[document.digest] = entry
            self.seen.add(document.digest)

    def keep(self, digest: str) -> None:
        """A document loaded another way (the preview's memory) stays in the cache."""
        if digest in self.entries:
            self.seen.add(digest)

    def save(self) -> None:
        """Write the entries made in this run, drop those of files no longer seen."""
        stale = [(digest,) for digest in self.entries if digest not in self.seen]
        if self.path is None or not (stale or self.fresh):
            return
        if not save_rows(self.path, lambda: sqlite3.connect(self.path, timeout=10, isolation_level=None),
                         SCHEMA, "loaded", "digest", ("version", self.version), stale,
                         "INSERT OR REPLACE INTO loaded VALUES (?, ?)", self.fresh.items(), close=True):
            return
        self.entries = {digest: entry for digest, entry in self.entries.items() if digest in self.seen}
        self.entries.update(self.fresh)
        self.fresh, self.seen = {}, set()
