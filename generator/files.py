"""Images and attachments next to documents (or in content/assets/), linked by ordinary
relative links: `![diagram](escalation-flow.png)`, `[form](../assets/report-form.pdf)`.

- check (link stage): a referenced file must exist under the content folder and be of a
  published kind (FILE001, FILE002); an image without alt text is a warning (FILE003);
  an SVG is published only as an image and only without script (FILE002).
- render: links point at the file's copy in the site, `files/<path under content>`
  (mirrored, so an edited image keeps its address), images get width/height when known
  and loading="lazy".
- build: `write_files(ctx)` copies the files referenced by the documents built for the
  audience, and only those: an image used only by internal documents is not in a public site.
"""
from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import imagesize

IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}
PUBLISHED_TYPES = IMAGE_TYPES | {".pdf", ".csv"}
OUTPUT_FOLDER = "files"
SVG_SCRIPT = re.compile(rb"<script|\son[a-z]+\s*=|javascript:|<foreignObject", re.IGNORECASE)


@dataclass(frozen=True)
class ContentFile:
    path: str                 # under the content folder, e.g. 'policies/escalation-flow.png'
    width: int | None = None
    height: int | None = None

    @property
    def url(self) -> str:
        """Site-relative URL of the copy: 'files/policies/escalation-flow.png'."""
        return quote(f"{OUTPUT_FOLDER}/{self.path}")


def file_link(href: str) -> tuple[str, str] | None:
    """(path, fragment) of a relative link to something other than a document (`.md`), else None."""
    from .markdown import relative_md_link
    parts = urlsplit(href)
    if (parts.scheme or parts.netloc or not parts.path or href.startswith(("/", "#"))
            or relative_md_link(href) is not None):
        return None
    return unquote(parts.path), parts.fragment


def check_file(site, doc, href: str, as_image: bool) -> tuple[str, str, str] | None:
    """Resolve a relative file link of `doc`: record it in doc.files, or return (code, message, hint)."""
    path, _fragment = file_link(href) or ("", "")
    content = site.config.content_path
    source_dir = posixpath.dirname(posixpath.relpath(doc.src_path, relative_content(site.config)))
    rel = posixpath.normpath(posixpath.join(source_dir, path))
    suffix = posixpath.splitext(rel)[1].lower()
    kinds = ", ".join(sorted(t[1:] for t in PUBLISHED_TYPES))
    if rel.startswith("../") or rel == "..":
        return ("FILE001", f"'{href}' points outside the content folder",
                "put the file next to the document or in content/assets/")
    target = content / rel
    real = target.resolve()
    if not target.is_file() or not real.is_relative_to(content.resolve()):
        return ("FILE001", f"'{href}' points at no file", "check the file name and the path from this document")
    if suffix not in PUBLISHED_TYPES:
        return ("FILE002", f"'{href}' is a {suffix or 'file without extension'}: kc publishes {kinds}",
                "convert it to one of those, or link to where it lives (an https:// address)")
    width = height = None
    if suffix == ".svg":
        if not as_image:
            return ("FILE002", f"'{href}' is an SVG linked as a page: it is published only as an image",
                    f"show it with ![description]({href})")
        if SVG_SCRIPT.search(real.read_bytes()):
            return ("FILE002", f"'{href}' contains script or event handlers",
                    "export the drawing again without scripts or interactivity")
    if suffix in IMAGE_TYPES:
        width, height = image_size(real)
    doc.files[href] = ContentFile(rel, width, height)
    return None


def image_size(path: Path) -> tuple[int | None, int | None]:
    try:
        width, height = imagesize.get(str(path))
    except (OSError, ValueError):
        return None, None
    return (int(width), int(height)) if width > 0 and height > 0 else (None, None)


def relative_content(config) -> str:
    """The content folder relative to the site root, as in Document.src_path ('content')."""
    return Path(os.path.relpath(config.content_path, config.root)).as_posix()


def write_files(ctx) -> None:
    """Copy each file referenced by a document of this build into files/, once, in order."""
    from .output import write_file
    wanted = sorted({f.path for doc in ctx.pages for f in doc.files.values()})
    for rel in wanted:
        write_file(ctx.out_dir, f"{OUTPUT_FOLDER}/{rel}", (ctx.config.content_path / rel).read_bytes())
