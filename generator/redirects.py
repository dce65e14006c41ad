"""Moved and renamed documents: `aliases:` in front matter.

An alias is an old id (`harassment`) or an old address (`/policies/old-name/`,
`old/page.html`, as Jekyll's `redirect_from` writes them). Each one

- gets a redirect page at the old address (meta refresh + canonical link, no script),
  built only where the document itself is built (a public build has no redirect to an
  internal page);
- keeps old references working: `[[old-id]]` in a body and old ids in front-matter fields
  resolve to the document, with a warning naming the new id (XREF007).

Problems (an alias that is some document's id, used by two documents, or not an id or
a path) are ALIAS001 errors at the alias.
"""
from __future__ import annotations

import re

from .content_types import ID_PATTERN
from .document import Document
from .pages import Page
from .urls import SECTIONS, absolute_url, doc_url

SAFE_PATH = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~-]*")


def alias_url(doc: Document, alias: str) -> str | None:
    """The site-relative address an alias redirects from, or None if it is not a usable one:
    an old id -> the same section (`policies/old-id/`); a path -> itself ('a/b/', 'a/b.html')."""
    if re.fullmatch(ID_PATTERN, alias):
        return f"{SECTIONS[doc.type]}/{alias}/"
    path = alias.strip().lstrip("/")
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    segments = path.rstrip("/").split("/")
    if not path or not all(SAFE_PATH.fullmatch(part) and part not in (".", "..") for part in segments):
        return None
    return path if path.endswith(".html") else path.rstrip("/") + "/"


def aliases_of(doc: Document) -> list[str]:
    value = doc.get("aliases") or []
    return [alias for alias in value if isinstance(alias, str)]


def index_aliases(site) -> dict[str, Document]:
    """Old id -> the document that now has it; reports ALIAS001 for unusable aliases (an alias two
    documents claim is reported at both, each naming the other, like a duplicate id)."""
    pages = {doc_url(doc): doc for doc in site.documents if doc.id and doc.type}
    claims: dict[str, list[tuple[Document, str, tuple]]] = {}   # old address -> who claims it
    for doc in site.documents:
        if not doc.id or not doc.type:
            continue
        for index, alias in enumerate(aliases_of(doc)):
            where = (doc.src_path, *doc.position("aliases", index))
            url = alias_url(doc, alias)
            if url is None:
                site.diagnostics.add("ALIAS001", *where, f"alias {alias!r} is neither an old id nor a page address",
                                     "write the old id (`old-name`) or the old address (`/policies/old-name/`)")
            elif alias in site.by_id or url in pages:
                owner = site.by_id.get(alias) or pages[url]
                site.diagnostics.add("ALIAS001", *where,
                                     f"alias '{alias}' is the id or address of '{owner.id}' ({owner.src_path})",
                                     "remove the alias: that document still lives there")
            else:
                claims.setdefault(url, []).append((doc, alias, where))
    by_alias: dict[str, Document] = {}
    for url, claimants in claims.items():
        holders = {id(doc): doc for doc, _alias, _where in claimants}
        if len(holders) > 1:
            for doc, alias, where in claimants:
                others = ", ".join(f"'{o.id}' ({o.src_path})" for o in holders.values() if o is not doc)
                site.diagnostics.add("ALIAS001", *where, f"alias '{alias}' is also an alias of {others}",
                                     "keep the alias only on the document that replaced the old one")
            continue
        for doc, alias, _where in claimants:
            if re.fullmatch(ID_PATTERN, alias):
                by_alias[alias] = doc
    return by_alias


def redirect_pages(ctx) -> list[Page]:
    """One redirect page per alias of each document built in this audience."""
    pages = []
    taken: set[str] = set()
    for doc in ctx.pages:
        for alias in aliases_of(doc):
            url = alias_url(doc, alias)
            if url is None or url in taken:
                continue
            taken.add(url)
            pages.append(Page(url, "redirect.html", lambda d=doc, u=url: redirect_context(ctx, d, u)))
    return pages


def redirect_context(ctx, doc: Document, url: str) -> dict:
    from .render import relative_url
    from_dir = url if url.endswith("/") else url.rsplit("/", 1)[0] + "/"
    target = relative_url(from_dir, doc_url(doc))
    return {"site": {"title": ctx.config.title, "language": ctx.config.language},
            "page": {"url": url, "title": doc.title, "kind": "redirect"},
            "target": target, "canonical": absolute_url(ctx.config, doc_url(doc))}


def redirect_urls(ctx) -> set[str]:
    return {page.url for page in redirect_pages(ctx)}

