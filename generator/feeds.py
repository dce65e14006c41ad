"""Feeds stage (owned by the digest work): Atom feeds written into a build.

Scaffold: `run(ctx)` is called by generator/build.py after pages are written into
ctx.out_dir and before the atomic swap.
"""
from __future__ import annotations


def run(ctx) -> None:
    """Write feeds/newsletters.xml and feeds/whats-new.xml for ctx.audience."""
