"""The search results page (search/): a producer for the build's page list."""
from __future__ import annotations

from generator.navigation import chrome
from generator.pages import Page

SEARCH_URL = "search/"


def search_pages(ctx) -> list[Page]:
    return [Page(SEARCH_URL, "search.html", lambda: chrome(ctx, SEARCH_URL, "Search", "search"))]
