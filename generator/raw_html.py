"""Raw HTML inside Markdown bodies: the links and anchors it holds.

The link stage (what `kc check` reports) and the render stage (what is built) both
read raw HTML through these functions, so a link `kc check` accepted is the link that
is rewritten, and an anchor it counted is the one the page keeps.

Linear regular expressions only: a tag is `<` + name + no `<`/`>` + `>`.
"""
from __future__ import annotations

import html
import re
from typing import Callable, Iterator

TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)(\s[^<>]*)?>")
ATTRIBUTE = re.compile(r"""(\s)([A-Za-z_:][-\w:.]*)(?:(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")


def attributes(attribute_text: str) -> dict[str, str]:
    """{'href': 'x.md', 'id': 'top'} from ' href="x.md" id=top' (names lower-cased, values unescaped)."""
    found: dict[str, str] = {}
    for match in ATTRIBUTE.finditer(attribute_text or ""):
        value = match.group(4) or ""
        if value[:1] in ("'", '"'):
            value = value[1:-1]
        found.setdefault(match.group(2).lower(), html.unescape(value))
    return found


def tags(source: str) -> Iterator[tuple[str, dict[str, str], int]]:
    """(tag name, attributes, offset) of every start tag in a raw HTML snippet."""
    for match in TAG.finditer(source):
        yield match.group(1).lower(), attributes(match.group(2) or ""), match.start()


def anchors(source: str, kept_tags: set[str]) -> Iterator[tuple[str, int]]:
    """(anchor, offset) for each `id="x"` on a tag the sanitizer keeps, and each `<a name="x">`."""
    for name, attrs, offset in tags(source):
        if name not in kept_tags:
            continue
        anchor = attrs.get("id") or (attrs.get("name") if name == "a" else None)
        if anchor:
            yield anchor, offset


REMOVED_WITH_CONTENT = {"script", "style"}


def dropped_tags(source: str, kept_tags: set[str]) -> Iterator[tuple[str, int]]:
    """(tag name, offset) of each start tag the sanitizer removes, and of each raw `<input>`
    other than a task-list box (an unlabelled form control means nothing to a reader)."""
    for name, attrs, offset in tags(source):
        if name not in kept_tags or (name == "input" and not is_task_box(attrs)):
            yield name, offset


def is_task_box(attrs: dict[str, str]) -> bool:
    return "task-list-item-checkbox" in attrs.get("class", "").split()


def drop_inputs(source: str) -> str:
    """Raw HTML without `<input>` tags, except task-list boxes."""
    return TAG.sub(lambda m: "" if m.group(1).lower() == "input" and not is_task_box(attributes(m.group(2) or ""))
                   else m.group(0), source)


def link_hrefs(source: str) -> Iterator[tuple[str, int]]:
    """(href, offset) of each `<a href>` in a raw HTML snippet."""
    for name, attrs, offset in tags(source):
        if name == "a" and attrs.get("href") is not None:
            yield attrs["href"], offset


def image_sources(source: str) -> Iterator[tuple[str, bool, int]]:
    """(src, has alt text, offset) of each `<img src>` in a raw HTML snippet."""
    for name, attrs, offset in tags(source):
        if name == "img" and attrs.get("src"):
            yield attrs["src"], bool(attrs.get("alt", "").strip()), offset


def rewrite_links(source: str, rewrite: Callable[[str], str | None],
                  image: Callable[[str], list | None] | None = None) -> str:
    """`<a href>` values replaced by rewrite(href) (None: keep it; "": drop the href),
    `<a name="x">` given `id="x"` (HTML5 anchors are ids; the sanitizer keeps ids, not names),
    and `<img src>` by image(src) -> [src, width, height] (None: keep it), loaded lazily."""
    def fix(match: re.Match) -> str:
        if match.group(1).lower() == "img" and match.group(2) and image is not None:
            return _fix_image(match, image)
        if match.group(1).lower() != "a" or not match.group(2):
            return match.group(0)
        attrs = attributes(match.group(2))
        text = match.group(2)
        if "href" in attrs:
            new = rewrite(attrs["href"])
            if new is not None:
                text = _set_attribute(text, "href", new)
        if attrs.get("name") and "id" not in attrs:
            text = text + f' id="{html.escape(attrs["name"], quote=True)}"'
        return f"<{match.group(1)}{text}>"
    return TAG.sub(fix, source)


def _fix_image(match: re.Match, image: Callable[[str], list | None]) -> str:
    attrs = attributes(match.group(2))
    found = image(attrs["src"]) if attrs.get("src") else None
    if found is None:
        return match.group(0)
    text = _set_attribute(match.group(2).rstrip("/"), "src", found[0])
    extra = {"width": found[1], "height": found[2], "loading": "lazy"}
    text += "".join(f' {key}="{value}"' for key, value in extra.items() if value and key not in attrs)
    return f"<{match.group(1)}{text}>"


def _set_attribute(attribute_text: str, name: str, value: str | None) -> str:
    def replace(match: re.Match) -> str:
        if match.group(2).lower() != name:
            return match.group(0)
        if not value:
            return ""
        return f'{match.group(1)}{name}="{html.escape(value, quote=True)}"'
    return ATTRIBUTE.sub(replace, attribute_text)
