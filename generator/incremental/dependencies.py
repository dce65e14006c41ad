"""Which pages an edit can change, decided before any page context is built.

Keying a page means building its whole template context (navigation, lists, the body),
which at 10,000 documents costs more than everything else in a one-edit rebuild. So
the build records, per page, the documents its context holds (found while the key is
encoded), and per document two hashes:

- its *shape*: everything other pages can show about it: type, path, front matter,
  the references and headings of its body (titles, lists, "cited by", learning paths,
  health findings, anchors other bodies link to);
- its *body*: the rendered HTML and table of contents, which only pages holding the
  document show.

When the frame (settings, theme, teams, files, kc, the day, the commit: see
fingerprint.frame_key) and every document's shape are unchanged, an edit changed only
bodies, and only the pages holding those documents can differ: every other page keeps
its key and its file. Otherwise every page is keyed as before. tests/test_incremental.py
checks on random edit sequences that the output equals a clean build's.
"""
from __future__ import annotations

from .fingerprint import hash_text


def document_states(documents, bodies: dict) -> dict[str, list[str]]:
    """src_path -> [digest, shape, body] of every document checked (not only those built)."""
    states = {}
    for doc in documents:
        rendered = bodies.get(doc.id) if doc.id else None
        body = ((getattr(rendered, "state", None) or body_state(rendered.html, rendered.toc))
                if rendered is not None else "")     # a cached body carries its hash (body_cache.StoredBody)
        states[doc.src_path] = [doc.digest, shape(doc), body]
    return states


def body_state(html: str, toc: list) -> str:
    """The hash of what a document's own page shows of its body."""
    return hash_text(html, repr(toc))


def shape(doc) -> str:
    """The hash of a document's front matter and outline. All of it comes from the file's
    path and text (front_matter.map in site_config.yml only renames keys), so it is remembered
    by the document's digest and keys: the live preview rebuilds after each save, and hashing
    the reprs of 10,000 documents took ~0.1 s of each rebuild."""
    memo_key = (doc.digest, *doc.meta) if doc.digest else None
    known = _shapes.get(memo_key) if memo_key else None
    if known is None:
        references = [(ref.kind, ref.target, ref.anchor, ref.needle) for ref in doc.references]
        headings = [(heading.level, heading.text, heading.anchor) for heading in doc.headings]
        known = hash_text(doc.type, doc.src_path, repr(doc.meta), repr(references), repr(headings))
        if memo_key:
            if len(_shapes) >= SHAPES_KEPT:
                _shapes.clear()
            _shapes[memo_key] = known
    return known


SHAPES_KEPT = 100_000       # documents' shapes remembered by this process
_shapes: dict[tuple, str] = {}


def changed_documents(previous_frame: str, previous: dict[str, list], frame: str,
                      current: dict[str, list]) -> set[str] | None:
    """The documents whose pages must be keyed again, or None when any page may have changed
    (the frame changed, a document was added or removed, or one's shape changed)."""
    if not previous_frame or previous_frame != frame or previous.keys() != current.keys():
        return None
    changed = set()
    for path, (digest, doc_shape, body) in current.items():
        old = previous[path]
        if old[1] != doc_shape:
            return None
        if old[0] != digest or old[2] != body:
            changed.add(path)
    return changed
