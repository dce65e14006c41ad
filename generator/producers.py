"""Page producers: one named function per page kind, each returning the pages it makes.

A producer reads the build context (read-only) and returns Pages; a Page's context is
computed when the page is written. The build keys each page by a hash of that context
(generator/incremental/), so a producer declares nothing else: what its context holds
is what its page depends on. To add a page kind, write a producer and list it here.
"""
from __future__ import annotations

from .health.page import health_pages
from .history.pages import history_pages
from .listings import (archive_pages, catalog_pages, home_pages, not_found_pages, team_pages,
                       term_pages)
from .pages import Page, document_page
from .redirects import redirect_pages
from search.page import search_pages


def document_pages(ctx) -> list[Page]:
    """One page per document built for the audience (retired ones with a banner)."""
    return [document_page(ctx, doc) for doc in ctx.pages]


PRODUCERS = (document_pages, home_pages, catalog_pages, archive_pages, term_pages, team_pages,
             history_pages, health_pages, not_found_pages, redirect_pages, search_pages)


def all_pages(ctx) -> list[Page]:
    return [page for producer in PRODUCERS for page in producer(ctx)]
