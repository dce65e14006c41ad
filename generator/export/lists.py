"""Lists as Python-Markdown (MkDocs) reads them.

CommonMark nests a list under an item indented to the item's text (`1. Step` then
`   - detail`, three spaces); Python-Markdown needs four spaces per level, and reads
`   - detail` as the next item of the outer list, so a playbook's sub-steps would become
numbered steps. It also needs a blank line between a paragraph and a list. This module
adds the missing spaces and blank lines; the text itself is untouched.
"""
from __future__ import annotations

import re

from markdown_it.token import Token

TAB_LENGTH = 4      # Python-Markdown's indentation unit
LEADING = re.compile(r"^ *")


def indent_pads(tokens: list[Token], lines: list[str]) -> dict[int, int]:
    """0-based line -> spaces to add at its start, so nested blocks sit 4 spaces per level in."""
    pads: dict[int, int] = {}
    for token in tokens:
        if token.type != "list_item_open" or not token.map:
            continue
        first, end = token.map
        content = content_column(lines[first], token) if first < len(lines) else None
        if content is None:
            continue
        marker, column = content
        pad = TAB_LENGTH - (column - marker)
        if pad <= 0:
            continue
        for index in range(first + 1, min(end, len(lines))):
            line = lines[index]
            if line.strip() and len(LEADING.match(line).group(0)) >= column:
                pads[index] = pads.get(index, 0) + pad
    return pads


def content_column(line: str, token: Token) -> tuple[int, int] | None:
    """(marker column, text column) of an item's first line; None inside a blockquote or with tabs."""
    if "\t" in line or line.lstrip().startswith(">"):
        return None
    marker = token.info + token.markup if token.info else token.markup
    start = len(LEADING.match(line).group(0))
    if not line.startswith(marker, start):
        return None
    after = start + len(marker)
    spaces = len(LEADING.match(line[after:]).group(0))
    if spaces == 0 and after < len(line):
        return None
    return start, after + (spaces if 1 <= spaces <= 4 else 1)


def blank_before_lists(tokens: list[Token], lines: list[str]) -> set[int]:
    """First lines of top-level lists that follow a paragraph line directly."""
    found = set()
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open") and token.level == 0 and token.map:
            first = token.map[0]
            if 0 < first < len(lines) and lines[first - 1].strip():
                found.add(first)
    return found
