"""The default engine: tantivy (the Rust search library, through its official
Python bindings). It indexes 10,000 documents in a few seconds and answers a
query in about a millisecond (bench/bench_search_engines.py).

Words are indexed as English stems (`kc` analyzer) and, for 'did you mean' and
prefix queries, as plain lower-case words (`words` field). Stop words are kept in
the index (phrases stay exact) and dropped from questions (querytext.py).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterable

import tantivy as T

from .compile import MAX_PREFIX_WORDS, TEXT_FIELDS
from .pagefind import link_or_copy, prune
from .query import SearchIndex
from .results import Scored, missing

STEMMED = "kc"
PLAIN = "kc_words"
EXACT_FIELDS = ("id", "type", "audience", "status", "owner", "tags", "regions")
STORED_ONLY = ("successor", "url", "updated", "display")
SHOWN = ("id", "type", "status", "successor", "url", "section", "body")
WRITER_HEAP = 200_000_000
CACHE_KEEP = 6     # segments kept in the cache besides three builds' worth of groups


def stemmed_analyzer():
    return (T.TextAnalyzerBuilder(T.Tokenizer.simple()).filter(T.Filter.remove_long(40))
            .filter(T.Filter.lowercase()).filter(T.Filter.ascii_fold())
            .filter(T.Filter.stemmer("english")).build())


def plain_analyzer():
    return (T.TextAnalyzerBuilder(T.Tokenizer.simple()).filter(T.Filter.remove_long(40))
            .filter(T.Filter.lowercase()).build())


def make_schema():
    builder = T.SchemaBuilder()
    for name in EXACT_FIELDS:
        builder.add_text_field(name, stored=True, tokenizer_name="raw")
    for name in STORED_ONLY:
        builder.add_text_field(name, stored=True, tokenizer_name="raw", index_option="basic")
    for name in TEXT_FIELDS:
        builder.add_text_field(name, stored=name in ("section", "body"), tokenizer_name=STEMMED)
    builder.add_text_field("words", tokenizer_name=PLAIN, index_option="freq")
    return builder.build()


def open_tantivy(index_dir: Path, schema=None) -> T.Index:
    index = T.Index(schema, path=str(index_dir), reuse=False) if schema else \
        T.Index.open(str(index_dir))
    index.register_tokenizer(STEMMED, stemmed_analyzer())
    index.register_tokenizer(PLAIN, plain_analyzer())
    return index


def to_document(entry: dict) -> T.Document:
    is_faq = entry["type"] == "faq"
    values = {name: entry[name] for name in EXACT_FIELDS}
    values.update(successor=entry["successor"], url=entry["url"], updated=entry["updated"],
                  display=entry["title"], section=entry["section"], body=entry["body"],
                  keywords=entry["keywords"],
                  title="" if is_faq else entry["title"], question=entry["title"] if is_faq else "")
    values["words"] = " ".join([entry["title"], entry["section"], entry["keywords"], entry["body"]])
    return T.Document(**{k: v for k, v in values.items() if v not in ("", [])})


class TantivyEngine:
    name = "tantivy"

    def write(self, entries: Iterable[dict], index_dir: Path) -> None:
        """Written in a scratch folder with one thread (one segment, in entry order),
        then copied with the segment named after its content: tantivy names segments
        with random ids, and the same site must give the same bytes."""
        if index_dir.exists():
            shutil.rmtree(index_dir)
        with tempfile.TemporaryDirectory(prefix="kc-index-") as scratch:
            index = open_tantivy(Path(scratch), make_schema())
            writer = index.writer(heap_size=WRITER_HEAP, num_threads=1)
            for entry in entries:
                writer.add_document(to_document(entry))
            writer.commit()
            writer.wait_merging_threads()
            copy_with_stable_names(Path(scratch), index_dir)

    def write_groups(self, groups: list, index_dir: Path, cache_dir: Path) -> None:
        """The index of groups of entries ((key, entries) pairs, see search/entry_groups.py),
        one segment per group, each made once and kept in cache_dir under its key: a build
        that changed one document re-indexes its group only. Searches see one index (term
        statistics are summed over segments); the same groups give the same bytes."""
        if index_dir.exists():
            shutil.rmtree(index_dir)
        index_dir.mkdir(parents=True)
        metas = []
        for key, made in groups:
            cached = cache_dir / key
            if not (cached / "meta.json").is_file():
                with tempfile.TemporaryDirectory(prefix="kc-index-") as scratch:
                    self.write(made(), Path(scratch) / "index")
                    keep_segment(Path(scratch) / "index", cached)
            else:
                os.utime(cached)                       # recently used: kept by prune()
            meta = json.loads((cached / "meta.json").read_text(encoding="utf-8"))
            for path in cached.iterdir():
                if path.name != "meta.json":
                    link_or_copy(str(path), str(index_dir / path.name))
            metas.append(meta)
        combined = dict(metas[0], segments=[segment for meta in metas for segment in meta["segments"]],
                        opstamp=max(meta["opstamp"] for meta in metas))
        (index_dir / "meta.json").write_text(json.dumps(combined, indent=2, sort_keys=True), encoding="utf-8")
        prune(cache_dir, CACHE_KEEP + 3 * len(groups))

    def update(self, index_dir: Path, doc_id: str, entries: Iterable[dict]) -> None:
        self.change(index_dir, doc_id, entries)

    def delete(self, index_dir: Path, doc_id: str) -> None:
        self.change(index_dir, doc_id, [])

    def change(self, index_dir: Path, doc_id: str, entries: Iterable[dict]) -> None:
        index = open_tantivy(index_dir)
        writer = index.writer(heap_size=WRITER_HEAP // 4, num_threads=1)
        writer.delete_documents_by_term("id", doc_id)
        for entry in entries:
            writer.add_document(to_document(entry))
        writer.commit()
        writer.wait_merging_threads()

    def open(self, index_dir: Path, config) -> "TantivyIndex":
        return TantivyIndex(index_dir, config)


def copy_with_stable_names(scratch: Path, index_dir: Path) -> None:
    meta = json.loads((scratch / "meta.json").read_text(encoding="utf-8"))
    index_dir.mkdir(parents=True)
    for segment in meta["segments"]:
        old = segment["segment_id"].replace("-", "")
        digest = hashlib.sha256()
        files = sorted(scratch.glob(f"{old}.*"))
        for path in files:
            digest.update(path.suffix.encode() + path.read_bytes())
        new = digest.hexdigest()[:32]
        for path in files:
            shutil.copyfile(path, index_dir / f"{new}{path.suffix}")
        segment["segment_id"] = f"{new[:8]}-{new[8:12]}-{new[12:16]}-{new[16:20]}-{new[20:]}"
    (index_dir / "meta.json").write_text(json.dumps(meta, indent=2, sort_keys=True), encoding="utf-8")


def keep_segment(index_dir: Path, cached: Path) -> None:
    """Store a one-segment index (its files and meta) in the cache, atomically."""
    cached.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=cached.parent, prefix=".new-"))
    for path in index_dir.iterdir():
        shutil.copyfile(path, staging / path.name)
    try:
        staging.rename(cached)
    except OSError:                 # made meanwhile by another build: the same bytes
        shutil.rmtree(staging, ignore_errors=True)


class Ops:
    def __init__(self, schema):
        self.schema = schema

    def term(self, field, stem, boost):
        return T.Query.boost_query(T.Query.term_query(self.schema, field, stem), boost)

    def phrase(self, field, stems, slop, boost):
        return T.Query.boost_query(T.Query.phrase_query(self.schema, field, stems, slop), boost)

    def any_of(self, parts):
        return T.Query.boolean_query([(T.Occur.Should, part) for part in parts])

    def all_of(self, parts, excluded):
        clauses = [(T.Occur.Must, part) for part in parts] or [(T.Occur.Must, T.Query.all_query())]
        return T.Query.boolean_query(clauses + [(T.Occur.MustNot, part) for part in excluded])

    def nothing(self):
        return T.Query.empty_query()

    def exact(self, field, value):
        return T.Query.term_query(self.schema, field, value)


class TantivyIndex(SearchIndex):
    engine = "tantivy"

    def open(self) -> None:
        if not (self.index_dir / "meta.json").is_file():
            raise missing(self.index_dir)
        self.index = open_tantivy(self.index_dir)
        self.schema = self.index.schema
        self.searcher = self.index.searcher()
        self.stemmer = stemmed_analyzer()

    def close(self) -> None:
        self.searcher = None

    def ops(self) -> Ops:
        return Ops(self.schema)

    def analyze(self, text: str) -> list[str]:
        return self.stemmer.analyze(text)

    def has_stem(self, stem: str) -> bool:
        return any(self.searcher.doc_freq(field, stem) for field in TEXT_FIELDS)

    def read_vocabulary(self) -> dict[str, int]:
        return dict(self.searcher.terms_with_prefix("words", ""))

    def prefix_words(self, prefix: str) -> list[str]:
        return [word for word, _count in
                self.searcher.terms_with_prefix("words", prefix, limit=MAX_PREFIX_WORDS)]

    def sections(self, query, filters: list, count: int) -> list[Scored]:
        if filters:
            query = T.Query.boolean_query([(T.Occur.Must, query)] + [
                (T.Occur.Must, T.Query.const_score_query(f, 0.0)) for f in filters])
        found = []
        for score, address in self.searcher.search(query, limit=count).hits:
            stored = self.searcher.doc(address).to_dict()
            fields = {name: (stored.get(name) or [""])[0] for name in SHOWN}
            fields["title"] = stored["display"][0]
            found.append(Scored(score, fields))
        return found

    def stored(self) -> list[dict]:
        """Every stored value (for audits such as the audience canary test)."""
        all_docs = self.searcher.search(T.Query.all_query(), limit=max(1, self.searcher.num_docs))
        return [{name: values[0] if len(values) == 1 else values
                 for name, values in self.searcher.doc(address).to_dict().items()}
                for _score, address in all_docs.hits]

    def indexed_terms(self) -> list[str]:
        return [term for field in (*TEXT_FIELDS, "words")
                for term, _count in self.searcher.terms_with_prefix(field, "")]


ENGINE = TantivyEngine()
