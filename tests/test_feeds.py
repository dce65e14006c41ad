"""Atom feeds: valid Atom 1.0 per audience, deterministic, newest first.

Validation is twofold: feedparser (a real Atom parser) must read the feed as
'atom10' without flagging it as ill-formed (bozo), and an ElementTree walk checks
the RFC 4287 rules feedparser tolerates: one id/title/updated per feed and entry,
an author, absolute IRIs as ids, RFC 3339 timestamps, rel=alternate links.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime
from types import SimpleNamespace
from urllib.parse import urlsplit

import feedparser
import pytest

from generator import feeds, load_config, pipeline

from .conftest import ROOT, TODAY
from .digest_corpus import CONFIG, CORPUS

A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
FEED_FILES = ("feeds/newsletters.xml", "feeds/whats-new.xml")


def build_feeds(site, audience, out_dir):
    ctx = SimpleNamespace(site=site, config=site.config, out_dir=out_dir, audience=audience,
                          drafts=False, pages=[])
    feeds.run(ctx)
    return {name: (out_dir / name).read_bytes() for name in FEED_FILES}


def assert_valid_atom(xml: bytes) -> ET.Element:
    parsed = feedparser.parse(xml)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    root = ET.fromstring(xml)
    assert root.tag == f"{A}feed"
    check_common(root)
    assert root.findall(f"{A}author"), "a feed needs an author (or one in every entry)"
    assert [link.get("rel") for link in root.findall(f"{A}link")].count("self") == 1
    entries = root.findall(f"{A}entry")
    for entry in entries:
        check_common(entry)
        alternates = [link for link in entry.findall(f"{A}link") if link.get("rel") == "alternate"]
        assert len(alternates) == 1 and is_absolute(alternates[0].get("href"))
        assert len(entry.findall(f"{A}summary")) <= 1
    ids = [e.findtext(f"{A}id") for e in entries]
    assert len(ids) == len(set(ids)), "entry ids must be unique"
    stamps = [e.findtext(f"{A}updated") for e in entries]
    assert stamps == sorted(stamps, reverse=True), "newest first"
    if stamps:
        assert root.findtext(f"{A}updated") == stamps[0]
    return root


def check_common(node: ET.Element) -> None:
    for name in ("id", "title", "updated"):
        assert len(node.findall(f"{A}{name}")) == 1, f"exactly one atom:{name}"
    assert node.findtext(f"{A}title").strip()
    assert is_absolute(node.findtext(f"{A}id"))
    stamp = node.findtext(f"{A}updated")
    assert RFC3339.match(stamp), stamp
    datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    for link in node.findall(f"{A}link"):
        assert is_absolute(link.get("href"))


def is_absolute(iri: str | None) -> bool:
    return bool(iri) and bool(urlsplit(iri).scheme) and " " not in iri


@pytest.fixture(scope="module")
def sample_site():
    return pipeline.check(load_config(ROOT / "site_config.yml"), today=TODAY)


@pytest.mark.parametrize("audience", ["public", "internal", "restricted"])
def test_sample_feeds_are_valid_atom_per_audience(sample_site, audience, tmp_path):
    for name, xml in build_feeds(sample_site, audience, tmp_path).items():
        root = assert_valid_atom(xml)
        assert root.findall(f"{A}entry"), f"{name} should not be empty for the sample content"


def test_feeds_are_byte_identical_across_runs(sample_site, tmp_path):
    first = build_feeds(sample_site, "internal", tmp_path / "a")
    again = pipeline.check(load_config(ROOT / "site_config.yml"), today=TODAY)
    assert build_feeds(again, "internal", tmp_path / "b") == first


def test_public_feeds_hold_only_public_documents(sample_site, tmp_path):
    public = {d.id for d in sample_site.documents if d.audience == "public"}
    for xml in build_feeds(sample_site, "public", tmp_path).values():
        for entry in ET.fromstring(xml).findall(f"{A}entry"):
            href = entry.find(f"{A}link").get("href")
            assert href.rstrip("/").rsplit("/", 1)[-1] in public


def test_whats_new_lists_policy_playbook_and_training_changes(make_site, tmp_path):
    site = pipeline.check(make_site(CORPUS, CONFIG), today=TODAY)
    root = assert_valid_atom(build_feeds(site, "internal", tmp_path)["feeds/whats-new.xml"])
    titles = [e.findtext(f"{A}title") for e in root.findall(f"{A}entry")]
    assert titles[:3] == ["Policy after: updated", "Policy spam: new version 1.1",
                          "Moderation basics: updated"]
    assert "Policy new-rules: replaces old-rules" in titles
    assert not any("How do I report" in t or "news" in t for t in titles)  # no FAQs, newsletters


def test_an_empty_feed_is_still_valid(make_site, tmp_path):
    site = pipeline.check(make_site({"content/teams.yml": CORPUS["content/teams.yml"]}, CONFIG),
                          today=TODAY)
    for xml in build_feeds(site, "public", tmp_path).values():
        assert_valid_atom(xml)


def test_an_edit_of_a_body_keeps_the_feeds_and_a_new_title_rewrites_them(tmp_path):
    """Feeds are made of front matter: a body edit links the last build's copies into the
    new site; a title change writes them again; either way they equal a clean build's."""
    from generator.build import build
    from .test_incremental import sample_site, tree
    config_path = sample_site(tmp_path)
    site = tmp_path / "site"
    build(load_config(config_path), out_dir=site, today=TODAY)
    feed_files = [site / "feeds" / "whats-new.xml", site / "feeds" / "newsletters.xml"]
    inodes = [path.stat().st_ino for path in feed_files]
    policy = sorted((tmp_path / "content" / "policies").glob("*.md"))[0]
    policy.write_text(policy.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    build(load_config(config_path), out_dir=site, today=TODAY)
    assert [path.stat().st_ino for path in feed_files] == inodes
    text = policy.read_text(encoding="utf-8")
    policy.write_text(re.sub(r"(?m)^title: .*$", "title: A policy retitled", text, count=1), encoding="utf-8")
    build(load_config(config_path), out_dir=site, today=TODAY)
    assert [path.stat().st_ino for path in feed_files] != inodes
    build(load_config(config_path), out_dir=tmp_path / "clean", today=TODAY, incremental=False)
    assert tree(site) == tree(tmp_path / "clean")
