"""Run Pagefind over the built pages people search, reusing its bundle when they are unchanged.

Pagefind reads only the pages in the searchable pages' folders (documents listed in search
and team pages: those whose template marks data-pagefind-body), given as a --glob, so no
listing, history or health page is parsed just to be skipped: at 10,000 documents it
reads 10,005 of 11,546 pages, 166 of 247 MB.

Pagefind (1.5) writes its filter and metadata indexes in hash-map order, so two runs
over the same HTML differ in those files' bytes (upstream issue #638; the fragments
are stable since 1.3). kc keys each bundle by the pages' URLs and page keys (a page key
determines the page's bytes: generator/incremental/) and keeps it in .kc/cache/pagefind/:
the same pages again get the same bytes back, and Pagefind is not run.

Pagefind has no incremental mode, so a changed page re-indexes them all. Splitting the
index into shards merged in the browser (mergeIndex) was measured and rejected: Pagefind
backtracks a word a shard lacks to its longest prefix that shard has (upstream #780, not
configurable), so each shard without the word adds unrelated results ("appeal" found 19
pages instead of 15 on the sample site in 11 shards).
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

from generator.errors import KcError

PAGEFIND_DIR = "pagefind"
CACHE_DIR = Path(".kc") / "cache" / "pagefind"
CACHE_KEEP = 6  # bundles kept: a few audiences x a few recent inputs
OPTIONS = ["--silent"]


class Run:
    """Pagefind for one build, started by start() and completed by finish(), so the
    build can do other work (the section index) while Pagefind indexes on another core."""

    def __init__(self, site_dir: Path, pages: list[tuple[str, str]] | None, cache_root: Path | None):
        self.site_dir = site_dir
        self.final = site_dir / PAGEFIND_DIR
        self.fresh = site_dir / f".{PAGEFIND_DIR}-new" if self.final.exists() else self.final
        self.cached = (cache_root / CACHE_DIR / bundle_key(site_dir, pages)
                       if cache_root is not None else None)
        self.pages = pages
        self.process: Pagefind | None = None

    def start(self) -> "Run":
        if self.fresh != self.final:
            shutil.rmtree(self.fresh, ignore_errors=True)        # left by an interrupted run
        if self.cached is not None and self.cached.is_dir():
            shutil.copytree(self.cached, self.fresh, copy_function=link_or_copy)
            os.utime(self.cached)                                  # recently used: kept by prune()
        else:
            self.process = Pagefind(self.site_dir, self.pages, self.fresh)
        return self

    def finish(self) -> None:
        """Wait for Pagefind; keep its bundle in the cache; put it in place."""
        if self.process is not None:
            self.process.wait()
            if self.cached is not None:
                remember(self.fresh, self.cached)
        if self.fresh != self.final:
            from generator.output import swap_in
            swap_in(self.fresh, self.final)

    def abandon(self) -> None:
        if self.process is not None:
            self.process.kill()


def run(site_dir: Path, pages: list[tuple[str, str]] | None, cache_root: Path | None) -> None:
    """Write site_dir/pagefind/ for `pages`, (url, page key) of every searchable page, from
    the cache when these pages were indexed before. pages None or empty (no page is marked
    searchable): the whole site, as Pagefind finds it. A bundle already there (a folder
    updated in place) is replaced in one step."""
    started = Run(site_dir, pages, cache_root).start()
    try:
        started.finish()
    except BaseException:
        started.abandon()
        raise


def bundle_key(site_dir: Path, pages: list[tuple[str, str]] | None) -> str:
    digest = hashlib.sha256(f"pagefind {version('pagefind')} {OPTIONS}".encode())
    if pages:
        for url, key in sorted(pages):
            digest.update(f"{url}\0{key}\0".encode())
    else:
        for page in sorted(site_dir.rglob("*.html")):
            digest.update(page.relative_to(site_dir).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(page.read_bytes()).digest())
    return digest.hexdigest()[:32]


class Pagefind:
    """The Pagefind binary over the site's searchable pages (the folders they are in, as a
    glob), or over the whole site when pages is empty, writing its bundle to `output`."""

    def __init__(self, site_dir: Path, pages: list[tuple[str, str]] | None, output: Path):
        self.output = output
        self.process = start_binary(site_dir, output, glob([url for url, _key in pages or ()]))

    def wait(self) -> None:
        try:
            out, err = self.process.communicate(timeout=600)
        except subprocess.TimeoutExpired as exc:
            self.kill()
            raise KcError("search: Pagefind did not finish in 10 minutes") from exc
        if self.process.returncode != 0:
            detail = (err or out).strip().splitlines()
            shutil.rmtree(self.output, ignore_errors=True)
            raise KcError(f"search: Pagefind failed: {detail[-1] if detail else self.process.returncode}")

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()


GLOB_SPECIAL = set("*?[]{}!,\\")


def glob(urls: list[str]) -> str | None:
    """A Pagefind --glob matching the pages at these URLs' places ('policies/x/' ->
    'policies/*/index.html'): every searchable page, and pages next to them without
    data-pagefind-body, which Pagefind skips. None: every page (Pagefind's default)."""
    from generator.urls import out_path
    patterns = set()
    for url in urls:
        parts = out_path(url).split("/")
        first = "*" if len(parts) < 2 or GLOB_SPECIAL & set(parts[0]) else parts[0]
        patterns.add("/".join([first, *["*"] * (len(parts) - 2), parts[-1]]) if len(parts) > 1 else "*.html")
    if not patterns:
        return None
    ordered = sorted(patterns)
    return ordered[0] if len(ordered) == 1 else "{" + ",".join(ordered) + "}"


def start_binary(site_dir: Path, output: Path, pages_glob: str | None = None) -> subprocess.Popen:
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir),
               "--output-path", str(output.resolve()), *OPTIONS]
    if pages_glob:
        command += ["--glob", pages_glob]
    try:
        return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    except OSError as exc:
        raise KcError(f"search: could not run Pagefind: {exc}") from exc


def remember(bundle: Path, cached: Path) -> None:
    """Store a copy of the bundle (atomically); a cache that cannot be written is skipped."""
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=cached.parent, prefix=".new-"))
        shutil.copytree(bundle, staging, dirs_exist_ok=True, copy_function=link_or_copy)
        staging.rename(cached)
        prune(cached.parent)
    except OSError:
        return


def link_or_copy(source: str, target: str) -> None:
    """Bundle files are never modified once written: share them by hard link (copying a
    bundle in and out of the cache was 0.9 s of a 1,000-document rebuild)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def prune(folder: Path, keep: int = CACHE_KEEP) -> None:
    """Keep the `keep` most recently used bundles (or index segments: tantivy_engine.py).
    Older ones (a bundle is a file per page: 11,000 files at 10,000 documents) are renamed
    out of the way and deleted in the background, as an old site is; a deletion that was
    interrupted is taken up again here."""
    from generator.output import discard
    bundles = sorted((p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")),
                     key=lambda p: p.stat().st_mtime, reverse=True)
    for old in bundles[keep:]:
        try:
            old.rename(old.with_name(f".old-{old.name}"))
        except OSError:
            continue
    for trash in folder.glob(".old-*"):
        discard(trash, background=True)
