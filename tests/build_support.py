"""Helpers for the build tests: build the fixture site, read a built tree, check links."""
from __future__ import annotations

import gzip
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator import load_config
from generator.build import build

from .conftest import TODAY

FIXTURE_SITE = Path(__file__).parent / "sites" / "build"


def copy_fixture(tmp_path: Path, name: str = "src") -> Path:
    """A private copy of tests/sites/build (tests may edit it); returns its site_config.yml."""
    root = tmp_path / name
    shutil.copytree(FIXTURE_SITE, root)
    return root / "site_config.yml"


def build_fixture(config_path: Path, out: Path, **options):
    return build(load_config(config_path), out_dir=out, today=TODAY, **options)


def build_audiences(root: Path, title: str, files: dict[str, str], engine: str,
                    audiences: tuple[str, ...]) -> dict[str, Path]:
    """A site of `files` (path -> text) searched with `engine`, built once per audience
    into root/out-<audience>; returns audience -> output folder."""
    from .conftest import ROOT
    (root / "site_config.yml").write_text(
        f"title: {title}\nthemes_dir: {ROOT / 'themes'}\nsearch: {{engine: {engine}}}\n", encoding="utf-8")
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    config = load_config(root / "site_config.yml")
    outs = {audience: root / f"out-{audience}" for audience in audiences}
    for audience, out in outs.items():
        build(config, out_dir=out, audience=audience, today=TODAY)
    return outs


def tree(root: Path) -> dict[str, bytes]:
    """Every file under root (relative path -> bytes)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def readable(content: bytes) -> bytes:
    """File content to search for leaks: gzip files (search index fragments) are unpacked."""
    if content[:2] == b"\x1f\x8b":
        try:
            return gzip.decompress(content)
        except OSError:
            return content
    return content


def files_containing(root: Path, needle: str) -> list[str]:
    wanted = needle.encode()
    return [rel for rel, content in tree(root).items()
            if wanted in readable(content) or wanted.lower() in readable(content).lower()]


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag in ("a", "link") and attributes.get("href") is not None:
            self.links.append(attributes["href"])
        if tag in ("script", "img") and attributes.get("src"):
            self.links.append(attributes["src"])


def parse_html(path: Path) -> LinkCollector:
    collector = LinkCollector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def target_file(root: Path, page: Path, href: str, base_path: str) -> tuple[Path, str] | None:
    """(file, fragment) an internal href points at, or None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    if parts.path.startswith("/"):
        assert parts.path.startswith(base_path), f"{href} escapes the base path {base_path}"
        resolved = root / unquote(parts.path[len(base_path):])
    elif parts.path:
        resolved = (page.parent / unquote(parts.path)).resolve()
    else:
        resolved = page
    if parts.path.endswith("/") or resolved.is_dir():
        resolved = resolved / "index.html"
    return resolved, unquote(parts.fragment)


def broken_links(root: Path, base_path: str) -> list[str]:
    """Every internal href/src that does not resolve to a file, or to an id in it."""
    root = root.resolve()
    parsed = {p: parse_html(p) for p in sorted(root.rglob("*.html"))}
    problems = []
    for page, found in parsed.items():
        for href in found.links:
            target = target_file(root, page, href, base_path)
            if target is None:
                continue
            file, fragment = target
            where = f"{page.relative_to(root)}: {href}"
            if not file.is_file() or not file.resolve().is_relative_to(root):
                problems.append(f"{where} -> missing file")
            elif fragment and file.suffix == ".html" and fragment not in parsed[file.resolve()].ids:
                problems.append(f"{where} -> no #{fragment}")
    return problems
