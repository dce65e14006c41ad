"""Feeds stage: two Atom 1.0 feeds (RFC 4287) written into a build for its audience.

    feeds/newsletters.xml   newsletters the audience sees, newest first
    feeds/whats-new.xml     policy, playbook and training changes, newest first

Entries are the same Items a digest lists (generator.digest.collect), so a feed
never shows what the site hides from its audience, and never a draft. Every
timestamp comes from content dates (midnight UTC of the calendar day): the same
content gives byte-identical feeds. Ids are tag: URIs (RFC 4151) on the host of
base_url, so they stay the same when pages move.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from .config import SiteConfig
from .digest.collect import collect
from .digest.model import Item, Period
from .output import write_file
from .site import Site
from .urls import absolute_url

ATOM_NS = "http://www.w3.org/2005/Atom"
FEED_LIMIT = 50
TAG_YEAR = "2026"        # tag: URIs name a year the authority owned its domain
EPOCH = date(1970, 1, 1)  # 'updated' of a feed with no entries
XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'
FEEDS = {
    "newsletters": ("feeds/newsletters.xml", "newsletters/", ["newsletters"], "newsletters"),
    "whats-new": ("feeds/whats-new.xml", "", ["policies", "playbooks", "training"],
                  "what's new in policies, playbooks and training"),
}

ET.register_namespace("", ATOM_NS)


def run(ctx, kept: Callable[[str], bool] | None = None) -> None:
    """Write both feeds for ctx.audience into ctx.out_dir (the build's staging folder).
    kept(path): the last build's copy of the feed was kept, when the build knows the feed
    cannot have changed (it is made of front matter only: an edit of bodies leaves it)."""
    for name in FEEDS:
        path, *_ = FEEDS[name]
        if kept is None or not kept(path):
            write_file(Path(ctx.out_dir), path, feed_xml(ctx.site, ctx.audience, name))


def feed_items(site: Site, audience: str, name: str) -> list[Item]:
    """The newest FEED_LIMIT changes up to site.today, newest first."""
    _, _, sections, _ = FEEDS[name]
    digest = collect(site, Period(date.min, site.today), audience, sections=sections,
                     with_details=False)     # entries show none (a policy's would diff all its versions)
    items = [item for section in digest.sections for item in section.items]
    items.sort(key=lambda i: (-i.date.toordinal(), i.title.lower(), i.id))
    return items[:FEED_LIMIT]


def feed_xml(site: Site, audience: str, name: str) -> bytes:
    config = site.config
    path, home, _, subtitle = FEEDS[name]
    items = feed_items(site, audience, name)
    feed = ET.Element(_q("feed"), {"xml:lang": config.language})
    _text(feed, "id", tag_uri(config, f"feeds/{name}"))
    _text(feed, "title", f"{config.title}: {subtitle}")
    _text(feed, "updated", timestamp(items[0].date if items else EPOCH))
    _link(feed, absolute_url(config, home), "alternate", "text/html")
    _link(feed, absolute_url(config, path), "self", "application/atom+xml")
    _author(feed, config)
    _text(feed, "generator", "kc")
    for item in items:
        feed.append(entry(config, item))
    ET.indent(feed)
    return (XML_DECLARATION + ET.tostring(feed, encoding="unicode") + "\n").encode("utf-8")


def entry(config: SiteConfig, item: Item) -> ET.Element:
    node = ET.Element(_q("entry"))
    _text(node, "id", tag_uri(config, f"{item.path}#{item.date.isoformat()}"))
    title = item.title if item.type == "newsletter" else f"{item.title}: {item.change}"
    _text(node, "title", title)
    _text(node, "updated", timestamp(item.date))
    _link(node, item.url, "alternate", "text/html")
    _author(node, config)
    ET.SubElement(node, _q("category"), {"term": item.type})
    if item.summary:
        _text(node, "summary", item.summary)
    return node


def tag_uri(config: SiteConfig, specific: str) -> str:
    """'tag:kc.example.com,2026:policies/x/#2026-06-15' (RFC 4151)."""
    host = urlsplit(config.base_url).hostname or "localhost"
    prefix = config.base_path.strip("/")
    return f"tag:{host},{TAG_YEAR}:{prefix + '/' if prefix else ''}{specific}"


def timestamp(day: date) -> str:
    """RFC 3339 date-time of the start of a calendar day, in UTC."""
    return f"{day.isoformat()}T00:00:00Z"


def _q(name: str) -> str:
    return f"{{{ATOM_NS}}}{name}"


def _text(parent: ET.Element, name: str, text: str) -> ET.Element:
    node = ET.SubElement(parent, _q(name))
    node.text = text
    return node


def _link(parent: ET.Element, href: str, rel: str, media_type: str) -> None:
    ET.SubElement(parent, _q("link"), {"rel": rel, "type": media_type, "href": href})


def _author(parent: ET.Element, config: SiteConfig) -> None:
    author = ET.SubElement(parent, _q("author"))
    _text(author, "name", config.digest.sender)
