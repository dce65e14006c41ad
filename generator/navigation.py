"""What every page shares: relative links, the bounded section nav, breadcrumbs.

The nav is bounded on purpose: the sections, and for the current section a window
of at most NAV_LIMIT documents around the current page plus a link to the
section's catalog. A page never embeds the whole corpus, so the average page size
stays constant as the corpus grows.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .document import Document
from .render import relative_url
from .urls import SECTION_TITLES, SECTIONS, doc_url

NAV_LIMIT = 25
BROWSE = (("tags", "Tags", "tags/"), ("regions", "Regions", "regions/"), ("teams", "Teams", "teams/"))


@dataclass(frozen=True)
class Link:
    title: str
    url: str              # site-relative; templates turn it into an href with href(url)
    current: bool = False


@dataclass(frozen=True)
class NavSection:
    key: str
    title: str
    url: str
    current: bool                       # the page is in this section
    here: bool                          # the page IS this section's catalog
    items: list[Link] = field(default_factory=list)
    more: Link | None = None            # "All N policies" when items are a window


def make_href(page_url: str, base_path: str | None = None) -> Callable[[str], str]:
    """href(url) for links on the page at page_url: relative, or from base_path (404 page)."""
    if base_path is not None:
        return lambda url: base_path + url
    return lambda url: url if url.startswith("#") else relative_url(page_url, url)


def window(docs: list[Document], current: Document | None, limit: int = NAV_LIMIT,
           positions: dict[int, int] | None = None) -> list[Document]:
    """At most `limit` documents, centred on the current one when it is listed.
    `positions` (id(doc) -> index in docs, built once per section) keeps this O(limit)."""
    if len(docs) <= limit:
        return docs
    if positions is None:
        positions = {id(doc): index for index, doc in enumerate(docs)}
    index = positions.get(id(current), 0)
    start = max(0, min(index - limit // 2, len(docs) - limit))
    return docs[start:start + limit]


def section_positions(ctx, doc_type: str) -> dict[int, int]:
    """id(doc) -> its place in the section's listing, computed once per build and section."""
    cache = ctx.nav_positions
    if doc_type not in cache:
        cache[doc_type] = {id(doc): i for i, doc in enumerate(ctx.lookups.listed.get(doc_type, []))}
    return cache[doc_type]


def build_nav(ctx, page_url: str, section: str | None, current: Document | None) -> list[NavSection]:
    listed = ctx.lookups.listed
    nav = []
    for doc_type in ctx.config.nav:
        url = SECTIONS[doc_type] + "/"
        docs = listed.get(doc_type, [])
        in_section = section == doc_type
        if not docs and not in_section:
            continue            # an empty section ("no playbooks yet") is not worth a click
        items, more = [], None
        if in_section:
            items = [Link(d.title, doc_url(d), d is current)
                     for d in window(docs, current, positions=section_positions(ctx, doc_type))]
            if len(items) < len(docs):
                more = Link(f"All {len(docs)} {SECTION_TITLES[doc_type].lower()}", url)
        nav.append(NavSection(doc_type, SECTION_TITLES[doc_type], url, in_section, page_url == url,
                              items, more))
    for key, title, url in BROWSE:
        if getattr(ctx.lookups, key) or section == key:
            nav.append(NavSection(key, title, url, section == key, page_url == url))
    return nav


def breadcrumbs(*trail: tuple[str, str]) -> list[Link]:
    """Home, then the given (title, url) pairs; the last one is the current page."""
    links = [Link("Home", "")] + [Link(title, url) for title, url in trail]
    return links[:-1] + [Link(links[-1].title, links[-1].url, True)]


def edit_url(config, doc: Document | None, audience: str) -> str | None:
    if doc is None or not config.repo_url or audience not in config.edit_links:
        return None
    return f"{config.repo_url.rstrip('/')}/{config.edit_uri.strip('/')}/{doc.src_path}"


def chrome(ctx, url: str, title: str, kind: str, *, section: str | None = None,
           doc: Document | None = None, trail: list[tuple[str, str]] | None = None,
           toc: list | None = None, description: str = "", absolute: bool = False) -> dict:
    """The template context every page gets (see docs/themes.md, "Template contract")."""
    href = make_href(url, ctx.config.base_path if absolute else None)
    return {
        "site": {"title": ctx.config.title, "description": ctx.config.description,
                 "language": ctx.config.language, "audience": ctx.audience,
                 "review_dates": ctx.audience in ctx.config.review_dates},
        "page": {"url": url, "title": title, "kind": kind, "description": description,
                 "edit_url": edit_url(ctx.config, doc, ctx.audience)},
        "href": href,
        "asset": lambda name: href(ctx.assets[name].path),
        "nav": build_nav(ctx, url, section, doc),
        "breadcrumbs": breadcrumbs(*(trail or [(title, url)])) if url else [],
        "toc": toc or [],
        "section_titles": SECTION_TITLES,
    }
