"""Split a document's Markdown into sections: the text under each heading.

Computed from the Markdown tokens (not the rendered HTML), so an index can be
built from a Site alone. Raw HTML blocks are skipped: they are markup, and an
HTML comment is never meant for readers.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from markdown_it.token import Token

from generator.markdown import parse

TitleOf = Callable[[str], "str | None"]   # document id -> title, None when not published
TEXT_CHILDREN = ("text", "code_inline")
BLOCK_TEXT = ("fence", "code_block")


@dataclass
class Section:
    heading: str              # "" for the text before the first heading
    anchor: str               # "" for the text before the first heading
    level: int                # 0 for the text before the first heading
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(part for part in self.parts if part)


def sections(body: str, title_of: TitleOf = lambda _id: None) -> list[Section]:
    """The sections of a Markdown body, in order; empty leading text is dropped."""
    tokens = parse(body)
    found = [Section("", "", 0)]
    skip_inline = False
    for token in tokens:
        if token.type == "heading_open":
            found.append(Section("", token.attrGet("id") or "", int(token.tag[1])))
            skip_inline = True
        elif token.type == "inline" and skip_inline:
            found[-1].heading = inline_text(token, title_of).strip()
            skip_inline = False
        elif token.type == "inline":
            found[-1].parts.append(inline_text(token, title_of))
        elif token.type in BLOCK_TEXT:
            found[-1].parts.append(token.content)
    if not found[0].text.strip():
        found.pop(0)
    return found


def inline_text(token: Token, title_of: TitleOf) -> str:
    words = []
    for child in token.children or []:
        if child.type in TEXT_CHILDREN:
            words.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            words.append(" ")
        elif child.type == "image":
            words.append(child.content)
        elif child.type == "wikilink":
            words.append(child.meta["text"] or title_of(child.meta["target"]) or "")
    return "".join(words)
