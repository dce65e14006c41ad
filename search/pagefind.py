"""Run Pagefind over the built HTML, reusing its bundle when its input is unchanged.

Pagefind (1.5) writes its filter and metadata indexes in hash-map order, so two runs
over the same HTML differ in those files' bytes (upstream issue #638; the fragments
are stable since 1.3). kc keys each bundle by a hash of everything Pagefind reads —
its version, its options and every HTML file — and keeps it in .kc/cache/pagefind/:
building the same input again copies the same bytes back (and skips Pagefind).
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


def options(site_dir: Path, subdir: str = PAGEFIND_DIR) -> list[str]:
    return ["--site", str(site_dir), "--output-subdir", subdir, "--silent"]


def input_key(site_dir: Path) -> str:
    digest = hashlib.sha256(f"pagefind {version('pagefind')} {options(Path('.'))}".encode())
    for page in sorted(site_dir.rglob("*.html")):
        digest.update(page.relative_to(site_dir).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(page.read_bytes()).digest())
    return digest.hexdigest()[:32]


def run(site_dir: Path, cache_root: Path | None) -> None:
    """Write site_dir/pagefind/, from the cache when this exact input was indexed before.
    A bundle already there (a folder updated in place) is replaced in one step."""
    final = site_dir / PAGEFIND_DIR
    fresh = site_dir / f".{PAGEFIND_DIR}-new" if final.exists() else final
    if fresh != final:
        shutil.rmtree(fresh, ignore_errors=True)        # left by an interrupted run
    cached = cache_root / CACHE_DIR / input_key(site_dir) if cache_root else None
    if cached is not None and cached.is_dir():
        shutil.copytree(cached, fresh, copy_function=link_or_copy)
    else:
        run_binary(site_dir, fresh.name)
        if cached is not None:
            remember(fresh, cached)
    if fresh != final:
        from generator.output import swap_in
        swap_in(fresh, final)


def run_binary(site_dir: Path, subdir: str = PAGEFIND_DIR) -> None:
    command = [sys.executable, "-m", "pagefind", *options(site_dir, subdir)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise KcError(f"search: could not run Pagefind: {exc}") from exc
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise KcError(f"search: Pagefind failed: {detail[-1] if detail else done.returncode}")


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


def prune(folder: Path) -> None:
    """Keep the CACHE_KEEP newest bundles. Older ones (a bundle is a file per page: 11,000
    files at 10,000 documents) are renamed out of the way and deleted in the background,
    as an old site is; a deletion that was interrupted is taken up again here."""
    from generator.output import discard
    bundles = sorted((p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")),
                     key=lambda p: p.stat().st_mtime, reverse=True)
    for old in bundles[CACHE_KEEP:]:
        try:
            old.rename(old.with_name(f".old-{old.name}"))
        except OSError:
            continue
    for trash in folder.glob(".old-*"):
        discard(trash, background=True)
