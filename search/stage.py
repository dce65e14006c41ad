"""The search stage of a build: the section index (tantivy by default, whoosh when
site_config.yml says `search: {engine: whoosh}`), the browser's word list and the
Pagefind bundle, written into a build's output dir for the build's audience.

`run(ctx)` is called by generator/build.py after the pages are written into
ctx.out_dir (the staging dir), so the index is swapped in atomically with the
pages it describes. Everything indexed comes from `ctx.pages` (the documents
published for ctx.audience) and is further limited to `audience.listed`
documents: no retired documents, no drafts unless the build asked for them; and
from `ctx.lookups.teams`, the teams that have a page in this build.
"""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Callable

from generator.document import Document
from generator.incremental.fingerprint import hash_text, library_versions
from generator.urls import out_path
from generator.site import Site

from . import pagefind, terms
from .backend import SEARCH_DIR, engine, index_dir
from .entries import all_entries, indexed_documents
from .entry_groups import entry_groups


FOLDERS = (str(SEARCH_DIR), pagefind.PAGEFIND_DIR)   # made whole by every run
CACHE_DIR = Path(".kc") / "cache" / "search"          # the index's groups, by key


def run(ctx, meanwhile: Callable[[], None] | None = None) -> None:
    """Write the search index, word list and Pagefind bundle for ctx.audience into ctx.out_dir
    (any earlier ones there, in a folder updated in place, are replaced: the bundle in one
    step, as open pages load it). Pagefind runs while the section index is written, and
    while `meanwhile` (another stage's work that writes no HTML: the feeds) runs."""
    out = Path(ctx.out_dir)
    started = pagefind.Run(out, searchable_pages(ctx), cache_root=ctx.config.root).start()
    try:
        if meanwhile is not None:
            meanwhile()
        docs = indexed_documents(ctx.pages, ctx.drafts)
        write_index(ctx.site, docs, out, ctx.config.search.engine, Sections(ctx.bodies),
                    {team_id: work.team for team_id, work in ctx.lookups.teams.items()},
                    cache=(ctx.config.root, hash_text(library_versions(), ctx.config.model_dump_json())),
                    refs={doc_id: body.refs for doc_id, body in ctx.bodies.items()})
        with engine(ctx.config.search.engine).open(index_dir(out, ctx.config.search.engine),
                                                   ctx.config) as opened:
            terms.write(opened, out / terms.TERMS_FILE)
        started.finish()
    except BaseException:
        started.abandon()
        raise


class Sections:
    """id -> a rendered body's sections skeleton, read when asked for (a cached body keeps
    them on disk: only the documents re-indexed need theirs)."""

    def __init__(self, bodies: dict):
        self.bodies = bodies

    def get(self, doc_id: str, default=None):
        body = self.bodies.get(doc_id)
        return body.sections if body is not None else default


def searchable_pages(ctx) -> list[tuple[str, str]]:
    """(url, key) of the pages Pagefind indexes; a page without a key is keyed by its bytes."""
    out = Path(ctx.out_dir)
    return [(url, ctx.page_keys.get(url) or hashlib.sha256((out / out_path(url)).read_bytes()).hexdigest())
            for url in ctx.searchable]


def write_index(site: Site, docs: list[Document], out_dir: Path, engine_name: str | None = None,
                skeletons: dict | None = None, teams: dict | None = None,
                cache: tuple[Path, str] | None = None, refs: dict | None = None) -> Path:
    """(Re)create the section index of `docs` (and of the build's team pages, `teams`:
    id -> Team) under out_dir; returns its folder.
    skeletons: the render stage's section skeletons by id (see search.sections.skeleton).
    cache: (project root, settings salt) to keep the index in groups of documents between
    builds (an engine that can: tantivy), so an edit re-indexes one group; refs: id -> the
    documents each body links to, which key the groups (see entry_groups)."""
    chosen = engine(engine_name)
    target = index_dir(out_dir, chosen.name)
    if cache is not None and hasattr(chosen, "write_groups"):
        root, salt = cache
        chosen.write_groups(entry_groups(site, docs, skeletons or {}, refs or {}, teams or {}, salt), target,
                            root / CACHE_DIR / chosen.name)
    else:
        chosen.write(all_entries(site, docs, skeletons, teams), target)
    for other in target.parent.iterdir():      # another engine's index, from before a settings change
        if other.is_dir() and other != target:
            shutil.rmtree(other, ignore_errors=True)
    return target
