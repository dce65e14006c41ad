"""The one place Markdown is configured: CommonMark + the extensions kc supports,
the `[[id]]` reference syntax and `{#id}` heading ids.

Both the link stage (to find references and anchors with positions) and the
render stage (to produce HTML) use `make_markdown()`, so they always agree.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from . import gfm, raw_html
from .document import Heading

WIKILINK = re.compile(r"\[\[([^\[\]|#\n]+?)(?:#([^\[\]|\n]+?))?(?:\|([^\[\]\n]+?))?\]\]")
HEADING_ID = re.compile(r"\{#([A-Za-z0-9][\w.:-]*)\}")


def split_heading_id(text: str) -> tuple[str, str | None]:
    r"""('Heading', 'custom-id') for 'Heading {#custom-id}', else (text, None).

    Linear time: the last `{#` is found with rfind and matched once. (A regex searched with a
    leading `\s*` took 16 s on `# a` + 100,000 spaces + `b`.)"""
    stripped = text.rstrip()
    start = stripped.rfind("{#")
    match = HEADING_ID.fullmatch(stripped, start) if start >= 0 else None
    if match is None:
        return text, None
    return stripped[:start].rstrip(), match.group(1)


def slugify(text: str) -> str:
    """GitHub-style heading slug: 'Enforcement & Appeals' -> 'enforcement--appeals'; letters and
    combining marks of every script are kept ('हिन्दी नीति' -> 'हिन्दी-नीति')."""
    return gfm.slugify(text)


@lru_cache(maxsize=None)
def make_markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "typographer": False, "linkify": True})
    md.enable(["table", "strikethrough", "linkify"])
    md.use(admon_plugin).use(footnote_plugin).use(tasklists_plugin).use(deflist_plugin)
    md.use(gfm.gfm_plugin)   # after footnote_plugin: it replaces the footnote id rule
    md.use(anchors_plugin, min_level=1, max_level=6, slug_func=slugify)
    md.core.ruler.before("anchor", "heading_ids", heading_ids_rule)
    md.inline.ruler.before("link", "wikilink", wikilink_rule)
    md.add_render_rule("wikilink", render_wikilink)
    return md


def wikilink_rule(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("[[", state.pos):
        return False
    match = WIKILINK.match(state.src, state.pos)
    if not match:
        return False
    if not silent:
        token = state.push("wikilink", "", 0)
        token.content = match.group(0)
        token.meta = {
            "target": match.group(1).strip(),
            "anchor": (match.group(2) or "").strip() or None,
            "text": (match.group(3) or "").strip() or None,
            "offset": state.pos,
        }
    state.pos = match.end()
    return True


def render_wikilink(self, tokens: list[Token], idx: int, options, env) -> str:
    """Render `[[id]]` through env["resolve_ref"](target, anchor) -> (href, title) | None."""
    from html import escape
    meta = tokens[idx].meta
    resolved = env.get("resolve_ref", lambda *_: None)(meta["target"], meta["anchor"])
    if resolved is None:
        return f'<span class="broken-ref">{escape(meta["text"] or meta["target"])}</span>'
    href, title = resolved
    return f'<a class="ref" href="{escape(href)}">{escape(meta["text"] or title)}</a>'


def heading_ids_rule(state: StateCore) -> None:
    """`## Heading {#custom-id}` sets the heading's id and hides the braces."""
    for index, token in enumerate(state.tokens):
        if token.type != "heading_open":
            continue
        inline = state.tokens[index + 1]
        last = inline.children[-1] if inline.children else None
        if last is None or last.type != "text":
            continue
        text, anchor = split_heading_id(last.content)
        if anchor:
            token.attrSet("id", anchor)
            last.content = text
            inline.content = split_heading_id(inline.content)[0]


@dataclass(frozen=True)
class Reference:
    kind: str            # "wikilink", "link", "site", "fragment", "dropped" (raw HTML not shown),
                         # "file"/"image" (a file in the content folder), "noalt" (image without alt)
    target: str          # a document id (wikilink), a relative path (link), a page URL (site), a tag
    anchor: str | None
    line: int            # 0-based line within the body
    needle: str          # the source text, to find the column


def parse(body: str) -> list[Token]:
    return make_markdown().parse(body, {})


def headings(tokens: list[Token], body_line: int) -> list[Heading]:
    """Headings with their anchors, then the raw HTML anchors (`id="x"`, `<a name="x">`)
    as level-0 entries: both are places a link may point at."""
    found = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            inline = tokens[index + 1]
            text = "".join(child.content for child in inline.children or []
                           if child.type in ("text", "code_inline"))
            line = body_line + (token.map[0] if token.map else 0)
            found.append(Heading(int(token.tag[1]), text.strip(), token.attrGet("id") or "", line))
    from .render import ALLOWED_TAGS
    for html_text, line in raw_html_snippets(tokens):
        for anchor, offset in raw_html.anchors(html_text, ALLOWED_TAGS):
            found.append(Heading(0, "", anchor, body_line + line + html_text.count("\n", 0, offset)))
    return found


def raw_html_snippets(tokens: list[Token]) -> Iterator[tuple[str, int]]:
    """(raw HTML, 0-based body line where it starts) for every HTML block and inline tag."""
    for token in tokens:
        start = token.map[0] if token.map else 0
        if token.type == "html_block":
            yield token.content, start
        elif token.type == "inline":
            for child in token.children or []:
                if child.type == "html_inline":
                    yield child.content, start + _line_of(token.content, child.content)


def references(tokens: list[Token]) -> Iterator[Reference]:
    """Every `[[id]]`, relative `.md` link (Markdown or raw HTML `<a href>`), site-absolute link
    to a document page and same-page `#fragment` link in a parsed body, with its line; and each
    raw HTML tag the sanitizer drops (kind "dropped", target = the tag name)."""
    from .render import ALLOWED_TAGS
    for html_text, line in raw_html_snippets(tokens):
        for href, offset in raw_html.link_hrefs(html_text):
            ref = href_reference(href, line + html_text.count("\n", 0, offset))
            if ref:
                yield ref
        for src, has_alt, offset in raw_html.image_sources(html_text):
            yield from image_references(src, has_alt, line + html_text.count("\n", 0, offset))
        for name, offset in raw_html.dropped_tags(html_text, ALLOWED_TAGS):
            yield Reference("dropped", name, None, line + html_text.count("\n", 0, offset),
                            html_text[offset:offset + 1 + len(name)])
    for token in tokens:
        if token.type != "inline" or not token.children:
            continue
        start = token.map[0] if token.map else 0
        for child in token.children:
            if child.type == "wikilink":
                line = start + token.content[: child.meta["offset"]].count("\n")
                yield Reference("wikilink", child.meta["target"], child.meta["anchor"], line, child.content)
            elif child.type == "link_open":
                href = str(child.attrGet("href") or "")
                ref = href_reference(href, start + _line_of(token.content, f"]({href}"))
                if ref:
                    yield ref
            elif child.type == "image":
                src = str(child.attrGet("src") or "")
                yield from image_references(src, bool(child.content.strip()),
                                            start + _line_of(token.content, f"]({src}"))


def image_references(src: str, has_alt: bool, line: int) -> Iterator[Reference]:
    """An image in the content folder ("image"), and "noalt" when it has no alt text."""
    from .files import file_link
    if file_link(src) is not None:
        yield Reference("image", src, None, line, src)
    if not has_alt:
        yield Reference("noalt", src, None, line, src)


def href_reference(href: str, line: int) -> Reference | None:
    """The Reference an href makes, or None when kc has nothing to check (external, other files)."""
    if (ref := relative_md_link(href)) is not None:
        return Reference("link", ref[0], ref[1], line, href)
    if (ref := site_content_link(href)) is not None:
        return Reference("site", ref[0], ref[1], line, href)
    if href.startswith("#") and len(href) > 1:
        return Reference("fragment", "", unquote(href[1:]), line, href)
    from .files import file_link
    if file_link(href) is not None:
        return Reference("file", href, None, line, href)
    return None


def relative_md_link(href: str) -> tuple[str, str | None] | None:
    """('../policies/spam.md', 'enforcement') for a relative Markdown link, else None.
    `roles.md/#scribe` (a trailing slash, as some editors write it) is the same link."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("/", "#")):
        return None
    path = parts.path[:-1] if parts.path.endswith(".md/") else parts.path
    if not path.endswith(".md"):
        return None
    return unquote(path), (unquote(parts.fragment) or None)


def site_content_link(href: str) -> tuple[str, str | None] | None:
    """('policies/spam/', 'tiers') for `/policies/spam/#tiers`, a site-absolute link to a document
    page (it breaks when the site is served under a sub-path), else None."""
    from .urls import SECTIONS
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path.startswith("/") or parts.path.startswith("//"):
        return None
    segments = [unquote(part) for part in parts.path.strip("/").split("/")]
    if segments[-1:] == ["index.html"]:
        segments.pop()
    if len(segments) != 2 or segments[0] not in SECTIONS.values() or not segments[1]:
        return None
    return f"{segments[0]}/{segments[1]}/", (unquote(parts.fragment) or None)


def _line_of(content: str, needle: str) -> int:
    position = content.find(needle)
    return content[:position].count("\n") if position >= 0 else 0
