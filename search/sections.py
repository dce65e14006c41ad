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
    return resolve(skeleton(parse(body)), title_of)


# A skeleton is the sections with their text still in segments: a str, or [id] for a
# [[id]] reference written without its own text (its title depends on the build). The
# render stage makes it from the tokens it parsed anyway and keeps it with the rendered
# body, so a build parses each body once for both the page and the index.
Skeleton = list   # [[heading segments, anchor, level, [part segments, ...]], ...]


def skeleton(tokens: list[Token]) -> Skeleton:
    found: Skeleton = [[[], "", 0, []]]
    skip_inline = False
    for token in tokens:
        if token.type == "heading_open":
            found.append([[], token.attrGet("id") or "", int(token.tag[1]), []])
            skip_inline = True
        elif token.type == "inline" and skip_inline:
            found[-1][0] = inline_segments(token)
            skip_inline = False
        elif token.type == "inline":
            found[-1][3].append(inline_segments(token))
        elif token.type in BLOCK_TEXT:
            found[-1][3].append([token.content])
    return found


def resolve(found: Skeleton, title_of: TitleOf) -> list[Section]:
    def text(segments: list) -> str:
        return "".join(s if isinstance(s, str) else title_of(s[0]) or "" for s in segments)
    result = [Section(text(heading).strip(), anchor, level, [text(part) for part in parts])
              for heading, anchor, level, parts in found]
    if not result[0].text.strip():
        result.pop(0)
    return result


def inline_segments(token: Token) -> list:
    words: list = []
    for child in token.children or []:
        if child.type in TEXT_CHILDREN:
            words.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            words.append(" ")
        elif child.type == "image":
            words.append(child.content)
        elif child.type == "wikilink":
            words.append(child.meta["text"] or [child.meta["target"]])
    return words

