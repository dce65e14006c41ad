"""Index stage (owned by the search work): whoosh index + Pagefind bundle for a build.

Scaffold: `run(ctx)` is called by generator/build.py after pages are written into
ctx.out_dir (the staging dir) and before the atomic swap.
"""
from __future__ import annotations


def run(ctx) -> None:
    """Write the search index for ctx.audience into ctx.out_dir."""
