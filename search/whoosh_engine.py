"""The optional engine: whoosh (whoosh-reloaded, pure Python), selected with
`search: {engine: whoosh}` in site_config.yml. Slower than tantivy to index and to
query (bench/bench_search_engines.py), and no longer maintained upstream; kept
because the product's original design named it.

The same fields and words as tantivy_engine.py: English stems for scoring, plain
lower-case words for 'did you mean' and prefixes, stop words kept in the index.
"""
from __future__ import annotations

import contextlib
import hashlib
import random
import shutil
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

from whoosh import index as whoosh_index
from whoosh import query as Q
from whoosh.analysis import IDAnalyzer, LowercaseFilter, RegexTokenizer, StemFilter
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.scoring import BM25F

from .compile import MAX_PREFIX_WORDS, TEXT_FIELDS
from .query import SearchIndex
from .results import NoIndex, Scored, display, missing

STEMMED = RegexTokenizer() | LowercaseFilter() | StemFilter()
PLAIN = RegexTokenizer() | LowercaseFilter()
# BM25F, with little length normalisation for titles and headings: a long FAQ
# question is not less about its words than a two-word policy title.
WEIGHTING = BM25F(title_B=0.3, question_B=0.3, section_B=0.3)


def _exact() -> ID:
    return ID(stored=True, analyzer=IDAnalyzer(lowercase=True))


def make_schema() -> Schema:
    return Schema(
        id=ID(stored=True), type=_exact(), audience=_exact(), status=_exact(), owner=_exact(),
        updated=STORED(), url=STORED(), successor=STORED(), display=STORED(),
        tags=KEYWORD(stored=True, commas=True, lowercase=True),
        regions=KEYWORD(stored=True, commas=True, lowercase=True),
        title=TEXT(analyzer=STEMMED), question=TEXT(analyzer=STEMMED),
        section=TEXT(analyzer=STEMMED, stored=True), keywords=TEXT(analyzer=STEMMED),
        body=TEXT(analyzer=STEMMED, stored=True), words=TEXT(analyzer=PLAIN),
    )


def to_fields(entry: dict) -> dict:
    is_faq = entry["type"] == "faq"
    fields = {name: entry[name] for name in ("id", "type", "audience", "status", "owner", "updated",
                                             "successor", "url", "section", "body", "keywords")}
    fields.update(tags=",".join(entry["tags"]), regions=",".join(entry["regions"]),
                  display=entry["title"], title="" if is_faq else entry["title"],
                  question=entry["title"] if is_faq else "",
                  words=" ".join([entry["title"], entry["section"], entry["keywords"], entry["body"]]))
    return fields


class WhooshEngine:
    name = "whoosh"

    def write(self, entries: Iterable[dict], index_dir: Path) -> None:
        if index_dir.exists():
            shutil.rmtree(index_dir)
        index_dir.mkdir(parents=True)
        entries = list(entries)
        # Separate files, not one compound file: that one records modification times.
        with deterministic_names(entries):
            writer = whoosh_index.create_in(str(index_dir), make_schema()).writer(limitmb=128,
                                                                                   compound=False)
            for entry in entries:
                writer.add_document(**to_fields(entry))
            writer.commit()

    def update(self, index_dir: Path, doc_id: str, entries: Iterable[dict]) -> None:
        self.change(index_dir, doc_id, entries)

    def delete(self, index_dir: Path, doc_id: str) -> None:
        self.change(index_dir, doc_id, [])

    def change(self, index_dir: Path, doc_id: str, entries: Iterable[dict]) -> None:
        writer = whoosh_index.open_dir(str(index_dir)).writer()
        writer.delete_by_term("id", doc_id)
        for entry in entries:
            writer.add_document(**to_fields(entry))
        writer.commit()

    def open(self, index_dir: Path, config) -> "WhooshIndex":
        return WhooshIndex(index_dir, config)


@contextlib.contextmanager
def deterministic_names(entries: list[dict]) -> Iterator[None]:
    """whoosh names its segment files with `random`; seed it from the indexed content
    so the same corpus gives byte-identical index files, then restore the global state."""
    digest = hashlib.sha256(repr(entries).encode())
    state = random.getstate()
    random.seed(digest.hexdigest())
    try:
        yield
    finally:
        random.setstate(state)


class Ops:
    def term(self, field, stem, boost):
        return Q.Term(field, stem, boost=boost)

    def phrase(self, field, stems, slop, boost):
        return Q.Phrase(field, stems, slop=slop + 1, boost=boost)   # whoosh: slop 1 = adjacent

    def any_of(self, parts):
        return Q.Or(parts)

    def all_of(self, parts, excluded):
        kept = Q.And(parts) if parts else Q.Every()
        return Q.AndNot(kept, Q.Or(excluded)) if excluded else kept

    def nothing(self):
        return Q.NullQuery

    def exact(self, field, value):
        return Q.Term(field, value)


class WhooshIndex(SearchIndex):
    engine = "whoosh"

    def open(self) -> None:
        try:
            found = whoosh_index.exists_in(str(self.index_dir))
            self.index = whoosh_index.open_dir(str(self.index_dir)) if found else None
        except Exception as exc:  # noqa: BLE001 — a damaged or foreign index, in any way
            raise NoIndex(f"The search index at {display(self.index_dir)} cannot be read "
                          f"({type(exc).__name__}) — run `kc build` again") from exc
        if self.index is None:
            raise missing(self.index_dir)
        self.searcher = self.index.searcher(weighting=WEIGHTING)
        self.reader = self.searcher.reader()

    def close(self) -> None:
        self.searcher.close()

    def ops(self) -> Ops:
        return Ops()

    def analyze(self, text: str) -> list[str]:
        return [token.text for token in STEMMED(text)]

    def has_stem(self, stem: str) -> bool:
        return any((field, stem) in self.reader for field in TEXT_FIELDS)

    def read_vocabulary(self) -> dict[str, int]:
        return {word.decode("utf-8"): self.reader.doc_frequency("words", word)
                for word in self.reader.lexicon("words")}

    def prefix_words(self, prefix: str) -> list[str]:
        return [word.decode("utf-8") for word in
                islice(self.reader.expand_prefix("words", prefix), MAX_PREFIX_WORDS)]

    def sections(self, query, filters: list, count: int) -> list[Scored]:
        if query is Q.NullQuery:
            return []
        results = self.searcher.search(query, filter=Q.And(filters) if filters else None,
                                       limit=count)
        found = []
        for hit in results:
            fields = {name: hit.get(name, "") for name in
                      ("id", "type", "status", "successor", "url", "section", "body")}
            fields["title"] = hit["display"]
            found.append(Scored(hit.score, fields))
        return found

    def stored(self) -> list[dict]:
        """Every stored value (for audits such as the audience canary test)."""
        return list(self.reader.all_stored_fields())

    def indexed_terms(self) -> list[str]:
        return [text.decode("utf-8") if isinstance(text, bytes) else str(text)
                for _field, text in self.reader.all_terms()]


ENGINE = WhooshEngine()
