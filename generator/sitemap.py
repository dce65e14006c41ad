"""sitemap.xml: every listed page of the build, with absolute URLs."""
from __future__ import annotations

from xml.sax.saxutils import escape

from .listings import updated_on
from .urls import SECTIONS, absolute_url, doc_url


def sitemap(ctx, urls: list[str]) -> str:
    """sitemap.xml: every listed page, absolute URLs from base_url, lastmod from the documents."""
    lastmod = {doc_url(d): updated_on(d) for docs in ctx.lookups.listed.values() for d in docs}
    listed_urls = set(lastmod)
    from .redirects import redirect_urls
    moved = redirect_urls(ctx)   # old addresses of moved documents are not pages to index
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for url in sorted(urls):
        if url == "404.html" or url in moved or (url.count("/") == 2 and url.split("/")[0] in SECTIONS.values()
                                 and url not in listed_urls):
            continue
        lines.append(f"  <url><loc>{escape(absolute_url(ctx.config, url))}</loc>"
                     + (f"<lastmod>{lastmod[url].isoformat()}</lastmod>" if lastmod.get(url) else "")
                     + "</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"

