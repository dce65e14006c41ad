"""What a search answers, whatever the engine: hits, the outcome of a query, and
the ranking rules applied after the engine scored the sections (one result per
document, per-type weights, deprecated documents below their successors)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from generator.errors import KcError

from .weights import BELOW_SUCCESSOR, DEPRECATED_FACTOR, TYPE_WEIGHTS

SNIPPET_CHARS = 220
SECTIONS_PER_RESULT = 5     # sections fetched per wanted result, before keeping the best of each


class NoIndex(KcError):
    """No index where the build should have written it, or one that cannot be read."""


def damaged(index_dir: Path, exc: BaseException) -> NoIndex:
    return NoIndex(f"The search index at {display(Path(index_dir))} is damaged "
                   f"({type(exc).__name__}) — run `kc build` again")


def missing(index_dir: Path) -> NoIndex:
    return NoIndex(f"No search index at {display(index_dir)} — run `kc build` first")


@dataclass
class Hit:
    id: str
    type: str
    title: str
    section: str
    url: str
    snippet: str        # matched words are wrapped in **double asterisks**
    score: float
    status: str = "active"
    why: list[str] = field(default_factory=list)   # fields matched and boosts, for --explain


@dataclass
class Outcome:
    query: str
    results: list[Hit] = field(default_factory=list)
    suggestion: str | None = None
    corrected: bool = False    # the results are for the suggestion

    def to_json(self, explain: bool = False) -> dict:
        def shown(hit: Hit) -> dict:
            data = asdict(hit)
            if not explain:
                del data["why"]
            return data
        return {"query": self.query, "results": [shown(hit) for hit in self.results],
                "suggestion": self.suggestion}


@dataclass
class Scored:
    """One matched section, as an engine found it."""
    score: float
    fields: dict          # id, type, status, successor, title, section, url, body
    why: list[str] = field(default_factory=list)


def rank(sections: list[Scored], limit: int) -> list[Scored]:
    """The best section of each document, weighted by type, deprecated ones demoted."""
    best: dict[str, Scored] = {}
    for found in sections:
        weight = TYPE_WEIGHTS.get(found.fields["type"], 1.0)
        weighted = Scored(found.score * weight, found.fields, list(found.why))
        if weight != 1.0:
            weighted.why.append(f"{found.fields['type']} weight ×{weight:g}")
        key = (found.fields["type"], found.fields["id"])   # a team may share a document's id
        kept = best.get(key)
        if kept is None or weighted.score > kept.score:
            best[key] = weighted
    return demote_deprecated(list(best.values()))[:limit]


def demote_deprecated(scored: list[Scored]) -> list[Scored]:
    """Deprecated documents score DEPRECATED_FACTOR less, and less than any of their
    successors found by the same query."""
    by_id = {found.fields["id"]: found.score for found in scored if found.fields.get("type") != "team"}
    for found in scored:
        if found.fields["status"] == "deprecated":
            found.score *= DEPRECATED_FACTOR
            found.why.append(f"deprecated ×{DEPRECATED_FACTOR:g}")
            successors = [by_id[i] for i in found.fields["successor"].split() if i in by_id]
            if successors:
                found.score = min(found.score, min(successors) * BELOW_SUCCESSOR)
    return sorted(scored, key=lambda found: (-found.score, found.fields["url"]))


def lead(text: str) -> str:
    if len(text) <= SNIPPET_CHARS:
        return text
    return text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"


def display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
