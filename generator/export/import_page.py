"""One MkDocs page as one kc document body.

    relative .md links      -> [[id]], [[id#anchor]], [[id#anchor|text]]
    ## Heading {: #x .cls }  -> ## Heading {#x}      (kc's explicit id; classes dropped)
    ## Heading              -> ## Heading {#slug}   when MkDocs' slug differs from kc's,
                                                    so links written for MkDocs still land
    <!-- kc:facts --> ...   -> removed (kc shows the facts from the front matter)

Images and attachments are copied to content/assets/<path under docs/>. What kc cannot
show (content tabs, snippets, macros, icons) is left as it is and reported, page by page.
"""
from __future__ import annotations

import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from .. import markdown, raw_html
from ..files import PUBLISHED_TYPES, file_link
from .edits import LineEdits
from .page import EXTRA, FACTS

ASSETS = "assets"      # under content/: where kc keeps files shared by documents

ATTR_LIST = re.compile(r"\s*\{:?\s*([^{}\n]*)\}\s*$")
MKDOCS_ONLY = [(re.compile(r"^\s*=== \"", re.M), "content tabs (=== \"Tab\")"),
               (re.compile(r"--8<--"), "snippets (--8<--)"),
               (re.compile(r"\{\{.*\}\}"), "macros ({{ ... }})"),
               (re.compile(r":(?:material|fontawesome|octicons|simple)-[\w-]+:"), "icons (:material-...:)")]
ATTR = re.compile(r"[#.][\w:.-]+|[\w-]+=\S*")


@dataclass
class Target:
    """An imported page others may link to: its new id, title, file and heading ids."""
    id: str
    title: str
    path: str                       # under content/, e.g. "policies/spam.md"
    anchors: set[str] = field(default_factory=set)


def mkdocs_slug(text: str) -> str:
    """Python-Markdown's default toc slug (what MkDocs links to): 'Enforcement & Appeals' ->
    'enforcement-appeals'."""
    value = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


def strip_generated(body: str) -> str:
    """Drop the blocks `kc export mkdocs` generated from the front matter."""
    for name in (FACTS, EXTRA):
        body = re.sub(rf"<!-- {name} -->.*?<!-- /{name} -->\n?", "", body, flags=re.S)
    return body.strip("\n") + "\n"


class Source:
    """A page body parsed once; headings and links are edited in place, `text()` at the end."""

    def __init__(self, body: str):
        self.tokens = markdown.parse(body)
        self.edits = LineEdits(body)

    def text(self) -> tuple[str, list[str]]:
        return self.edits.apply()


def heading_ids(source: Source) -> list[str]:
    """Edit headings to kc-style ids; the ids they end up with (for links to them)."""
    edits, lines = source.edits, source.edits.lines
    anchors = []
    for token in source.tokens:
        if token.type != "heading_open" or not token.map:
            continue
        line = token.map[0] if token.markup.startswith("#") else token.map[1] - 2
        if not 0 <= line < len(lines):
            continue
        text, explicit = attr_list_id(lines[line])
        words = heading_words(text) if token.markup.startswith("#") else text.strip()
        kc_slug = markdown.slugify(words)
        wanted = explicit or mkdocs_slug(words)      # the id MkDocs gave the heading
        if wanted != kc_slug and markdown.HEADING_ID.fullmatch("{#" + wanted + "}"):
            text += f" {{#{wanted}}}"
            anchors.append(wanted)
        else:
            anchors.append(kc_slug)
        if text != lines[line].rstrip():
            edits.replace_line(line, text)
    return anchors


def attr_list_id(line: str) -> tuple[str, str | None]:
    """('## Heading', 'x') for '## Heading {: #x .cls }'; (line, None) without an attr list."""
    match = ATTR_LIST.search(line)
    if not match or not all(ATTR.fullmatch(part) for part in match.group(1).split()):
        return line.rstrip(), None
    ids = [part[1:] for part in match.group(1).split() if part.startswith("#")]
    return line[:match.start()].rstrip(), (ids[0] if ids else "")


def heading_words(line: str) -> str:
    """The words of an ATX heading line ('## Steps ##' -> 'Steps'), quotes and blockquote marks aside."""
    words = line.strip().lstrip(">").strip().lstrip("#").strip()
    closed = words.rstrip("#")
    return (closed if closed != words and closed.endswith(" ") else words).strip()


def convert_links(source: Source, page_path: str, new_path: str, pages: dict[str, Target]) -> list[str]:
    """Relative .md links to [[id]] references; returns what could not be mapped."""
    edits, lines, notes = source.edits, source.edits.lines, []
    for token in source.tokens:
        if token.type != "inline" or not token.children:
            continue
        start = token.map[0] if token.map else 0
        children = token.children
        for index, child in enumerate(children):
            if child.type != "link_open":
                continue
            href = str(child.attrGet("href") or "")
            ref = markdown.relative_md_link(href)
            if ref is None:
                continue
            path, anchor = ref
            target = pages.get(posixpath.normpath(posixpath.join(posixpath.dirname(page_path), path)))
            line = start + markdown._line_of(token.content, f"]({href}")
            written = source_link(lines, line, href)
            if target is None:
                if written:
                    edits.replace(line, written, written[1:written.rindex("](")])
                notes.append(f"link to {path}: no such page was imported; "
                             f"{'kept its text only' if written else 'left as it is'}")
                continue
            if anchor and anchor not in target.anchors:
                notes.append(f"link to {path}#{anchor}: no such heading; the link goes to the page")
                anchor = None
            text = link_words(children, index)
            if written:
                edits.replace(line, written, reference(target, anchor, text))
            else:   # a link over several lines: keep it, pointing at the imported file
                new_href = posixpath.relpath(target.path, posixpath.dirname(new_path))
                edits.replace(line, f"]({href}", f"]({new_href}" + (f"#{anchor}" if anchor else ""))
    return notes


def link_words(children, index: int) -> str:
    words = []
    for child in children[index + 1:]:
        if child.type == "link_close":
            break
        words.append(child.content)
    return "".join(words)


def source_link(lines: list[str], line: int, href: str) -> str | None:
    """The link as written on the line: `[text](href)` or `[text](href "title")`."""
    if not 0 <= line < len(lines):
        return None
    match = re.search(r"\[[^\[\]\n]*\]\(" + re.escape(href) + r'(?:\s+"[^"\n]*")?\)', lines[line])
    return match.group(0) if match else None


def reference(target: Target, anchor: str | None, text: str) -> str:
    ref = target.id + (f"#{anchor}" if anchor else "")
    if not text or text == target.title or re.search(r"[\[\]|\n]", text):
        return f"[[{ref}]]"
    return f"[[{ref}|{text}]]"


def unmappable(body: str) -> list[str]:
    """What the page uses that kc does not show as MkDocs does."""
    notes = []
    for pattern, what in MKDOCS_ONLY:
        if pattern.search(body):
            notes.append(f"uses {what}: kc shows it as plain text")
    return notes


def convert_files(source: Source, page_path: str, new_path: str, docs_dir: Path) -> tuple[dict, list[str]]:
    """Images and attachments the page links (Markdown or raw HTML), copied to
    content/assets/<path under docs/>: ({path under content/: file to copy}, notes).
    Links are pointed at the copies."""
    copies, notes = {}, []
    root = docs_dir.resolve()

    def copy(href: str) -> str | None:
        found = file_link(href)
        if found is None:
            return None
        path, fragment = found
        rel = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), path))
        original = docs_dir / rel
        if rel.startswith("../") or not original.is_file() or original.is_symlink() \
                or not original.resolve().is_relative_to(root):
            notes.append(f"file {path}: not in docs/; left as it is (kc check reports FILE001)")
            return None
        if posixpath.splitext(rel)[1].lower() not in PUBLISHED_TYPES:
            notes.append(f"file {path}: kc does not publish this kind of file; left as it is")
            return None
        copies[f"{ASSETS}/{rel}"] = original
        new_href = quote(posixpath.relpath(f"{ASSETS}/{rel}", posixpath.dirname(new_path)))
        return new_href + (f"#{fragment}" if fragment else "")

    def in_html(html: str) -> str:
        return raw_html.rewrite_links(html, copy, lambda src: [new, None, None] if (new := copy(src)) else None)

    lines = source.edits.lines
    for token in source.tokens:
        if token.type == "html_block" and token.map:
            for index in range(token.map[0], min(token.map[1], len(lines))):
                if (fixed := in_html(lines[index])) != lines[index]:
                    source.edits.replace(index, lines[index], fixed)
        if token.type != "inline" or not token.children:
            continue
        start = token.map[0] if token.map else 0
        for child in token.children:
            if child.type == "html_inline":
                if (fixed := in_html(child.content)) != child.content:
                    source.edits.replace(start + markdown._line_of(token.content, child.content),
                                         child.content, fixed)
                continue
            attribute = {"image": "src", "link_open": "href"}.get(child.type)
            href = str(child.attrGet(attribute) or "") if attribute else ""
            new_href = copy(href) if href else None
            if new_href is not None:
                line = start + markdown._line_of(token.content, f"]({href}")
                source.edits.replace(line, f"]({href}", f"]({new_href}")
    return copies, notes
