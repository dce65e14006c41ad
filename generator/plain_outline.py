"""The outline of a plain body (headings and `[[id]]` references) without a Markdown parse.

`kc check` needs each body's outline, not its HTML; a full markdown-it parse costs
~0.8 ms per body and was most of a cold `kc check`/`kc report` at 10,000 documents.
Most bodies are plain: ATX headings at the start of a line, paragraphs, simple lists and
tables, `[[id]]` references. For those the outline can be read line by line.

`outline(body)` returns exactly what `markdown.headings()`/`markdown.references()` give
for the parsed body, or None when the body holds anything whose meaning depends on the
Markdown parse (code, raw HTML, links, escapes, block quotes, setext headings, footnotes,
admonitions, nested or indented structures, tables holding references...). None means
"parse it"; the rules below only ever decline, never guess. `tests/test_plain_outline.py`
checks the equivalence against the full parse on generated bodies (hypothesis).
"""
from __future__ import annotations

import re
from functools import lru_cache

from mdit_py_plugins.anchors.index import unique_slug

from .gfm import AUTOLINK_HINT, slugify

# Anywhere in the body, any of these makes the outline depend on the parse: code (` and
# ~~~; ~ is also GitHub's single-tilde strikethrough, which re-tokenizes a span), raw HTML
# and autolinks (<), escapes (\\), line endings and whitespace markdown-it reads differently
# from Python (\r, \0, tabs, other controls, Unicode spaces; `str.isspace` is the list),
# inline and reference links and images (]( ][ ]:) and footnotes ([^ ^[).
DECLINE_CHARACTER = re.compile("[\x00-\x09\x0b-\x1f`~<\\\\\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
# A line starting like this opens a block structure that changes where lines belong:
# a block quote or GitHub alert (>, also inside a list item), a setext underline (= or -
# alone), a definition (: or ~), an admonition (!!! ???, also inside a list item), a task-list box, a list item
# opening another list (nesting), deep indentation (nesting limits), and a `#` after
# indentation or a list marker (it may or may not be a heading).
LINE_SUSPECT = frozenset(" >*+-0123456789.):~!?=")
DECLINE_LINE = re.compile(
    r"[ >*+\-0-9.)]*>"
    r"| {0,3}(?:=+|-+) *$"
    r"| {0,3}[:~]"
    r"|[ *+\-0-9.)]*(?:!!!|\?\?\?)"
    r"| *(?:[-*+]|\d{1,9}[.)]) +\[[ xX]\]"
    r"| *(?:[-*+]|\d{1,9}[.)]) +(?:[-*+]|\d{1,9}[.)])(?: |$)"
    r"| {8}"
    r"|[ *+\-0-9.)]+#")
ATX = re.compile(r"(#{1,6})(?: (.*))?")
# Heading text made only of characters that are plain text in a heading (its anchor is then
# the slug of the text as written).
PLAIN_HEADING = re.compile(r"[^\\`*_\[\]<>&!~{}|:@^]*")
LINKIFY_SCHEME = re.compile(r"://|mailto:", re.IGNORECASE)
CONTAINER_PREFIX = re.compile(r"[ *+\-0-9.)]*")
TABLE_START = frozenset(" |:-")   # `in` on "" (the last line) is True too: harmless
TABLE_DELIMITER = re.compile(r" *[|:\- ]*-[|:\- ]* *")


def outline(body: str) -> tuple[list[list], list[list]] | None:
    """([[level, text, anchor, line]...], [[kind, target, anchor, line, needle]...]) with 0-based
    lines, as the outline cache stores them; None when the body needs the full parse."""
    from .markdown import WIKILINK
    if (DECLINE_CHARACTER.search(body) or "](" in body or "][" in body or "]:" in body
            or "[^" in body or "^[" in body):
        return None
    lines = body.split("\n")
    headings: list[list] = []
    references: list[list] = []
    slugs: set[str] = set()
    in_table = False
    for number, line in enumerate(lines):
        if not line.strip(" "):
            in_table = False
            continue
        if line[0] in LINE_SUSPECT and DECLINE_LINE.match(line):
            return None
        if not in_table and number + 1 < len(lines) and lines[number + 1][:1] in TABLE_START \
                and TABLE_DELIMITER.fullmatch(lines[number + 1]):
            in_table = True   # a possible table: its header and rows start here, a cell splits at `|`
        if line[0] == "#":
            if in_table:
                return None
            heading = ATX.fullmatch(line)
            if heading is not None:
                text = heading_text(heading.group(2) or "")
                if text is None:
                    return None
                headings.append([len(heading.group(1)), text, unique_slug(heading_slug(text), slugs), number])
                continue
        if "[[" not in line:
            continue
        if in_table or "    " in CONTAINER_PREFIX.match(line).group() or LINKIFY_SCHEME.search(line):
            return None       # a table cell; maybe indented code (also after a list marker); a URL may run on
        for match in WIKILINK.finditer(line):
            references.append(["wikilink", match.group(1).strip(), (match.group(2) or "").strip() or None,
                               number, match.group(0)])
    return headings, references


@lru_cache(maxsize=4096)
def heading_slug(text: str) -> str:
    return slugify(text)   # documents repeat their heading texts: Summary, Details, Examples...


def heading_text(raw: str) -> str | None:
    """The text of an ATX heading's content after `#`s, or None when it is not plain text."""
    content = raw.rstrip(" ")
    closing = content.rstrip("#")
    if len(closing) < len(content) and (closing == "" or closing.endswith(" ")):
        content = closing     # the optional closing sequence: `## Title ##`
    content = content.strip(" ")
    if not PLAIN_HEADING.fullmatch(content) or AUTOLINK_HINT.search(content):
        return None
    return content
