"""What a long-running process (the live preview) keeps between its builds.

A one-shot `kc build` reads the last build's manifest and caches from .kc/ and writes a
staging folder that it swaps in. A preview rebuilds after every save, so it keeps:
- the documents it loaded (load_memo.py): unchanged files are not read again;
- the rendered-body cache and the last manifest, in memory (not re-read from .kc/);
and its builds, once the preview folder exists, update that folder in place (only the
pages whose keys changed are written; pages no longer made are deleted) and leave the
feeds, search index, marker and manifest to `finish()`, which the preview runs once the
browser has reloaded and no other save is waiting. A build that starts while the last
one is unfinished first `settle()`s it: everything but the search index, which the new
build makes anyway. tests/test_preview_session.py checks that the folder then
equals a clean build of the same input, byte for byte.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .body_cache import BodyCache
from .load_memo import LoadMemo
from .manifest import Manifest


@dataclass
class Session:
    loaded: LoadMemo = field(default_factory=LoadMemo)
    body_caches: dict[str, BodyCache] = field(default_factory=dict)   # variant -> cache
    manifest: Manifest | None = None                                  # of the last build
    pending: Callable[[bool], object] | None = None                   # the rest of the last build

    def previous(self, root: Path, target: Path, audience: str, drafts: bool) -> Manifest:
        if self.manifest is not None and self.manifest.path == Manifest.path_for(root, target, audience, drafts):
            return self.manifest
        return Manifest.load(root, target, audience, drafts)

    def body_cache(self, root: Path, variant: str) -> BodyCache:
        cache = self.body_caches.get(variant)
        if cache is None:
            cache = self.body_caches[variant] = BodyCache(root, variant)
        else:
            cache.next_build()
        return cache

    def finish(self, search: bool = True):
        """Run what the last build left for after the reload (feeds, search, manifest);
        returns the build's final result, or None when nothing was pending."""
        pending, self.pending = self.pending, None
        return pending(search) if pending is not None else None

    def settle(self) -> None:
        """Finish the last build without its search index (a newer build is about to make one)."""
        self.finish(search=False)
