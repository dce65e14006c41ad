"""--segment: narrow a digest to the readers of one tag or region.

`tag:live-streaming` keeps documents tagged live-streaming, `region:eu` keeps
documents for the EU region, and a plain value (`eu`) matches either a tag or a
region. Matching ignores case. Newsletters and review reminders are filtered the
same way, so a segment digest only lists documents that carry the tag or region.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..document import Document
from ..errors import ConfigError
from ..suggest import did_you_mean

KINDS = ("tag", "region")


@dataclass(frozen=True)
class Segment:
    kind: str | None   # "tag", "region" or None for either
    value: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.value}" if self.kind else self.value

    def matches(self, doc: Document) -> bool:
        return self.value in _labels(doc, self.kind)


def parse_segment(text: str | None, docs: Iterable[Document]) -> Segment | None:
    """'tag:x' | 'region:y' | 'x' -> Segment; unknown kinds or values are ConfigErrors."""
    if text is None:
        return None
    kind, _, value = text.rpartition(":")
    kind, value = kind.strip().lower() or None, value.strip().lower()
    if kind is not None and kind not in KINDS:
        raise ConfigError(f"--segment '{text}': write tag:NAME, region:NAME or just NAME")
    if not value:
        raise ConfigError(f"--segment '{text}' names no tag or region")
    known = sorted({label for doc in docs for label in _labels(doc, kind)})
    if value not in known:
        hint = did_you_mean(value, known) or f"known: {', '.join(known[:12]) or 'none'}"
        what = kind or "tag or region"
        raise ConfigError(f"--segment '{text}': no document has the {what} '{value}' ({hint})")
    return Segment(kind, value)


def _labels(doc: Document, kind: str | None) -> set[str]:
    labels: set[str] = set()
    if kind in (None, "tag"):
        labels.update(t.lower() for t in doc.get("tags", []))
    if kind in (None, "region"):
        labels.update(r.lower() for r in doc.get("regions", []))
    return labels
