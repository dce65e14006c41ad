"""Query the index that `kc build` wrote, whatever the engine: ranked sections,
snippets, 'did you mean', and deprecated documents below the documents replacing
them. An engine subclasses SearchIndex with the few things only it knows (see
search/backend.py)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.errors import KcError
from generator.urls import absolute_url

from . import spelling
from .compile import Compiler, prepare_synonyms, TEXT_FIELDS
from .querytext import BadQuery, MAX_QUERY_CHARS, Understood, positive_words, understand  # noqa: F401
from .results import SECTIONS_PER_RESULT, Hit, NoIndex, Outcome, Scored, damaged, rank  # noqa: F401
from .snippets import highlight
from .synonyms import site_synonyms

if TYPE_CHECKING:
    from generator.config import SiteConfig

SHOWN_FIELDS = ("title", "section", "body")   # stored, so --explain can say which matched


class SearchIndex:
    """An open index; keep it open to answer many queries quickly."""
    engine = ""

    def __init__(self, index_dir: Path, config: SiteConfig):
        self.config = config
        self.index_dir = Path(index_dir)
        self._vocabulary: dict[str, int] | None = None
        self._stems: dict[str, str] = {}
        try:
            self.open()
        except (KcError, KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # noqa: BLE001 — truncated or foreign files, in any way
            raise damaged(self.index_dir, exc) from exc   # (tantivy may panic: BaseException)
        self.compiler = Compiler(self.ops(), self.analyze,
                                 prepare_synonyms(site_synonyms(config), self.analyze),
                                 self.prefix_words)

    @classmethod
    def for_site(cls, config: SiteConfig, out_dir: str | Path | None = None) -> "SearchIndex":
        from .backend import open_index
        return open_index(config, out_dir)

    # --- what an engine provides -------------------------------------------------
    def open(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def ops(self):
        raise NotImplementedError

    def analyze(self, text: str) -> list[str]:
        """The stems the engine indexes for `text`."""
        raise NotImplementedError

    def has_stem(self, stem: str) -> bool:
        raise NotImplementedError

    def read_vocabulary(self) -> dict[str, int]:
        """Unstemmed indexed word -> number of sections using it."""
        raise NotImplementedError

    def prefix_words(self, prefix: str) -> list[str]:
        raise NotImplementedError

    def sections(self, query: Any, filters: list, count: int) -> list[Scored]:
        """The best `count` matching sections, best first."""
        raise NotImplementedError

    # --- the same for every engine -----------------------------------------------
    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def vocabulary(self) -> dict[str, int]:
        if self._vocabulary is None:
            self._vocabulary = self.read_vocabulary()
        return self._vocabulary

    def stem(self, word: str) -> str:
        key = word.lower()
        if key not in self._stems:
            stems = self.analyze(key)
            self._stems[key] = stems[0] if stems else key
        return self._stems[key]

    def is_known(self, word: str) -> bool:
        stem = self.stem(word)
        return stem in self.compiler.synonyms or self.has_stem(stem)

    def search(self, text: str, doc_type: str | None = None, tags=(), regions=(),
               limit: int = 10) -> Outcome:
        """Results for `text`; when a word of it is in no section and a close word is,
        results for the corrected query instead (an unknown word matches nothing, so
        the correction can only help), marked as corrected."""
        understood = understand(text, doc_type, tags, regions)
        try:
            outcome = Outcome(text, suggestion=spelling.suggest(text, self.is_known, self.vocabulary))
            if outcome.suggestion:
                outcome.results = self.run(understand(outcome.suggestion, doc_type, tags, regions),
                                           limit)
                outcome.corrected = bool(outcome.results)
            if not outcome.corrected:
                outcome.results = self.run(understood, limit)
            return outcome
        except (KcError, KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # noqa: BLE001 — a damaged index fails on read, in any way
            raise damaged(self.index_dir, exc) from exc

    def run(self, understood: Understood, limit: int) -> list[Hit]:
        if understood.tree is None:
            return []
        query = self.compiler.compile(understood.tree)
        found = self.sections(query, self.compiler.filters(understood.filters),
                              (limit + 10) * SECTIONS_PER_RESULT)
        stems = self.query_stems(understood)
        return [self.to_hit(item, stems) for item in rank(found, limit)]

    def query_stems(self, understood: Understood) -> set[str]:
        stems = {self.stem(w) for w in positive_words(understood.tree)}
        for stem in list(stems):
            stems.update(s for alt in self.compiler.synonyms.get(stem, []) for s in alt)
        return stems

    def to_hit(self, found: Scored, stems: set[str]) -> Hit:
        fields = found.fields
        why = [f"{name}: {', '.join(sorted(matched))}" for name in SHOWN_FIELDS
               if (matched := stems & {self.stem(w) for w in fields.get(name, "").split()})]
        return Hit(id=fields["id"], type=fields["type"], title=fields["title"],
                   section=fields["section"], url=absolute_url(self.config, fields["url"]),
                   snippet=highlight(fields.get("body", ""), stems, self.stem),
                   score=round(found.score, 3), status=fields["status"], why=why + found.why)


__all__ = ["SearchIndex", "Hit", "Outcome", "NoIndex", "BadQuery", "MAX_QUERY_CHARS", "TEXT_FIELDS"]
