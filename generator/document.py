"""A content document as loaded from disk, with its source positions."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .content_names import AUDIENCES

Loc = tuple  # a path into the front matter, e.g. ("quiz", 0, "answer")


@dataclass
class Heading:
    level: int
    text: str
    anchor: str
    line: int  # 1-based line in the source file


@dataclass
class Team:
    id: str
    name: str
    contact: str
    description: str = ""
    public: bool = False     # shown (page, contact) in public builds only when true


# Documents compare by identity: field-by-field equality made `doc in list` and
# `list.index(doc)` deep comparisons, 59 million of them in a 10,000-document build.
@dataclass(eq=False)
class Document:
    src_path: str            # relative to the site root, e.g. "content/policies/spam.md"
    type: str                # decided by the folder
    meta: dict[str, Any]     # raw front matter
    body: str
    body_line: int           # 1-based file line of the body's first line
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)  # loc -> (line, column)
    fields: Any = None       # the validated pydantic model, None when invalid
    partial: dict[str, Any] = field(default_factory=dict)  # the fields that validated, when invalid
    headings: list[Heading] = field(default_factory=list)
    references: list = field(default_factory=list)  # markdown.Reference: [[id]] and .md links in the body
    files: dict = field(default_factory=dict)  # href -> files.ContentFile: images/attachments it links (link stage)
    digest: str = ""         # hash of the path and the file's text: equal digests, equal documents

    @property
    def id(self) -> str | None:
        value = self.meta.get("id")
        return value if isinstance(value, str) else None

    @property
    def valid(self) -> bool:
        return self.fields is not None

    def get(self, name: str, default: Any = None) -> Any:
        """A validated field; for an invalid document, the field if it validated on its own."""
        fields = self.fields
        if fields is not None:
            values = fields.__dict__           # a field's value, without pydantic's __getattr__
            return values[name] if name in values else getattr(fields, name, default)
        return self.partial.get(name, default)

    @property
    def title(self) -> str:
        return self.get("title") or str(self.meta.get("title") or self.id or self.src_path)

    @property
    def status(self) -> str:
        return self.get("status", "active")

    @property
    def audience(self) -> str:
        return self.get("audience", "internal")

    @property
    def audience_rank(self) -> int:
        return AUDIENCES.index(self.audience)

    @property
    def anchors(self) -> list[str]:
        return [h.anchor for h in self.headings]

    def position(self, *loc: Any) -> tuple[int, int]:
        """(line, column) of a front-matter key or item; falls back to the nearest parent."""
        while loc:
            if loc in self.positions:
                return self.positions[loc]
            loc = loc[:-1]
        return (1, 1)

    def visible_to(self, audience: str) -> bool:
        return self.audience_rank <= AUDIENCES.index(audience)
