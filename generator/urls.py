"""Where a document lives in the built site. Three path kinds, never mixed:
src_path (under the site root), out_path (under the output dir), url (site-relative)."""
from __future__ import annotations

from urllib.parse import urljoin

from typing import TYPE_CHECKING

from . import registry

if TYPE_CHECKING:
    from .config import SiteConfig
    from .document import Document

SECTIONS = registry.table("folder")                 # type -> the site folder of its pages
SECTION_TITLES = registry.table("section_title")   # type -> its section's title


def doc_url(doc: Document) -> str:
    """Site-relative URL of a document page: 'policies/hate-speech/'."""
    return f"{SECTIONS[doc.type]}/{doc.id}/"


def out_path(url: str) -> str:
    """File that serves a site-relative URL: 'policies/x/' -> 'policies/x/index.html'."""
    return url + "index.html" if url.endswith("/") or not url else url


def absolute_url(config: SiteConfig, url: str) -> str:
    """Absolute URL from base_url, for sitemaps, feeds and digests."""
    return urljoin(config.base_url, url)
