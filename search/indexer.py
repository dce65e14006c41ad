"""Index stage: the whoosh section index, the browser's word list and the
Pagefind bundle, written into a build's output dir for the build's audience.

`run(ctx)` is called by generator/build.py after the pages are written into
ctx.out_dir (the staging dir), so the index is swapped in atomically with the
pages it describes. Everything indexed comes from `ctx.pages` (the documents
published for ctx.audience) and is further limited to `audience.listed`
documents: no retired documents, no drafts unless the build asked for them.
"""
from __future__ import annotations

import contextlib
import hashlib
import random
import shutil
import tempfile
from pathlib import Path
from typing import Iterable, Iterator

from whoosh.filedb.filestore import FileStorage, RamStorage, copy_storage

from generator.audience import listed
from generator.document import Document
from generator.site import Site
from generator.urls import doc_url

from . import pagefind, terms
from .schema import FAQ_QUESTION_BOOST, TYPE_WEIGHTS, make_schema
from .sections import sections

INDEX_DIR = Path("_search") / "whoosh"


def run(ctx) -> None:
    """Write the search index for ctx.audience into ctx.out_dir."""
    docs = indexed_documents(ctx.pages, ctx.drafts)
    index_dir = Path(ctx.out_dir) / INDEX_DIR
    write_index(ctx.site, docs, index_dir)
    terms.write(index_dir, Path(ctx.out_dir) / terms.TERMS_FILE, ctx.config.search.synonyms)
    pagefind.run(Path(ctx.out_dir), cache_root=ctx.config.root)


def indexed_documents(pages: Iterable[Document], drafts: bool) -> list[Document]:
    """Published documents that belong in search, in a stable order."""
    return sorted((doc for doc in pages if listed(doc, drafts)), key=lambda doc: doc.id)


def write_index(site: Site, docs: list[Document], index_dir: Path, memory_mb: float = 128) -> None:
    """(Re)create a whoosh index at index_dir with one entry per document section."""
    if index_dir.exists():
        shutil.rmtree(index_dir)
    index_dir.mkdir(parents=True)
    published = {doc.id: doc for doc in docs}
    title_of = lambda doc_id: published[doc_id].title if doc_id in published else None  # noqa: E731
    # Written in memory, then copied: whoosh asks the file system whether a column file
    # exists for every posting of an unscored field, which costs a fifth of the time on
    # disk. Separate files, not one compound file: that one records modification times.
    with tempfile.TemporaryDirectory(prefix="kc-index-") as scratch, deterministic_names(docs):
        memory = MemoryStorage(Path(scratch))
        writer = memory.create_index(make_schema()).writer(compound=False, limitmb=memory_mb)
        for doc in docs:
            for entry in entries(site, doc, title_of, published):
                writer.add_document(**entry)
        writer.commit()
        copy_storage(memory, FileStorage(str(index_dir)))


def entries(site: Site, doc: Document, title_of, published: dict) -> Iterator[dict]:
    """The index entries (whoosh field values) of one document."""
    successors = " ".join(i for i in site.successor_chain(doc.id) if i in published)
    common = {
        "id": doc.id, "type": doc.type, "audience": doc.audience, "status": doc.status,
        "owner": doc.get("owner") or "", "updated": str(doc.get("updated") or ""),
        "successor": successors if doc.status == "deprecated" else "",
        "tags": ",".join(doc.get("tags") or []), "regions": ",".join(doc.get("regions") or []),
        "title": doc.title, "_boost": TYPE_WEIGHTS.get(doc.type, 1.0),
        "keywords": " ".join([*(doc.get("tags") or []), doc.get("summary") or ""]),
    }
    if doc.type == "faq":
        common["_title_boost"] = FAQ_QUESTION_BOOST
    found = sections(doc.body, title_of) or [None]
    for section in found:
        anchor = f"#{section.anchor}" if section and section.anchor else ""
        yield {**common, "url": doc_url(doc) + anchor,
               "section": section.heading if section else "",
               "body": section.text if section else (doc.get("summary") or "")}


class MemoryStorage(RamStorage):
    """whoosh's RamStorage keeps scratch files (sorted runs of postings on big sites)
    in /tmp/MAIN.tmp, a folder shared by every build running at the same time; this
    one uses a private folder."""

    def __init__(self, scratch: Path):
        super().__init__()
        self.scratch = FileStorage(str(scratch))

    def temp_storage(self, name=None):
        return self.scratch


@contextlib.contextmanager
def deterministic_names(docs: list[Document]) -> Iterator[None]:
    """whoosh names its segment files with `random`; seed it from the indexed content
    so the same corpus gives byte-identical index files, then restore the global state."""
    digest = hashlib.sha256()
    for doc in docs:
        digest.update(f"{doc.src_path}\0{doc.body}\0{sorted(doc.meta.items())!r}".encode())
    state = random.getstate()
    random.seed(digest.hexdigest())
    try:
        yield
    finally:
        random.setstate(state)
