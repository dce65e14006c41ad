"""The word list the browser uses for "did you mean" and synonyms.

Pagefind matches words and prefixes but does not correct typos, so the build
ships `_search/terms.json`: the words of the *indexed* documents (read back from
this build's index, so a public build lists public words only) with how many
sections use them, and the synonyms whose replacements occur in them.
"""
from __future__ import annotations

import json
from pathlib import Path

from .synonyms import site_synonyms

TERMS_FILE = Path("_search") / "terms.json"
MAX_WORDS = 20_000   # keeps the file small on big sites; the rarest words go first
MIN_LENGTH = 3


def usable_synonyms(synonyms: dict[str, list[str]], words: dict[str, int]) -> dict[str, list[str]]:
    """Synonyms whose every word occurs in the corpus: nothing else could match anyway."""
    kept = {}
    for key, targets in sorted(synonyms.items()):
        usable = [t for t in targets if all(w in words for w in t.lower().replace("-", " ").split())]
        if usable:
            kept[key.lower()] = usable
    return kept


def write(index, path: Path) -> None:
    """index: an open query.SearchIndex of the build."""
    counts = {word: count for word, count in index.vocabulary().items()
              if len(word) >= MIN_LENGTH and word.isalpha()}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:MAX_WORDS]
    from .querytext import QUESTION_WORDS
    data = {"words": [word for word, _count in ranked], "stop": sorted(QUESTION_WORDS),
            "synonyms": usable_synonyms(site_synonyms(index.config), index.vocabulary())}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True),
                    encoding="utf-8")
