"""Knowledge-center health: gaps, stale guidance and inconsistencies across the whole
corpus (every audience), computed once from the linked Site.

    health = analyze(site)             # -> Health(findings, coverage, reviews, summary)
    health.only(owner="policy", region="eu")

Used by `kc report`, the internal/restricted Health page and `kc export data`.
See docs/health.md for the finding kinds and the JSON shape.
"""
from __future__ import annotations

from .analyze import analyze
from .model import CATEGORIES, KINDS, Finding, Health

__all__ = ["analyze", "Health", "Finding", "KINDS", "CATEGORIES"]
