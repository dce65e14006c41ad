"""'Did you mean', for every engine: words of a query that no indexed section
contains, replaced by the closest word of the indexed vocabulary (the unstemmed
words, with how many sections use them). Closeness is the Damerau-Levenshtein
distance (optimal string alignment); ties go to the more frequent word."""
from __future__ import annotations

import re
from typing import Callable

from .querytext import FILTER, OPERATORS, QUESTION_WORDS

WORD = re.compile(r"(?<![\w:*?])[A-Za-z][A-Za-z'-]{3,}(?![\w:*?])")
MAX_WORD = 30        # longer "words" (pasted hashes, URLs) are never corrected
MAX_CORRECTIONS = 8  # words looked up per query: correction is the slow part of a search


def max_distance(word: str) -> int:
    """Short words are often real words the corpus lacks ('shut' is not 'shout')."""
    return 0 if len(word) <= 4 else 1 if len(word) <= 7 else 2


def suggest(text: str, is_known: Callable[[str], bool],
            vocabulary: Callable[[], dict[str, int]]) -> str | None:
    """The query with its unknown words corrected, or None when nothing changes."""
    text_only = FILTER.sub(lambda m: " " * len(m.group(0)), text)
    changed = text
    candidates = [m for m in WORD.finditer(text_only) if len(m.group(0)) <= MAX_WORD]
    for match in reversed(candidates[:MAX_CORRECTIONS]):
        word = match.group(0)
        if word in OPERATORS or word.lower() in QUESTION_WORDS or is_known(word):
            continue
        replacement = closest(word.lower(), vocabulary())
        if replacement:
            changed = changed[: match.start()] + replacement + changed[match.end():]
    return changed if changed != text else None


def closest(word: str, vocabulary: dict[str, int]) -> str | None:
    limit = max_distance(word)
    if not limit:
        return None
    found: dict[int, list[str]] = {}
    for candidate in vocabulary:
        if candidate[:1] != word[:1] or abs(len(candidate) - len(word)) > limit:
            continue
        distance = osa_distance(word, candidate, limit)
        if 0 < distance <= limit:
            found.setdefault(distance, []).append(candidate)
    if not found:
        return None
    best = sorted(found[min(found)])
    return max(best, key=lambda c: vocabulary[c])


def osa_distance(a: str, b: str, limit: int) -> int:
    """Edits (insert, delete, replace, swap two neighbours) from a to b; anything
    above `limit` is reported as limit + 1."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
