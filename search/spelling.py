"""'Did you mean': words of a query that no indexed section contains, replaced by
the closest word of the corpus vocabulary (whoosh's spelling fields keep the
unstemmed words; closeness is Damerau-Levenshtein distance, ties go to the
more frequent word)."""
from __future__ import annotations

import re

from whoosh.reading import IndexReader

from .parsing import FILTER, OPERATORS, stem, words
from .schema import TEXT_FIELDS

WORD = re.compile(r"(?<![\w:*?])[A-Za-z][A-Za-z'-]{3,}(?![\w:*?])")


MAX_WORD = 30        # longer "words" (pasted hashes, URLs) are never corrected
MAX_CORRECTIONS = 8  # words looked up per query: correction is the slow part of a search


def max_distance(word: str) -> int:
    """Short words are often real words the corpus lacks ('shut' is not 'shout')."""
    return 0 if len(word) <= 4 else 1 if len(word) <= 7 else 2


def suggest(reader: IndexReader, schema, text: str, known: set[str]) -> str | None:
    """The query with its unknown words corrected, or None when nothing changes.
    `known` holds stems that count as known although no section has them (synonyms)."""
    text_only = FILTER.sub(lambda m: " " * len(m.group(0)), text)
    changed = text
    candidates = [m for m in WORD.finditer(text_only) if len(m.group(0)) <= MAX_WORD]
    for match in reversed(candidates[:MAX_CORRECTIONS]):
        word = match.group(0)
        if word in OPERATORS or is_known(reader, word, known):
            continue
        replacement = closest(reader, schema, word.lower())
        if replacement:
            changed = changed[: match.start()] + replacement + changed[match.end():]
    return changed if changed != text else None


def is_known(reader: IndexReader, word: str, known: set[str]) -> bool:
    stemmed = stem(word)
    if stemmed == word.lower() and not words(word):
        return True   # a stop word: never indexed, never wrong
    return stemmed in known or any((field, stemmed) in reader for field in TEXT_FIELDS)


def closest(reader: IndexReader, schema, word: str) -> str | None:
    for distance in range(1, max_distance(word) + 1):
        candidates = set()
        for field in TEXT_FIELDS:
            spell_field = schema[field].spelling_fieldname(field)
            candidates.update(reader.terms_within(spell_field, word, distance, prefix=1))
        if candidates:
            return max(sorted(candidates), key=lambda c: frequency(reader, c))
    return None


def frequency(reader: IndexReader, word: str) -> int:
    stemmed = stem(word)
    return sum(reader.doc_frequency(field, stemmed) for field in TEXT_FIELDS)
