"""Rendered bodies kept between builds, in .kc/cache/bodies.sqlite.

Rendering a body (Markdown parse, link rewriting, sanitizing) is a pure function of
the document and of what its Resolver answered (titles and URLs of the documents it
links to). An entry is keyed by the document's digest and holds the questions its
Resolver was asked with their answers; the next build reuses the HTML only if the
current Resolver answers every question the same way. So an edited body, a retitled
link target or a target that left the audience re-renders exactly the bodies concerned.

One row per entry (SQLite, from the standard library), so a build reads what it needs:
every entry's questions and the hash of its body (`state`, which
dependencies.document_states compares) up front, and the HTML, table of contents and
search sections of a body only when a page or the search index asks for them
(`StoredBody`). A build writes the rows it rendered and deletes those of its variant it
no longer uses, in one transaction: a one-edit build of 10,000 documents reads ~10k
short rows and writes two, where one JSON file of every body cost ~1.5 s to read and
write again.

Data, not pickle: a cache file is data, never code. The whole cache is dropped when
kc's or a library's version changes; one that cannot be read or written is ignored
(a damaged file is deleted, so the next build starts a new one).
"""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Callable

from ..document import Document
from ..render import RenderedPage, Resolver, TocEntry, render_body
from .dependencies import body_state
from .fingerprint import library_versions
from .sqlite_cache import save_rows

CACHE_FILE = Path(".kc") / "cache" / "bodies.sqlite"
OLD_FILE = Path(".kc") / "cache" / "bodies.json"     # the one-file cache of earlier versions
SCHEMA = ("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
          "CREATE TABLE IF NOT EXISTS bodies (key TEXT PRIMARY KEY, variant TEXT NOT NULL, "
          "asked TEXT NOT NULL, state TEXT NOT NULL, html TEXT NOT NULL, toc TEXT NOT NULL, "
          "sections TEXT NOT NULL)",
          "CREATE INDEX IF NOT EXISTS bodies_variant ON bodies (variant)")
COLUMN_QUERIES = {name: f"SELECT asked, {name} FROM bodies WHERE key = ?" for name in ("html", "toc", "sections")}


class Store:
    """The cache file's connection, one per process: a worker forked while the build
    holds one opens its own (SQLite connections must not cross a fork)."""

    def __init__(self, path: Path):
        self.path = path
        self._connection: sqlite3.Connection | None = None
        self._pid = 0

    def connection(self) -> sqlite3.Connection:
        if self._connection is None or self._pid != os.getpid():
            self._connection = sqlite3.connect(self.path, timeout=10, isolation_level=None,
                                               check_same_thread=False)
            self._pid = os.getpid()
        return self._connection

    def column(self, key: str, name: str) -> tuple | None:
        """(asked, value of column `name`) of one entry, or None when it is gone or unreadable."""
        try:
            return self.connection().execute(COLUMN_QUERIES[name], (key,)).fetchone()
        except sqlite3.Error:
            return None


class StoredBody:
    """A cached body whose HTML, table of contents and sections are each read from the
    cache file when asked for (the search stage needs only sections, a page the HTML and
    table of contents, most bodies of a one-edit build nothing). The entry was validated
    when the build began; if its row has gone or changed since (another kc process sharing
    .kc/ saved in between), the body is rendered again, which gives the same result."""
    __slots__ = ("refs", "state", "_store", "_key", "_asked", "_render", "_rendered")

    def __init__(self, store: Store, key: str, asked: str, refs: frozenset[str], state: str,
                 render: Callable[[], RenderedPage]):
        self.refs, self.state = refs, state
        self._store, self._key, self._asked, self._render = store, key, asked, render
        self._rendered: RenderedPage | None = None

    def _read(self, name: str, decode: Callable):
        if self._rendered is None:
            row = self._store.column(self._key, name)
            if row is not None and row[0] == self._asked:
                try:
                    return decode(row[1])
                except (TypeError, ValueError):
                    pass
            self._rendered = self._render()
        return getattr(self._rendered, name)

    @property
    def html(self) -> str:
        return self._read("html", str)

    @property
    def toc(self) -> list[TocEntry]:
        return self._read("toc", lambda text: [TocEntry(*item) for item in json.loads(text)])

    @property
    def sections(self) -> list:
        return self._read("sections", json.loads)


class BodyCache:
    def __init__(self, root: Path | None, variant: str, read: bool = True):
        """variant names the build ('internal', 'public+drafts'): each keeps its own entries.
        read=False (`kc build --clean`) renders everything and refills the cache."""
        self.root = root
        self.store = Store(root / CACHE_FILE) if root is not None else None
        self.variant = variant
        stored = self._read()
        self.on_disk: set[str] = set(stored)         # this variant's rows in the file
        self.entries: dict[str, dict] = stored if read else {}
        self.used: dict[str, dict] = {}              # entries this build used (kept by save)
        self.unsaved: set[str] = set()               # keys rendered since the last save

    def _read(self) -> dict[str, dict]:
        """key -> {"asked": JSON text, "state": body hash} of this variant's rows."""
        if self.store is None or not self.store.path.is_file():
            return {}
        try:
            connection = self.store.connection()
            versions = connection.execute("SELECT value FROM meta WHERE name = 'versions'").fetchone()
            if versions is None or versions[0] != library_versions():
                return {}
            return {key: {"asked": asked, "state": state} for key, asked, state in connection.execute(
                "SELECT key, asked, state FROM bodies WHERE variant = ?", (self.variant,))}
        except sqlite3.Error:
            return {}

    def cached(self, doc: Document, resolver: Resolver) -> RenderedPage | StoredBody | None:
        """doc's body from the cache, when its entry is still valid (resolver answers every
        question it recorded the same way), kept for the next build; else None. Cheap: the
        build asks it in the parent process and renders only the misses across processes."""
        key = f"{self.variant}:{doc.digest}"
        entry = self.entries.get(key)
        if entry is None or not doc.digest:
            return None
        try:
            asked = entry["asked"]
            questions = entry.get("questions")
            if questions is None:
                questions = entry["questions"] = json.loads(asked)
            if not resolver.same_answers(questions):
                return None
            refs = frozenset(resolver.referenced - {doc.id})
            if "html" in entry:      # rendered by this process: in memory
                rendered = RenderedPage(entry["html"], [TocEntry(*item) for item in entry["toc"]],
                                        refs, entry["sections"])
            else:
                fresh = Resolver(resolver.current, resolver.visible, resolver.by_path)
                rendered = StoredBody(self.store, key, asked, refs, entry["state"],
                                      lambda: render_body(doc, fresh))
        except (KeyError, TypeError, ValueError):
            return None
        self.used[key] = entry
        return rendered

    @staticmethod
    def render(doc: Document, resolver: Resolver) -> tuple[RenderedPage, dict | None]:
        """doc's body rendered, and the cache entry to keep for it (None when the document has
        no digest). Pure: it can run in a worker process; the caller hands the entry back
        with keep(). resolver must not have been asked anything yet."""
        rendered = render_body(doc, resolver)
        if not doc.digest:
            return rendered, None
        return rendered, {"asked": json.dumps(resolver.asked, ensure_ascii=False, separators=(",", ":")),
                          "html": rendered.html, "sections": rendered.sections,
                          "toc": [[t.level, t.text, t.anchor] for t in rendered.toc],
                          "state": body_state(rendered.html, rendered.toc)}

    def keep(self, doc: Document, entry: dict | None) -> None:
        if entry is not None:
            key = f"{self.variant}:{doc.digest}"
            self.used[key] = entry
            self.unsaved.add(key)

    def next_build(self) -> None:
        """Serve another build from memory (a long-running process): the entries the last
        build used are those this one can reuse."""
        self.entries, self.used = self.used, {}

    def save(self) -> None:
        """Keep the entries this build used (other variants' rows too), drop the rest of this
        variant's: the rows rendered since the last save are written, the unused deleted."""
        if self.store is None:
            return
        written = [(key, self.variant, entry["asked"], entry["state"], entry["html"],
                    json.dumps(entry["toc"], ensure_ascii=False), json.dumps(entry["sections"], ensure_ascii=False))
                   for key, entry in self.used.items() if key in self.unsaved]
        stale = [(key,) for key in self.on_disk if key not in self.used]
        if not save_rows(self.store.path, self.store.connection, SCHEMA, "bodies", "key",
                         ("versions", library_versions()), stale,
                         "INSERT OR REPLACE INTO bodies VALUES (?, ?, ?, ?, ?, ?, ?)", written):
            return
        self.on_disk = set(self.used)
        self.unsaved.clear()
        try:
            (self.root / OLD_FILE).unlink(missing_ok=True)
        except OSError:
            pass
