"""The word list the browser uses for "did you mean" and synonyms.

Pagefind matches words and prefixes but does not correct typos, so the build
ships `_search/terms.json`: the words of the *indexed* documents (read back from
the whoosh index of this build, so a public build lists public words only) with
how many sections use them, and the synonyms whose replacements occur in them.
"""
from __future__ import annotations

import json
from pathlib import Path

from whoosh import index as whoosh_index

from .schema import ANALYZER, TEXT_FIELDS

TERMS_FILE = Path("_search") / "terms.json"
MAX_WORDS = 20_000   # keeps the file small on big sites; the rarest words go first
MIN_LENGTH = 3


def vocabulary(index_dir: Path) -> dict[str, int]:
    """Unstemmed word -> number of index entries whose text holds its stem."""
    ix = whoosh_index.open_dir(str(index_dir))
    counts: dict[str, int] = {}
    with ix.reader() as reader:
        for field in TEXT_FIELDS:
            spell_field = ix.schema[field].spelling_fieldname(field)
            for raw in reader.lexicon(spell_field):
                word = raw.decode("utf-8")
                if len(word) >= MIN_LENGTH and word.isalpha() and word not in counts:
                    counts[word] = sum(reader.doc_frequency(f, stem(word)) for f in TEXT_FIELDS)
    return counts


def stem(word: str) -> str:
    tokens = [token.text for token in ANALYZER(word)]
    return tokens[0] if tokens else word


def usable_synonyms(synonyms: dict[str, list[str]], words: dict[str, int]) -> dict[str, list[str]]:
    """Synonyms whose every word occurs in the corpus: nothing else could match anyway."""
    known = {stem(word) for word in words}
    kept = {}
    for key, targets in sorted(synonyms.items()):
        usable = [t for t in targets if all(stem(w) in known for w in t.lower().split())]
        if usable:
            kept[key.lower()] = usable
    return kept


def write(index_dir: Path, path: Path, synonyms: dict[str, list[str]]) -> None:
    counts = vocabulary(index_dir)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:MAX_WORDS]
    data = {"words": [word for word, _count in ranked],
            "synonyms": usable_synonyms(synonyms, counts)}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True),
                    encoding="utf-8")
