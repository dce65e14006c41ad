"""A kc body as MkDocs Markdown.

    [[id]], [[id#anchor]], [[id|text]]  ->  [Title](../policies/id.md#anchor)
    [text](../policies/file.md#a)        ->  [text](../policies/id.md#a)   (the exported file)
    [text](/policies/id/#a)              ->  [text](../policies/id.md#a)   (site-absolute, XREF005)
    ## Heading                           ->  ## Heading {#kc-anchor}       (attr_list)
    ![alt](flow.png), [form](a/f.pdf)    ->  ![alt](../files/policies/flow.png)  (copied, as kc does)
    raw HTML                            ->  the same HTML through kc's sanitizer, links rewritten

Every heading gets the id kc gives it, so `[[id#anchor]]` lands where it does in kc and
`mkdocs build --strict` can check it (MkDocs' own slugs differ: `enforcement--appeals`
in kc is `enforcement-appeals` there). A reference to a document that is not exported
(another audience, a draft) becomes its text, as in a kc build: never a link or a title.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import quote

from .. import markdown, raw_html
from ..document import Document
from ..files import OUTPUT_FOLDER, file_link
from ..render import ALLOWED_TAGS, Resolver, sanitize
from . import lists
from .edits import LineEdits


@dataclass
class Exported:
    """The documents of one export: id -> document, and where each is written."""
    by_id: dict[str, Document]
    paths: dict[str, str]                       # id -> path under docs/, e.g. "policies/spam.md"
    by_src: dict[str, Document] = field(default_factory=dict)

    def __post_init__(self):
        self.by_src = {doc.src_path: doc for doc in self.by_id.values()}
        from ..redirects import aliases_of
        self.aliases = {alias: doc for doc in self.by_id.values() for alias in aliases_of(doc)}

    def find(self, doc_id: str | None) -> Document | None:
        """The exported document with this id, or the one that took it over (`aliases:`), as in kc."""
        return self.by_id.get(doc_id) or self.aliases.get(doc_id) if doc_id else None

    def link(self, source: Document, target: Document, anchor: str | None) -> str:
        here = posixpath.dirname(self.paths[source.id])
        href = posixpath.relpath(self.paths[target.id], here or ".")
        return href + (f"#{anchor}" if anchor else "")


MD_SPECIAL = re.compile(r"([\\`*_\[\]|])")


def md_text(text) -> str:
    """Front-matter text (kc shows it as plain text) as Markdown that shows the same text:
    HTML and Markdown characters escaped, on one line. MkDocs would render `<img onerror>`
    in a title or summary as HTML."""
    text = " ".join(str(text).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = MD_SPECIAL.sub(r"\\\1", text)
    return "\\" + text if text[:1] in ("#", "+", "-", "!", "=") else text


def html_text(text) -> str:
    """Text for where MkDocs puts it into HTML as it is (page titles, nav, site name, meta)."""
    from html import escape
    return escape(" ".join(str(text).split()), quote=True)


def convert(doc: Document, exported: Exported) -> str:
    tokens = markdown.parse(doc.body)
    edits = LineEdits(doc.body)
    resolver = ExportResolver(doc, exported)
    for line, pad in lists.indent_pads(tokens, edits.lines).items():
        edits.prefix(line, " " * pad)
    for line in lists.blank_before_lists(tokens, edits.lines):
        edits.prefix(line, "\n")
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.map:
            line = token.map[0] if token.markup.startswith("#") else token.map[1] - 2
            edits.heading_id(line, token.attrGet("id") or None)
        elif token.type == "html_block" and token.map:
            clean = raw_html.rewrite_links(sanitize(token.content), resolver.link, resolver.image)
            if clean.strip() != token.content.strip():
                for offset, text in enumerate(block_lines(clean, token.map[1] - token.map[0])):
                    edits.replace_line(token.map[0] + offset, text)
        elif token.type == "admonition_open" and not token.markup and token.map:
            github_alert(edits, token)
        elif token.type == "inline" and token.children:
            inline_edits(token, resolver, edits)
    text, _missed = edits.apply()
    return text


ALERT_LINE = re.compile(r"^( {0,3})> ?")


def github_alert(edits: LineEdits, token) -> None:
    """`> [!WARNING]` + `> text` (a GitHub alert, kc's admonition) -> `!!! warning` + `    text`."""
    first, end = token.map
    lines = edits.lines
    if not ALERT_LINE.match(lines[first]):
        return                          # inside a list or another container: left as written
    edits.replace_line(first, f"{ALERT_LINE.match(lines[first]).group(1)}!!! {token.meta['tag']}")
    for index in range(first + 1, min(end, len(lines))):
        match = ALERT_LINE.match(lines[index])
        text = lines[index][match.end():] if match else lines[index].lstrip()
        edits.replace_line(index, "    " + text if text.strip() else "")


def block_lines(html: str, count: int) -> list[str]:
    """`count` lines holding html (the block keeps its place and its line count)."""
    lines = html.rstrip("\n").split("\n")
    if len(lines) > count:
        lines = lines[:count - 1] + [" ".join(lines[count - 1:])]
    return lines + [""] * (count - len(lines))


class ExportResolver(Resolver):
    """kc's own resolver (the same answers as in `kc build`: aliases, relative and
    site-absolute links), with hrefs to the exported .md files instead of page URLs."""

    def __init__(self, current: Document, exported: Exported):
        super().__init__(current, exported.by_id, exported.by_src)
        self.exported = exported

    def href_to(self, target: Document, anchor: str | None) -> str:
        return self.exported.link(self.current, target, anchor)

    def _file(self, href: str) -> list | None:
        """[href of the file's copy under docs/files/, width, height] (see generator/files.py)."""
        found = self.current.files.get(href)
        if found is None:
            return None
        fragment = file_link(href)[1]
        here = posixpath.dirname(self.exported.paths[self.current.id])
        copy = quote(posixpath.relpath(f"{OUTPUT_FOLDER}/{found.path}", here or "."))
        return [copy + (f"#{fragment}" if fragment else ""), found.width, found.height]


def inline_edits(token, resolver: ExportResolver, edits: LineEdits) -> None:
    start = token.map[0] if token.map else 0
    for child in token.children:
        if child.type == "wikilink":
            meta = child.meta
            line = start + token.content[: meta["offset"]].count("\n")
            edits.replace(line, child.content, wikilink(meta, resolver))
        elif child.type == "link_open":
            href = str(child.attrGet("href") or "")
            new_href = resolver.link(href)
            if new_href is not None:
                line = start + markdown._line_of(token.content, f"]({href}")
                edits.replace(line, f"]({href}", "](" + (new_href or "#"))  # "": not exported
        elif child.type == "image":
            src = str(child.attrGet("src") or "")
            found = resolver.image(src)
            if found is not None:
                line = start + markdown._line_of(token.content, f"]({src}")
                edits.replace(line, f"]({src}", f"]({found[0]}")
        elif child.type == "html_inline":
            line = start + markdown._line_of(token.content, child.content)
            if not safe_tag(child.content):
                edits.replace(line, child.content, escape_html(child.content))
            elif (fixed := raw_html.rewrite_links(child.content, resolver.link, resolver.image)) != child.content:
                edits.replace(line, child.content, fixed)


TAG_NAME = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")


def safe_tag(tag: str) -> bool:
    """An inline tag kc's sanitizer keeps as written (an allowed tag with allowed attributes)."""
    match = TAG_NAME.match(tag)
    if not match or match.group(2).lower() not in ALLOWED_TAGS:
        return False
    if match.group(1):
        return True
    closing = f"</{match.group(2)}>"
    return sanitize(tag + closing) == tag + closing


def escape_html(text: str) -> str:
    """Raw HTML kc would not keep, shown as text (MkDocs itself sanitizes nothing)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def wikilink(meta: dict, resolver: ExportResolver) -> str:
    resolved = resolver.ref(meta["target"], meta["anchor"])
    if resolved is None:
        return md_text(meta["text"] or meta["target"])
    href, title = resolved
    return f"[{md_text(meta['text'] or title)}]({href})"
