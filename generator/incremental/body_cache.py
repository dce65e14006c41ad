"""Rendered bodies kept between builds, in .kc/cache/bodies.json.

Rendering a body (Markdown parse, link rewriting, sanitizing) is a pure function of
the document and of what its Resolver answered (titles and URLs of the documents it
links to). An entry is keyed by the document's digest and holds the questions its
Resolver was asked with their answers; the next build reuses the HTML only if the
current Resolver answers every question the same way. So an edited body, a retitled
link target or a target that left the audience re-renders exactly the bodies concerned.

JSON, not pickle: a cache file is data, never code. The whole cache is dropped when
kc's or a library's version changes; one that cannot be read or written is ignored.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..document import Document
from ..render import RenderedPage, Resolver, TocEntry, render_body
from .fingerprint import library_versions
from .cache_file import save_json

CACHE_FILE = Path(".kc") / "cache" / "bodies.json"


class BodyCache:
    def __init__(self, root: Path | None, variant: str, read: bool = True):
        """variant names the build ('internal', 'public+drafts'): each keeps its own entries.
        read=False (`kc build --clean`) renders everything and refills the cache."""
        self.path = root / CACHE_FILE if root is not None else None
        self.variant = variant
        self.stored = self._read()          # every variant's entries, read once
        self.entries: dict[str, dict] = self.stored if read else {}
        self.fresh: dict[str, dict] = {}

    def _read(self) -> dict[str, dict]:
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("versions") != library_versions():
            return {}
        entries = data.get("bodies")
        return entries if isinstance(entries, dict) else {}

    def cached(self, doc: Document, resolver: Resolver) -> RenderedPage | None:
        """doc's body from the cache, when its entry is still valid (resolver answers every
        question it recorded the same way), kept for the next build; else None. Cheap: the
        build asks it in the parent process and renders only the misses across processes."""
        key = f"{self.variant}:{doc.digest}"
        entry = self.entries.get(key)
        if entry is None or not doc.digest:
            return None
        try:
            if not resolver.same_answers(entry["asked"]):
                return None
            rendered = RenderedPage(entry["html"], [TocEntry(*item) for item in entry["toc"]],
                                    frozenset(resolver.referenced - {doc.id}), entry["sections"])
        except (KeyError, TypeError, ValueError):
            return None
        self.fresh[key] = entry
        return rendered

    @staticmethod
    def render(doc: Document, resolver: Resolver) -> tuple[RenderedPage, dict | None]:
        """doc's body rendered, and the cache entry to keep for it (None when the document has
        no digest). Pure: it can run in a worker process; the caller hands the entry back
        with keep(). resolver must not have been asked anything yet."""
        rendered = render_body(doc, resolver)
        if not doc.digest:
            return rendered, None
        return rendered, {"asked": resolver.asked, "html": rendered.html, "sections": rendered.sections,
                          "toc": [[t.level, t.text, t.anchor] for t in rendered.toc]}

    def keep(self, doc: Document, entry: dict | None) -> None:
        if entry is not None:
            key = f"{self.variant}:{doc.digest}"
            self.fresh[key] = entry

    def next_build(self) -> None:
        """Serve another build from memory (a long-running process): the entries the last
        build used are those this one can reuse."""
        self.stored = self.entries = self.kept()
        self.fresh = {}

    def save(self) -> None:
        """Keep the entries this build used (other audiences' entries too), drop the rest."""
        if self.path is None:
            return
        save_json(self.path, {"versions": library_versions(), "bodies": self.kept()})

    def kept(self) -> dict[str, dict]:
        """Other variants' entries as read, and this variant's entries this build used."""
        kept = {key: value for key, value in self.stored.items() if not key.startswith(self.variant + ":")}
        kept.update(self.fresh)
        return kept
