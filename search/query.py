"""Query the whoosh index that `kc build` wrote: ranked sections, snippets,
'did you mean', and deprecated documents below the documents replacing them."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as Q
from whoosh.highlight import ContextFragmenter, Formatter, get_text, highlight

from generator.config import SiteConfig
from generator.errors import KcError
from generator.urls import absolute_url

from . import spelling
from .fastscore import Unsupported, VectorScorer
from .indexer import INDEX_DIR
from .parsing import BadQuery, QueryBuilder  # noqa: F401  (BadQuery is part of the API)
from .schema import ANALYZER, WEIGHTING

DEPRECATED_FACTOR = 0.5     # a deprecated document's score is halved ...
BELOW_SUCCESSOR = 0.99      # ... and kept below its successor's when both match
SNIPPET_CHARS = 220
SECTIONS_PER_RESULT = 5     # sections fetched per wanted result, before keeping the best of each


class NoIndex(KcError):
    """No index where the build should have written it, or one that cannot be read."""


MAX_QUERY_CHARS = 500     # a question fits easily; a pasted document does not


def damaged(index_dir, exc: BaseException) -> NoIndex:
    return NoIndex(f"The search index at {display(Path(index_dir))} is damaged "
                   f"({type(exc).__name__}) — run `kc build` again")


@dataclass
class Hit:
    id: str
    type: str
    title: str
    section: str
    url: str
    snippet: str        # matched words are wrapped in **double asterisks**
    score: float


@dataclass
class Outcome:
    query: str
    results: list[Hit] = field(default_factory=list)
    suggestion: str | None = None
    corrected: bool = False    # the results are for the suggestion

    def to_json(self) -> dict:
        return {"query": self.query, "results": [asdict(hit) for hit in self.results],
                "suggestion": self.suggestion}


class MarkFormatter(Formatter):
    """Matched words as **word**: readable in a terminal, Markdown and chat."""
    between = " … "

    def format_token(self, text, token, replace=False):
        return f"**{get_text(text, token, replace)}**"


class SearchIndex:
    """An open index; keep it open to answer many queries quickly: each word's scores
    are computed once and kept in memory (see fastscore.py)."""

    def __init__(self, index_dir: Path, config: SiteConfig):
        self.config = config
        self.index_dir = index_dir
        self.index = open_index(index_dir)
        try:
            self.searcher = self.index.searcher(weighting=WEIGHTING)
            self.id_column = self.searcher.reader().column_reader("id")
        except Exception as exc:  # noqa: BLE001 — truncated or foreign files, in any way
            raise damaged(index_dir, exc) from exc
        self.vectors = VectorScorer(self.searcher)
        self.fragmenter = ContextFragmenter(maxchars=SNIPPET_CHARS, surround=70)
        self.builder = QueryBuilder(config.search.synonyms)
        self.known = set(self.builder.synonyms)

    @classmethod
    def for_site(cls, config: SiteConfig, out_dir: str | Path | None = None) -> "SearchIndex":
        root = Path(out_dir) if out_dir else config.output_path
        return cls(root / INDEX_DIR, config)

    def close(self) -> None:
        self.searcher.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def search(self, text: str, doc_type: str | None = None, tags=(), regions=(),
               limit: int = 10) -> Outcome:
        """Results for `text`; when a word of it is in no section and a close word is,
        results for the corrected query instead (an unknown word matches nothing, so
        the correction can only help), marked as corrected."""
        if len(text) > MAX_QUERY_CHARS:
            raise BadQuery(f"the query is {len(text):,} characters long; ask in at most "
                           f"{MAX_QUERY_CHARS} (a few words or a question work best)")
        try:
            return self._search(text, doc_type, tags, regions, limit)
        except KcError:
            raise
        except Exception as exc:  # noqa: BLE001 — a damaged index fails on read, in any way
            raise damaged(self.index_dir, exc) from exc

    def _search(self, text: str, doc_type, tags, regions, limit: int) -> Outcome:
        parsed = self.builder.build(text, doc_type, tags, regions)
        outcome = Outcome(text, suggestion=spelling.suggest(
            self.searcher.reader(), self.index.schema, text, self.known))
        if outcome.suggestion:
            outcome.results = self.run(self.builder.build(outcome.suggestion, doc_type, tags,
                                                          regions), limit)
            outcome.corrected = bool(outcome.results)
        if not outcome.corrected:
            outcome.results = self.run(parsed, limit)
        return outcome

    def run(self, parsed, limit: int) -> list[Hit]:
        if parsed.query is Q.NullQuery:
            return []
        ranked = self.rank(parsed, (limit + 10) * SECTIONS_PER_RESULT)
        best = best_per_document(ranked, self.id_column)[: limit + 10]
        fields = [(score, self.searcher.stored_fields(entry)) for score, entry in best]
        terms = body_terms(parsed.query, self.searcher.reader())
        return [self.to_hit(hit, score, terms) for score, hit in demote_deprecated(fields)[:limit]]

    def rank(self, parsed, count: int) -> list[tuple[float, int]]:
        """(score, entry number) of the best `count` sections, best first."""
        try:
            return self.vectors.top(parsed.query, parsed.filter, count)
        except Unsupported:
            results = self.searcher.search(parsed.query, filter=parsed.filter, limit=count)
            return [(results.score(i), results.docnum(i)) for i in range(results.scored_length())]

    def to_hit(self, hit: dict, score: float, terms: set[str]) -> Hit:
        body = hit.get("body", "")
        snippet = highlight(body, terms, ANALYZER, self.fragmenter, MarkFormatter(), top=2)
        return Hit(id=hit["id"], type=hit["type"], title=hit["title"], section=hit["section"],
                   url=absolute_url(self.config, hit["url"]),
                   snippet=" ".join((snippet or lead(body)).split()), score=round(score, 3))


def body_terms(query: Q.Query, reader) -> set[str]:
    """The analysed words of the query that occur in body text, for highlighting."""
    found = set()
    for leaf in query.leaves():
        if getattr(leaf, "fieldname", None) != "body":
            continue
        if isinstance(leaf, (Q.Prefix, Q.Wildcard)):
            found.update(leaf._btexts(reader))          # escal* -> escal, escalation, ...
        else:
            found.update(text for _field, text in leaf.iter_all_terms(phrases=True))
    return {text.decode("utf-8") if isinstance(text, bytes) else text for text in found}


def open_index(index_dir: Path):
    try:
        found = whoosh_index.exists_in(str(index_dir))
        index = whoosh_index.open_dir(str(index_dir)) if found else None
    except Exception as exc:  # noqa: BLE001 — a damaged or foreign index, in any way
        raise NoIndex(f"The search index at {display(index_dir)} cannot be read "
                      f"({type(exc).__name__}) — run `kc build` again") from exc
    if index is None:
        raise NoIndex(f"No search index at {display(index_dir)} — run `kc build` first")
    return index


def best_per_document(ranked: list[tuple[float, int]], id_column) -> list[tuple[float, int]]:
    """The best-scoring section of each document, in score order."""
    seen, best = set(), []
    for score, entry in ranked:
        doc_id = id_column[entry]
        if doc_id not in seen:
            seen.add(doc_id)
            best.append((score, entry))
    return best


def demote_deprecated(scored: list[tuple[float, object]]) -> list[tuple[float, object]]:
    """Deprecated documents score DEPRECATED_FACTOR less, and less than any of their
    successors found by the same query."""
    by_id = {hit["id"]: score for score, hit in scored}
    adjusted = []
    for score, hit in scored:
        if hit["status"] == "deprecated":
            score *= DEPRECATED_FACTOR
            successors = [by_id[i] for i in hit["successor"].split() if i in by_id]
            if successors:
                score = min(score, min(successors) * BELOW_SUCCESSOR)
        adjusted.append((score, hit))
    return sorted(adjusted, key=lambda item: (-item[0], item[1]["url"]))


def lead(text: str) -> str:
    if len(text) <= SNIPPET_CHARS:
        return text
    return text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"


def display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
