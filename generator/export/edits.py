"""Edit Markdown source text at places markdown-it found, without re-serialising it.

Tokens say which line a construct is on; the edit replaces the first occurrence of its
source text on that line at or after the previous edit, so constructs inside code spans
and fenced blocks (which markdown-it does not report) stay untouched.
"""
from __future__ import annotations

from collections import defaultdict


class LineEdits:
    def __init__(self, text: str):
        self.lines = text.split("\n")
        self.replacements: dict[int, list[tuple[str, str]]] = defaultdict(list)
        self.suffixes: dict[int, str] = {}
        self.prefixes: dict[int, str] = {}

    def replace(self, line: int, old: str, new: str) -> None:
        """Replace `old` by `new` on 0-based `line` (in the order the calls are made)."""
        self.replacements[line].append((old, new))

    def replace_line(self, line: int, new: str) -> None:
        """Replace the whole of 0-based `line` (before any other edit of that line)."""
        if 0 <= line < len(self.lines):
            self.lines[line] = new

    def prefix(self, line: int, text: str) -> None:
        """Put text before 0-based `line` (spaces to indent it, "\\n" for a blank line above)."""
        self.prefixes[line] = text + self.prefixes.get(line, "")

    def heading_id(self, line: int, anchor: str | None) -> None:
        """End the heading text on `line` with ` {#anchor}` (None: drop an explicit id)."""
        self.suffixes[line] = f" {{#{anchor}}}" if anchor else ""

    def apply(self) -> tuple[str, list[str]]:
        """The edited text, and the source snippets that could not be found."""
        missed: list[str] = []
        lines = list(self.lines)
        for index, pairs in self.replacements.items():
            if not 0 <= index < len(lines):
                missed.extend(old for old, _ in pairs)
                continue
            line, cursor = lines[index], 0
            for old, new in pairs:
                at = line.find(old, cursor)
                if at < 0:
                    if not self._on_next_line(lines, index + 1, old, new):
                        missed.append(old)
                    continue
                line = line[:at] + new + line[at + len(old):]
                cursor = at + len(new)
            lines[index] = line
        for index, suffix in self.suffixes.items():
            if 0 <= index < len(lines):
                lines[index] = heading_text(lines[index]) + suffix
        for index, text in self.prefixes.items():
            if 0 <= index < len(lines):
                lines[index] = text + lines[index]
        return "\n".join(lines), missed

    @staticmethod
    def _on_next_line(lines: list[str], index: int, old: str, new: str) -> bool:
        """Where a token's line is one too early (a GitHub alert's marker line is dropped
        from its paragraph), the text is on the next line."""
        if index >= len(lines) or old not in lines[index]:
            return False
        lines[index] = lines[index].replace(old, new, 1)
        return True


def heading_text(line: str) -> str:
    """A heading line without its explicit `{#id}` and its closing `#`s."""
    from ..markdown import split_heading_id
    text = split_heading_id(line.rstrip())[0].rstrip()
    stripped = text.rstrip("#")
    if stripped != text and (stripped.endswith((" ", "\t")) or not stripped.strip(" #")):
        text = stripped.rstrip()
    return text
