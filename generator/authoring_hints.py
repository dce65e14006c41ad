"""Mistakes authors make in front matter and file names, explained so they can act on them.

    yaml_error()       a YAML error, re-worded when the cause is a tab character
    unclosed()         the opening `---` has no closing `---`
    hash_comments()    `summary: Ask in #ts-policy` — YAML keeps only "Ask in"
    lookalikes()       files kc does not read although they look like content
"""
from __future__ import annotations

import re
import os
from pathlib import Path

from .diagnostics import Diagnostics

# An unquoted value, then ` #` directly followed by text: a hashtag or channel name that
# YAML reads as the start of a comment. (`key: value  # a comment` has a space after `#`.)
# Two simple scans instead of one regex with a lazy value: that one was quadratic on long
# runs of spaces.
KEY_PART = re.compile(r"^(?P<lead>[ \t]*(?:-[ \t]+)?(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]+)")
COMMENT_START = re.compile(r"[ \t]#(?=\S)")
QUOTED_OR_SPECIAL = set("'\"[{|>&*!#%@`")
LOOKALIKE = re.compile(r"\.(md|markdown|mdown|mkd|mkdn)(\.txt)?$", re.IGNORECASE)


def yaml_error(yaml_text: str, first_line: int, line: int, column: int, problem: str
               ) -> tuple[int, int, str, str]:
    """(line, column, message, hint) for a YAML001, naming a tab when one is the cause."""
    lines = yaml_text.splitlines()
    for index in (line - first_line, line - first_line - 1):   # the error line, or the one before
        if 0 <= index < len(lines) and "\t" in lines[index]:
            tab_line = first_line + index
            return (tab_line, lines[index].index("\t") + 1,
                    "this line contains a tab character; YAML needs spaces, not tabs",
                    "replace the tab with spaces (indent nested items with two spaces)")
    return (line, column, f"malformed front matter: {problem}",
            "fix the YAML syntax here; quote values that contain ':' or '#'")


def unclosed(diagnostics: Diagnostics, rel: str) -> None:
    diagnostics.add("FM004", rel, 1, 1,
                    "the front matter that starts here is never closed: no second `---` line",
                    "add a line with just `---` after the last field, before the document's text")


def hash_comments(diagnostics: Diagnostics, rel: str, yaml_text: str, first_line: int) -> None:
    for index, text in enumerate(yaml_text.splitlines()):
        if " #" not in text and "\t#" not in text:
            continue
        match = KEY_PART.match(text)
        if not match:
            continue
        value_text = text[match.end():]
        if not value_text or value_text[0] in QUOTED_OR_SPECIAL or value_text[0].isspace():
            continue
        cut = COMMENT_START.search(value_text)
        if cut is None:
            continue
        key, value, rest = match["key"], value_text[:cut.start()].rstrip(), value_text[cut.end():]
        diagnostics.add("YAML002", rel, first_line + index, len(match["lead"]) + 1,
                        f"`{key}` is read as '{value}': YAML treats ' #{rest}' as a comment "
                        f"and drops it",
                        f'put the value in quotes: {key}: "{value} #{rest}"')


def lookalikes(content: Path, root: Path) -> Diagnostics:
    """Files under content/ that look like documents but are not read (kc reads `*.md`)."""
    diagnostics = Diagnostics()
    found = [Path(folder) / name for folder, _dirs, names in os.walk(content) for name in names
             if not name.endswith(".md") and LOOKALIKE.search(name)]   # names first: sorting every
    for path in sorted(found):                                         # Path of a big corpus cost 2 s
        name = path.name
        if not path.is_file():
            continue
        stem = LOOKALIKE.sub("", name)
        try:
            rel = path.relative_to(root).as_posix()
        except ValueError:
            rel = path.as_posix()
        diagnostics.add("LOAD004", rel, 1, 1,
                        f"'{name}' is not read: kc only reads files whose name ends in `.md`",
                        f"rename it to '{stem}.md' if it is a document")
    return diagnostics
