"""Scoring whoosh queries over all index entries at once, with numpy.

whoosh matches and scores posting by posting in Python: a plain-word query that
hits most of 50,000 sections takes hundreds of milliseconds. Here each (field,
term) is scored once by whoosh's own weighting (BM25F, identical numbers) and kept
as two arrays — entry numbers and scores — so a query is a few vector sums:
OR adds, AND adds where all match, NOT masks. Query shapes not handled here raise
Unsupported, and the caller lets whoosh run them.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from whoosh import query as Q


class Unsupported(Exception):
    """A query node this scorer does not evaluate."""


@dataclass
class Scored:
    scores: np.ndarray     # float64, one per index entry
    mask: np.ndarray       # bool, one per index entry: the entry matches


class VectorScorer:
    def __init__(self, searcher):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.size = self.reader.doc_count_all()
        # (field, term) or (field, phrase, slop) -> (entry numbers, scores)
        self.postings: dict[tuple, tuple[np.ndarray, np.ndarray]] = {}

    def top(self, query: Q.Query, filter_query: Q.Query | None, count: int) -> list[tuple[float, int]]:
        """The best `count` (score, entry number) pairs, best first; ties by entry number."""
        found = self.evaluate(query)
        mask = found.mask & self.evaluate(filter_query).mask if filter_query else found.mask
        entries = np.flatnonzero(mask)
        scores = found.scores[entries]
        if len(entries) > count:
            keep = np.argpartition(-scores, count - 1)[:count]
            entries, scores = entries[keep], scores[keep]
        order = np.lexsort((entries, -scores))
        return [(float(scores[i]), int(entries[i])) for i in order]

    def evaluate(self, node: Q.Query) -> Scored:
        if isinstance(node, Q.Term):
            return self.term(node.fieldname, node.text, node.boost)
        if isinstance(node, Q.Or):
            return self.union([self.evaluate(sub) for sub in node.subqueries], node.boost)
        if isinstance(node, Q.And):
            return self.intersection([self.evaluate(sub) for sub in node.subqueries], node.boost)
        if isinstance(node, Q.AndNot):
            kept, dropped = self.evaluate(node.a), self.evaluate(node.b)
            return self.masked(kept, kept.mask & ~dropped.mask)
        if isinstance(node, Q.Not):
            return self.constant(~self.evaluate(node.query).mask, 1.0)
        if isinstance(node, Q.Every):
            return self.constant(np.ones(self.size, dtype=bool), 1.0)
        if isinstance(node, (Q.Prefix, Q.Wildcard)):
            return self.union([self.term(node.fieldname, text, 1.0) for text in self.words(node)],
                              node.boost)
        if isinstance(node, Q.Phrase):
            return self.phrase(node)
        if node is Q.NullQuery:
            return self.constant(np.zeros(self.size, dtype=bool), 0.0)
        raise Unsupported(type(node).__name__)

    def term(self, fieldname: str, text: str, boost: float) -> Scored:
        entries, scores = self.term_postings(fieldname, text)
        found = self.constant(np.zeros(self.size, dtype=bool), 0.0)
        found.mask[entries] = True
        found.scores[entries] = scores * boost
        return found

    def term_postings(self, fieldname: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        key = (fieldname, text)
        if key not in self.postings:
            self.postings[key] = self.read_postings(Q.Term(fieldname, text))
        return self.postings[key]

    def read_postings(self, term: Q.Query) -> tuple[np.ndarray, np.ndarray]:
        """Entry numbers and scores of a query, from whoosh's own matcher."""
        entries, scores = [], []
        matcher = term.matcher(self.searcher)
        while matcher.is_active():
            entries.append(matcher.id())
            scores.append(matcher.score())
            matcher.next()
        return np.array(entries, dtype=np.int64), np.array(scores, dtype=np.float64)

    def phrase(self, node: Q.Phrase) -> Scored:
        """Kept like a term's scores: synonyms such as "account takeover" recur in
        many queries. A phrase seen for the first time costs a whoosh phrase search."""
        key = (node.fieldname, " ".join(node.words), node.slop)
        if key not in self.postings:
            self.postings[key] = self.read_postings(Q.Phrase(node.fieldname, node.words, node.slop))
        entries, scores = self.postings[key]
        found = self.constant(np.zeros(self.size, dtype=bool), 0.0)
        found.mask[entries] = True
        found.scores[entries] = scores * node.boost
        return found

    def words(self, node: Q.Query) -> list[str]:
        return [text.decode("utf-8") if isinstance(text, bytes) else text
                for text in node._btexts(self.reader)]

    def union(self, parts: list[Scored], boost: float) -> Scored:
        if not parts:
            return self.constant(np.zeros(self.size, dtype=bool), 0.0)
        scores = np.sum([part.scores for part in parts], axis=0) * boost
        return Scored(scores, np.logical_or.reduce([part.mask for part in parts]))

    def intersection(self, parts: list[Scored], boost: float) -> Scored:
        if not parts:
            return self.constant(np.zeros(self.size, dtype=bool), 0.0)
        mask = np.logical_and.reduce([part.mask for part in parts])
        return self.masked(Scored(np.sum([part.scores for part in parts], axis=0) * boost, mask),
                           mask)

    def masked(self, found: Scored, mask: np.ndarray) -> Scored:
        return Scored(np.where(mask, found.scores, 0.0), mask)

    def constant(self, mask: np.ndarray, value: float) -> Scored:
        return Scored(mask * float(value), mask)
