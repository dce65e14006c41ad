"""Render stage: one document body -> safe HTML plus its table of contents.

Pure per-page functions: `render_body(doc, resolver)` reads the document and a
resolver and returns a value; nothing global is touched, so pages can later be
rendered in parallel or incrementally.

Pipeline for one body: parse with `make_markdown()` -> rewrite relative `.md`
links to page URLs -> render (collapsible admonitions become <details>) ->
sanitize the whole HTML with an nh3 allow-list.
"""
from __future__ import annotations

import posixpath
from html import escape
import re
from urllib.parse import urlsplit
from dataclasses import dataclass, field
from functools import cached_property

import nh3
from markdown_it.token import Token

from . import markdown, raw_html
from .document import Document
from .urls import doc_url

# Tags the renderer produces, plus harmless raw HTML authors use.
ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div",
    "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "img", "input", "ins", "kbd", "li", "mark", "ol", "p", "pre", "s", "section", "small",
    "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
    "time", "tr", "u", "ul",
}
ALLOWED_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "aria-label", "data-pagefind-ignore"},
    "img": {"src", "alt", "width", "height", "loading"},
    "input": {"type", "checked", "disabled"},
    "ol": {"start"},
    "td": {"style", "colspan", "rowspan"},
    "th": {"style", "colspan", "rowspan", "scope"},
    "time": {"datetime"},
    "details": {"open"},
    "code": {"class"},
}
URL_SCHEMES = {"http", "https", "mailto"}


@dataclass(frozen=True)
class TocEntry:
    level: int
    text: str
    anchor: str


@dataclass(frozen=True)
class RenderedPage:
    html: str
    toc: list[TocEntry] = field(default_factory=list)
    refs: frozenset[str] = frozenset()      # ids of the other documents the body links to
    sections: list = field(default_factory=list)   # search.sections skeleton, from the same parse


class Resolver:
    """Turns references into relative hrefs from one page, for one build's visible documents.

    `visible` maps id -> Document for the documents built in this audience; anything
    else resolves to None and is rendered as plain text, never as a link or title.
    `by_path` (src_path -> Document of the visible ones) is built once per build and shared.

    Every outside fact a body's HTML depends on must be asked through a Resolver: the
    questions and answers are recorded in `asked`, and the body cache
    (generator/incremental/body_cache.py) reuses a rendered body only when the same
    questions get the same answers in the next build.
    """

    def __init__(self, current: Document, visible: dict[str, Document],
                 by_path: dict[str, Document] | None = None):
        self.current = current
        self.visible = visible
        self._by_path = by_path
        self.referenced: set[str] = set()   # ids resolved so far (feeds "cited by")
        self.asked: list[list] = []          # [method, *arguments, answer], in order

    @cached_property
    def by_path(self) -> dict[str, Document]:
        """Shared by the build; else made on the first relative link only (most bodies have none)."""
        return self._by_path if self._by_path is not None else paths_of(self.visible)

    @cached_property
    def aliases(self) -> dict[str, Document]:
        """Old id -> visible document (`aliases:`); built on the first unknown id only."""
        from .redirects import aliases_of
        return {alias: doc for doc in self.visible.values() for alias in aliases_of(doc)}

    def link(self, href: str) -> str | None:
        """The page href for a relative `.md` link or a site-absolute link to a document page;
        "" when it points at no document built here; None when it is not such a link."""
        answer = self._link(href)
        self.asked.append(["link", href, answer])
        return answer

    def _link(self, href: str) -> str | None:
        rewritten = self._md_link(href)
        if rewritten is not None:
            return rewritten
        attachment = self._file(href)
        if attachment is not None:
            return attachment[0]
        site_link = markdown.site_content_link(href)
        if site_link is None:
            return None
        url, anchor = site_link
        section, doc_id = url.strip("/").split("/")
        target = self.visible.get(doc_id)
        if target is None or doc_url(target) != url:
            return ""
        self.referenced.add(target.id)
        return self.href_to(target, anchor)

    def image(self, src: str) -> list | None:
        """[href, width, height] of an image in the content folder (see generator/files.py)."""
        answer = self._file(src)
        self.asked.append(["image", src, answer])
        return answer

    def _file(self, href: str) -> list | None:
        """[page-relative href of the file's copy, width, height], or None for other links."""
        from .files import file_link
        found = self.current.files.get(href)
        if found is None:
            return None
        fragment = file_link(href)[1]
        url = relative_url(doc_url(self.current), found.url) + (f"#{fragment}" if fragment else "")
        return [url, found.width, found.height]

    def ref(self, target_id: str, anchor: str | None) -> tuple[str, str] | None:
        target = self.visible.get(target_id) or self.aliases.get(target_id)
        answer = None
        if target is not None:
            self.referenced.add(target.id)
            answer = (self.href_to(target, anchor), target.title)
        self.asked.append(["ref", target_id, anchor, list(answer) if answer else None])
        return answer

    def md_link(self, href: str) -> str | None:
        """A relative `.md` link resolved against the current file, or None if it points nowhere."""
        answer = self._md_link(href)
        self.asked.append(["md_link", href, answer])
        return answer

    def _md_link(self, href: str) -> str | None:
        ref = markdown.relative_md_link(href)
        if ref is None:
            return None
        path, anchor = ref
        target_path = posixpath.normpath(posixpath.join(posixpath.dirname(self.current.src_path), path))
        target = self.by_path.get(target_path)
        if target is None:
            return ""
        self.referenced.add(target.id)
        return self.href_to(target, anchor)

    def href_to(self, target: Document, anchor: str | None) -> str:
        fragment = f"#{anchor}" if anchor else ""
        if target is self.current:
            return fragment or "./"
        return relative_url(doc_url(self.current), doc_url(target)) + fragment

    def same_answers(self, asked: list[list]) -> bool:
        """Would this resolver answer the recorded questions the same way?"""
        for question in asked:
            method, *arguments, answer = question
            if method not in ("ref", "md_link", "link", "image"):
                return False
            now = getattr(self, method)(*arguments)
            if (list(now) if isinstance(now, tuple) else now) != answer:
                return False
        return True


def paths_of(visible: dict[str, Document]) -> dict[str, Document]:
    return {doc.src_path: doc for doc in visible.values()}


def relative_url(from_url: str, to_url: str) -> str:
    """Relative href between two site-relative directory URLs: ('a/b/', 'c/d/') -> '../../c/d/'."""
    return "../" * from_url.count("/") + to_url or "./"


def render_body(doc: Document, resolver: Resolver) -> RenderedPage:
    md = markdown.make_markdown()
    env = {"resolve_ref": resolver.ref}
    tokens = md.parse(doc.body, env)
    from search.sections import skeleton
    found = skeleton(tokens)          # for the search index: one parse serves both
    rewrite_md_links(tokens, resolver)
    toc = table_of_contents(tokens)
    one_title(tokens, doc.title)
    heading_links(tokens)
    shape_admonitions(tokens)
    html = md.renderer.render(tokens, md.options, env)
    return RenderedPage(html=sanitize(html), toc=toc,
                        refs=frozenset(resolver.referenced - {doc.id}), sections=found)


def rewrite_md_links(tokens: list[Token], resolver: Resolver) -> None:
    """Relative `.md` links and site-absolute links to document pages (in Markdown or raw HTML
    `<a href>`) point at relative page URLs; links to documents not built lose their href;
    links and images of files in the content folder point at their copies (generator/files.py)."""
    for token in tokens:
        if token.type == "html_block":
            token.content = raw_html.drop_inputs(raw_html.rewrite_links(token.content, resolver.link,
                                                                        resolver.image))
        children = token.children or []
        for index, child in enumerate(children):
            if child.type == "html_inline":
                child.content = raw_html.drop_inputs(raw_html.rewrite_links(child.content, resolver.link,
                                                                            resolver.image))
            if child.type == "image":
                place_image(child, resolver)
            if child.type != "link_open":
                continue
            href = resolver.link(str(child.attrGet("href") or ""))
            if href == "":
                _unlink(children, index)
            elif href is not None:
                child.attrSet("href", href)


def place_image(token: Token, resolver: Resolver) -> None:
    """An image from the content folder: the copy's address, its size (no layout shift), lazy loading."""
    found = resolver.image(str(token.attrGet("src") or ""))
    if found is None:
        return
    token.attrSet("src", found[0])
    if found[1] and found[2]:
        token.attrSet("width", str(found[1]))
        token.attrSet("height", str(found[2]))
    token.attrSet("loading", "lazy")


def _unlink(children: list[Token], index: int) -> None:
    """Turn the link starting at children[index] into a plain <span>."""
    children[index].tag, children[index].attrs = "span", {"class": "broken-ref"}
    for child in children[index + 1:]:
        if child.type == "link_close":
            child.tag = "span"
            return


def one_title(tokens: list[Token], title: str) -> None:
    """The page's <h1> is the document title: a body that starts with `# <the title>` (as
    GitHub READMEs do) loses that heading, keeping its anchor; other `#` headings render as <h2>."""
    if (len(tokens) > 2 and tokens[0].type == "heading_open" and tokens[0].tag == "h1"
            and " ".join(tokens[1].content.split()).casefold() == " ".join(title.split()).casefold()):
        anchor = tokens[0].attrGet("id")
        keep = Token("html_block", "", 0)
        keep.content = f'<span id="{escape(str(anchor), quote=True)}"></span>\n' if anchor else ""
        tokens[0:3] = [keep]
    for token in tokens:
        if token.type in ("heading_open", "heading_close") and token.tag == "h1":
            token.tag = "h2"


def heading_links(tokens: list[Token]) -> None:
    """A visible "copy link" affordance after each heading with an id (kc.js copies the section's
    address on click; without JavaScript it is a plain link to the section)."""
    for index, token in enumerate(tokens):
        anchor = token.attrGet("id") if token.type == "heading_open" else None
        if not anchor or index + 1 >= len(tokens) or tokens[index + 1].type != "inline":
            continue
        link = Token("html_inline", "", 0)
        link.content = (f' <a class="heading-link" href="#{escape(str(anchor), quote=True)}" '
                        f'aria-label="Copy link to this section" data-pagefind-ignore>#</a>')
        tokens[index + 1].children = (tokens[index + 1].children or []) + [link]


def table_of_contents(tokens: list[Token]) -> list[TocEntry]:
    """h2 and h3 headings, in order, with their ids."""
    entries = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag in ("h2", "h3") and token.attrGet("id"):
            inline = tokens[index + 1]
            text = "".join(c.content for c in inline.children or [] if c.type in ("text", "code_inline"))
            entries.append(TocEntry(int(token.tag[1]), text.strip(), str(token.attrGet("id"))))
    return entries


def sanitize(html: str) -> str:
    clean = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                      tag_attribute_values={"div": {"role": {"note"}}},
                      url_schemes=URL_SCHEMES, link_rel=None, strip_comments=True,
                      clean_content_tags={"script", "style"},
                      filter_style_properties={"text-align"}, attribute_filter=_self_hosted_images)
    return wrap_tables(TASK_BOX.sub(_label_task_box, clean))


def wrap_tables(html: str) -> str:
    """Each table in a box of its own that scrolls sideways, so a wide table never widens
    the page or squeezes the text around it; focusable, so keyboards can scroll it too."""
    return (html.replace("<table>", '<div class="table-wrap" tabindex="0" role="region" aria-label="Table">'
                                    "<table>")
                .replace("</table>", "</table></div>"))


TASK_BOX = re.compile(r'<input class="task-list-item-checkbox"([^>]*)>')


def _label_task_box(match: re.Match) -> str:
    """Task-list boxes are read-only; give them a name so screen readers say what they show."""
    label = "Done" if "checked" in match.group(1) else "Not done"
    return f'<input class="task-list-item-checkbox"{match.group(1)} aria-label="{label}">'


def _self_hosted_images(tag: str, attribute: str, value: str) -> str | None:
    """Images load from the site itself only: no request may leave the site's host."""
    if tag == "img" and attribute == "src" and (urlsplit(value).scheme or value.startswith("//")):
        return None
    return value


def shape_admonitions(tokens: list[Token]) -> None:
    """Admonitions become <div role="note">; collapsible ones (`???`, `???+`) become <details>/<summary>."""
    stack: list[bool] = []
    for token in tokens:
        if token.type == "admonition_open":
            classes = str(token.attrGet("class") or "")
            collapsible = "is-collapsible" in classes
            stack.append(collapsible)
            token.tag = "details" if collapsible else "div"
            token.attrs = {"class": f"admonition {token.meta.get('tag', 'note')}"}
            if not collapsible:
                token.attrs["role"] = "note"
            if "collapsible-open" in classes:
                token.attrs["open"] = ""
        elif token.type == "admonition_close" and stack:
            token.tag = "details" if stack.pop() else "div"
        elif token.type in ("admonition_title_open", "admonition_title_close") and stack:
            token.tag = "summary" if stack[-1] else "p"
