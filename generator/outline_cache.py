"""Remember each body's outline (headings and references) between runs.

Parsing Markdown is ~90% of loading a corpus (markdown-it-py: ~0.8 ms per page),
and most bodies do not change between two `kc check`s. Plain bodies are not parsed
at all (`plain_outline`: ~0.03 ms) and so not stored either. Outlines are stored by a
hash of the body text, so an edited body is simply a miss; the whole cache is
dropped when kc's or the Markdown libraries' versions change. JSON, not pickle:
a cache file is data, never code. A cache that cannot be read or written is ignored.
"""
from __future__ import annotations

import hashlib
import json
from importlib.metadata import version
from pathlib import Path

from . import markdown, plain_outline
from .document import Heading
from .incremental.cache_file import save_json

CACHE_FILE = Path(".kc") / "cache" / "outlines.json"
FORMAT = 5   # 2: raw HTML anchors, site-absolute and #fragment references; 3: GitHub slugs; 4: file, image and alt-text references; 5: GitHub autolinks only


def fingerprint() -> str:
    from .incremental.fingerprint import code_hash   # kc's code: a local change drops the cache too
    return "/".join([str(FORMAT), code_hash()]
                    + [version(package) for package in ("kc", "markdown-it-py", "mdit-py-plugins")])


def parsed_outline(body: str) -> tuple[list[list], list[list]]:
    """The outline from markdown-it's full parse, in the cache's (JSON) shape."""
    tokens = markdown.parse(body)
    return ([[h.level, h.text, h.anchor, h.line] for h in markdown.headings(tokens, 0)],
            [[r.kind, r.target, r.anchor, r.line, r.needle] for r in markdown.references(tokens)])


class OutlineCache:
    def __init__(self, root: Path | None):
        self.path = root / CACHE_FILE if root is not None else None
        self.entries: dict[str, list] = self._read()
        self.used: set[str] = set()
        self.misses = 0

    def outline(self, body: str, body_line: int) -> tuple[list[Heading], list[markdown.Reference]]:
        entry = plain_outline.outline(body)   # cheaper than hashing and caching: not stored
        if entry is None:
            key = hashlib.blake2b(body.encode("utf-8"), digest_size=16).hexdigest()
            entry = self.entries.get(key)
            if entry is None:
                entry = self.entries[key] = parsed_outline(body)
                self.misses += 1
            self.used.add(key)
        headings, references = entry
        return ([Heading(level, text, anchor, body_line + line) for level, text, anchor, line in headings],
                [markdown.Reference(*ref) for ref in references])

    def save(self) -> None:
        """Keep the outlines used in this run; write only when something changed."""
        if self.path is None or (not self.misses and self.used == set(self.entries)):
            return
        data = {"fingerprint": fingerprint(), "outlines": {key: self.entries[key] for key in sorted(self.used)}}
        save_json(self.path, data)

    def _read(self) -> dict[str, list]:
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return data["outlines"] if data.get("fingerprint") == fingerprint() else {}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return {}
