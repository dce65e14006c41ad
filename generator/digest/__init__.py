"""Newsletter digests (owned by the digest work).

Scaffold: `newsletter_items` is what a newsletter page shows under its own text.
"""
from __future__ import annotations


def newsletter_items(site, newsletter, audience: str) -> list:
    """Digest sections (key, title, items) for the period a newsletter covers."""
    return []
