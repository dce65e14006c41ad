"""From the query tree (querytext.py) to an engine's query objects.

The tree is the same for every engine; an engine supplies `Ops`, the handful of
constructors it needs. Each word is looked up in every text field with the field's
weight, and also as its synonyms (a little less); plain words typed next to each
other also score when they occur near each other (multi-word concepts such as
"account takeover" or "home address").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Protocol

from .querytext import Filter, Node, ANY_REGION
from .weights import EXACT_BOOST, FIELD_BOOSTS, PHRASE_BOOST, PHRASE_SLOP, SYNONYM_BOOST

TEXT_FIELDS = tuple(FIELD_BOOSTS)
PROXIMITY_FIELDS = ("title", "question", "section", "body")
MAX_PREFIX_WORDS = 64


class Ops(Protocol):
    def term(self, field: str, stem: str, boost: float) -> Any: ...
    def phrase(self, field: str, stems: list[str], slop: int, boost: float) -> Any: ...
    def any_of(self, parts: list) -> Any: ...
    def all_of(self, parts: list, excluded: list) -> Any: ...   # parts may be empty: everything
    def nothing(self) -> Any: ...
    def exact(self, field: str, value: str) -> Any: ...        # a filter field's value


@dataclass
class Compiler:
    ops: Ops
    analyze: Callable[[str], list[str]]
    synonyms: dict[str, list[list[str]]]             # stem -> alternatives, each a list of stems
    prefix_words: Callable[[str], list[str]]         # 'escal' -> indexed words starting so

    def compile(self, tree: Node) -> Any:
        query = self.node(tree)
        near = proximity(tree)
        if near and query is not None:
            stems = [s for word in near for s in self.analyze(word)]
            if len(stems) > 1:
                nearby = [self.ops.phrase(f, stems, PHRASE_SLOP, FIELD_BOOSTS[f] * PHRASE_BOOST)
                          for f in PROXIMITY_FIELDS]
                query = self.ops.any_of([query, *nearby])
        return query if query is not None else self.ops.nothing()

    def node(self, tree: Node, synonyms: bool = True) -> Any:
        """synonyms=False under NOT: `harassment NOT bullying` excludes bullying, not
        everything bullying is a synonym of."""
        kind = tree.kind
        if kind == "word":
            return self.word(tree.text, synonyms)
        if kind == "prefix":
            # escalate, escalation, escalations: one stem, counted once
            stems = dict.fromkeys(s for w in self.prefix_words(tree.text) for s in self.analyze(w)[:1])
            return self.ops.any_of([self.in_fields([s], 1.0) for s in stems]) if stems else None
        if kind == "phrase":
            return self.words_together(tree.words)
        if kind == "all":
            return self.ops.all_of([], [])
        if kind == "not":
            inner = self.node(tree.children[0], synonyms=False)
            return self.ops.all_of([], [inner]) if inner is not None else None
        children = [(True, self.node(c.children[0], synonyms=False)) if c.kind == "not"
                    else (False, self.node(c, synonyms)) for c in tree.children]
        if kind == "or":
            parts = [q for negated, q in children if q is not None and not negated]
            return self.ops.any_of(parts) if parts else None
        required = [q for negated, q in children if not negated]
        if any(q is None for q in required):
            return None          # a required word that cannot match: nothing matches
        excluded = [q for negated, q in children if negated and q is not None]
        return self.ops.all_of(required, excluded)

    def word(self, word: str, synonyms: bool = True) -> Any:
        stems = self.analyze(word)
        if not stems:
            return None
        if len(stems) > 1:
            return self.in_fields(stems, 1.0)
        parts = [self.in_fields(stems, 1.0), self.ops.term("words", word.lower(), EXACT_BOOST)]
        if synonyms:
            parts += [self.in_fields(alt, SYNONYM_BOOST) for alt in self.synonyms.get(stems[0], [])]
        return self.ops.any_of(parts)

    def words_together(self, words: tuple[str, ...]) -> Any:
        stems = [s for word in words for s in self.analyze(word)]
        return self.in_fields(stems, 1.0) if stems else None

    def in_fields(self, stems: list[str], boost: float) -> Any:
        if len(stems) == 1:
            parts = [self.ops.term(f, stems[0], b * boost) for f, b in FIELD_BOOSTS.items()]
        else:
            parts = [self.ops.phrase(f, stems, 0, b * boost) for f, b in FIELD_BOOSTS.items()]
        return self.ops.any_of(parts)

    def filters(self, filters: list[Filter]) -> list:
        """One query per filter; all region filters together are one 'any of'."""
        found, regions = [], []
        for item in filters:
            value = item.value if item.field == "id" else item.value.lower()
            if item.field == "regions":
                regions.append(value)
            else:
                found.append(self.ops.exact(item.field, value))
        if regions:
            wanted = sorted({*regions, ANY_REGION})
            found.append(self.ops.any_of([self.ops.exact("regions", r) for r in wanted]))
        return found


def proximity(tree: Node) -> list[str]:
    """The plain words of a query made of plain words only, in the order typed."""
    if tree.kind == "or" and all(c.kind == "word" for c in tree.children):
        return [c.text for c in tree.children]
    return []


def prepare_synonyms(synonyms: dict[str, list[str]], analyze) -> dict[str, list[list[str]]]:
    prepared: dict[str, list[list[str]]] = {}
    for key, values in synonyms.items():
        stems = analyze(key)
        if len(stems) != 1:
            continue
        alternatives = [analyze(value) for value in values]
        prepared.setdefault(stems[0], []).extend(
            alt for alt in alternatives if alt and alt != stems and alt not in prepared.get(stems[0], []))
    return prepared
