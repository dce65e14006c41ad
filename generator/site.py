"""The one object that carries the corpus through the pipeline."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .config import SiteConfig
from .diagnostics import Diagnostics
from .document import Document, Team


@dataclass
class Site:
    config: SiteConfig
    today: date
    documents: list[Document] = field(default_factory=list)   # every loaded file, by path
    teams: dict[str, Team] = field(default_factory=dict)
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    by_id: dict[str, Document] = field(default_factory=dict)  # filled by link
    successors: dict[str, str] = field(default_factory=dict)  # old id -> id that supersedes it
    history: object = None   # generator.history.SiteHistory, read on first use (site_history)

    def of_type(self, doc_type: str) -> list[Document]:
        return [d for d in self.documents if d.type == doc_type]

    def successor_chain(self, doc_id: str) -> list[str]:
        """Ids that supersede doc_id, newest last: a -> b -> c gives [b, c]."""
        chain: list[str] = []
        current = doc_id
        while current in self.successors and self.successors[current] not in chain:
            current = self.successors[current]
            chain.append(current)
        return chain
