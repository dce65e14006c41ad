"""The search engine behind `kc search`, as a small interface.

An Engine writes the section index of a build (`write`), changes one document's
sections (`update`, `delete`) and opens the index for queries (`open`, a
query.SearchIndex: ranked sections, the vocabulary for 'did you mean').
tantivy is the default; whoosh is kept for sites that ask for it with
`search: {engine: whoosh}` in site_config.yml.
"""
from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Protocol

from generator.errors import ConfigError

from .query import SearchIndex

if TYPE_CHECKING:
    from generator.config import SiteConfig

ENGINES = {"tantivy": "search.tantivy_engine", "whoosh": "search.whoosh_engine"}
DEFAULT_ENGINE = "tantivy"
SEARCH_DIR = Path("_search")


class Engine(Protocol):
    name: str

    def write(self, entries: Iterable[dict], index_dir: Path) -> None:
        """(Re)create the index at index_dir with these entries (one per section)."""

    def update(self, index_dir: Path, doc_id: str, entries: Iterable[dict]) -> None:
        """Replace one document's sections."""

    def delete(self, index_dir: Path, doc_id: str) -> None:
        """Remove one document's sections."""

    def open(self, index_dir: Path, config: SiteConfig) -> SearchIndex:
        """The index, ready for queries."""


def engine(name: str | None = None) -> Engine:
    try:
        return importlib.import_module(ENGINES[name or DEFAULT_ENGINE]).ENGINE
    except ImportError as exc:
        raise ConfigError(f"site_config.yml: search.engine is {name}, but its library is not "
                          f"installed ({exc.name}); install it with: pip install 'kc[{name}]', "
                          f"or remove the setting to use {DEFAULT_ENGINE}") from exc


def index_dir(out_dir: Path, name: str) -> Path:
    return Path(out_dir) / SEARCH_DIR / name


def open_index(config: SiteConfig, out_dir: str | Path | None = None) -> SearchIndex:
    chosen = engine(config.search.engine)
    root = Path(out_dir) if out_dir else config.output_path
    return chosen.open(index_dir(root, chosen.name), config)
