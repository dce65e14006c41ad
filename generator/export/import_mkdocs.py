"""`kc import mkdocs DIR`: an MkDocs project as a new kc knowledge center (best effort).

    DIR/mkdocs.yml (site_name, site_url, nav, extra.kc)   -> OUT/site_config.yml
    DIR/docs/**/*.md                                      -> OUT/content/<section>/<id>.md
    extra.kc.teams (from `kc export mkdocs`)               -> OUT/content/teams.yml

A page exported by kc carries its fields under `kc:` and comes back as it was. Any other
page becomes a document of the type its folder or nav section names (policies/,
"Escalation playbooks", ...) when its front matter has that type's required fields, else
an FAQ (the one type that needs only a title); everything that could not be mapped is
reported, page by page, and nothing is written outside OUT.
"""
from __future__ import annotations

import html
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .. import frontmatter_yaml, output
from ..config import CONTENT_TYPES
from ..content_types import ID_PATTERN, SCHEMAS
from ..errors import ConfigError
from ..urls import SECTION_TITLES, SECTIONS
from . import import_page, yaml_text
from .import_page import Target

MAX_PAGE_BYTES = 5 * 1024 * 1024
FOLDER_TYPES = {folder: doc_type for doc_type, folder in SECTIONS.items()}
TITLE_TYPES = {title.casefold(): doc_type for doc_type, title in SECTION_TITLES.items()}
REQUIRED = {t: [n for n, f in SCHEMAS[t].model_fields.items() if f.is_required() and n not in ("id", "title")]
            for t in CONTENT_TYPES}


class ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as data: `!!python/name:` and `!ENV` values become None instead of code."""


ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


@dataclass
class Page:
    source: str                          # path under docs/, e.g. "guides/spam.md"
    front: dict
    body: str
    doc_type: str = "faq"
    fields: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    target: Target | None = None
    source_text: import_page.Source | None = None     # the body parsed once (headings, links)


@dataclass
class ImportResult:
    out_dir: Path
    counts: dict[str, int]
    notes: list[str]                     # "docs/x.md: what could not be mapped"


def import_mkdocs(project: str | Path, out: str | Path) -> ImportResult:
    project, target = Path(project), Path(out).resolve()
    settings = read_settings(project)
    docs_dir = project / str(settings.get("docs_dir") or "docs")
    if not docs_dir.is_dir():
        raise ConfigError(f"{docs_dir}: no docs folder; point kc import mkdocs at the folder that "
                          f"holds mkdocs.yml")
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ConfigError(f"refusing to import into {target}: it is not an empty folder; "
                          f"choose a new --out")
    nav = nav_sections(settings.get("nav"))
    kc = (settings.get("extra") or {}).get("kc") or {}
    pages, notes = read_pages(docs_dir)
    assign(pages, nav)
    by_source = {page.source: page.target for page in pages}
    files = {"site_config.yml": site_config(settings, kc), "content/teams.yml": teams_file(kc)}
    for page in pages:
        copies, file_notes = import_page.convert_files(page.source_text, page.source, page.target.path, docs_dir)
        page.notes += file_notes
        files.update({f"content/{rel}": original for rel, original in copies.items()})
        files[f"content/{page.target.path}"] = document(page, by_source)
        notes += [f"docs/{page.source}: {note}" for note in page.notes]
    write(target, files)
    counts: dict[str, int] = {}
    for page in pages:
        counts[page.doc_type] = counts.get(page.doc_type, 0) + 1
    return ImportResult(target, counts, notes)


def read_settings(project: Path) -> dict:
    path = project / "mkdocs.yml"
    if not path.is_file():
        raise ConfigError(f"{path}: no mkdocs.yml; point kc import mkdocs at an MkDocs project folder")
    loader = None
    try:
        loader = ConfigLoader(path.read_text(encoding="utf-8"))
        node = loader.get_single_node()
        unsafe = frontmatter_yaml._unsafe_structure(node, 1) if node is not None else None
        if unsafe is not None:    # aliases can expand to billions of values
            line, column, problem = unsafe.error
            raise ConfigError(f"{path}:{line}:{column}: {problem} ({unsafe.hint})")
        data = loader.construct_document(node) if node is not None else None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read it: {exc}") from exc
    finally:
        if loader is not None:
            loader.dispose()
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected settings such as `site_name: My docs`")
    return data


def nav_sections(nav, section: str | None = None, found: dict | None = None) -> dict[str, tuple]:
    """docs path -> (nav title or None, top-level nav section or None)."""
    found = {} if found is None else found
    for entry in nav if isinstance(nav, list) else []:
        title, value = next(iter(entry.items())) if isinstance(entry, dict) and entry else (None, entry)
        if isinstance(value, str):
            found.setdefault(value.lstrip("/"), (title, section))
        elif isinstance(value, list):
            nav_sections(value, section or title, found)
    return found


def read_pages(docs_dir: Path) -> tuple[list[Page], list[str]]:
    pages, notes = [], []
    root = docs_dir.resolve()
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        if path.is_symlink() or not path.resolve().is_relative_to(root) or not path.is_file():
            notes.append(f"docs/{rel}: a link or not a regular file; not imported")
            continue
        if path.stat().st_size > MAX_PAGE_BYTES:
            notes.append(f"docs/{rel}: larger than 5 MB; not imported")
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            notes.append(f"docs/{rel}: not UTF-8; not imported")
            continue
        split = frontmatter_yaml.split(text)
        front = frontmatter_yaml.parse(split.yaml_text, 2) if split.yaml_text is not None else None
        if front is not None and (front.error or not isinstance(front.data, dict)):
            notes.append(f"docs/{rel}: front matter unreadable; imported without it")
        data = front.data if front is not None and isinstance(front.data, dict) else {}
        if isinstance(data.get("kc"), dict) and data["kc"].get("generated"):
            continue                    # a home or section page kc export wrote
        pages.append(Page(rel, data, split.body))
    return pages, notes


def assign(pages: list[Page], nav: dict[str, tuple]) -> None:
    """Type, id, title and fields of every page; then its heading ids (for links to it)."""
    taken: set[str] = set()
    for page in pages:
        nav_title, section = nav.get(page.source, (None, None))
        kc = page.front.get("kc") if isinstance(page.front.get("kc"), dict) else {}
        page.body = import_page.strip_generated(page.body) if kc else page.body
        title = page.front.get("title") or take_h1(page) or nav_title or Path(page.source).stem
        title = html.unescape(str(title))        # MkDocs titles are HTML (`kc export` escapes them)
        page.doc_type, page.fields = mapped_fields(page, kc, section)
        doc_id = unique(valid_id(str(kc.get("id") or id_from_path(page.source))), taken)
        page.source_text = import_page.Source(page.body)
        anchors = import_page.heading_ids(page.source_text)
        page.target = Target(doc_id, str(title), f"{SECTIONS[page.doc_type]}/{doc_id}.md", set(anchors))


def mapped_fields(page: Page, kc: dict, section: str | None) -> tuple[str, dict]:
    front = page.front
    if kc.get("type") in CONTENT_TYPES:
        doc_type, fields = kc["type"], {k: v for k, v in kc.items() if k not in ("id", "type")}
    else:
        folder = page.source.split("/", 1)[0] if "/" in page.source else ""
        doc_type = FOLDER_TYPES.get(folder) or TITLE_TYPES.get(str(section or "").casefold()) or "faq"
        fields = {k: v for k, v in front.items() if k in SCHEMAS[doc_type].model_fields
                  and k not in ("id", "title", "tags", "status", "type")}
        missing = [name for name in REQUIRED[doc_type] if name not in fields]
        if missing:
            page.notes.append(f"looks like a {doc_type} but has no {', '.join(missing)}; imported as an "
                              f"FAQ (move it to content/{SECTIONS[doc_type]}/ and add them)")
            doc_type, fields = "faq", {k: v for k, v in fields.items() if k in SCHEMAS["faq"].model_fields}
    if front.get("description"):
        fields["summary"] = html.unescape(str(front["description"]))
    if isinstance(front.get("tags"), list):
        fields["tags"] = [str(t) for t in front["tags"]]
    ignored = sorted(set(map(str, front)) - {"title", "description", "tags", "kc"} - set(fields))
    if ignored:
        page.notes.append(f"front matter {', '.join(ignored)} has no kc field; left out")
    return doc_type, fields


def take_h1(page: Page) -> str | None:
    """The page's `# Title` line (MkDocs' title when there is none in the front matter), removed."""
    match = re.search(r"^# +(.+?)[ #]*$", page.body, flags=re.M)
    if match is None or page.body[:match.start()].strip():
        return None
    page.body = page.body[match.end():].lstrip("\n")
    return import_page.attr_list_id(match.group(1))[0]


def id_from_path(source: str) -> str:
    stem = Path(source).stem
    return Path(source).parent.name or "home" if stem == "index" else stem


def valid_id(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:64].strip("-")
    return slug if re.match(ID_PATTERN, slug) else f"page-{slug}".strip("-")[:64]


def unique(doc_id: str, taken: set[str]) -> str:
    candidate, number = doc_id, 2
    while candidate in taken:
        candidate = f"{doc_id[:60]}-{number}"
        number += 1
    taken.add(candidate)
    return candidate


def document(page: Page, by_source: dict[str, Target]) -> str:
    notes = import_page.convert_links(page.source_text, page.source, page.target.path, by_source)
    body, missed = page.source_text.text()
    notes += [f"could not convert the link {old!r} (left as it is)" for old in missed]
    page.notes += notes + import_page.unmappable(body)
    front = {"id": page.target.id, "title": page.target.title, **page.fields}
    head = yaml_text.dump(front)
    return f"---\n{head}---\n\n{body.strip(chr(10))}\n"


def site_config(settings: dict, kc: dict) -> str:
    config = {"title": str(settings.get("site_name") or "Knowledge Center")}
    if settings.get("site_description"):
        config["description"] = str(settings["site_description"])
    base_url = settings.get("site_url") or kc.get("base_url")
    if base_url:
        config["base_url"] = str(base_url)
    if isinstance(kc.get("nav"), list) and set(kc["nav"]) <= set(CONTENT_TYPES):
        config["nav"] = kc["nav"]
    return "# Imported by `kc import mkdocs`; see README \"site_config.yml\".\n" + yaml_text.dump(config)


def teams_file(kc: dict) -> str:
    teams = kc.get("teams") if isinstance(kc.get("teams"), dict) else {}
    head = "# Teams: id -> name, contact, description (see README \"The content contract\").\n"
    return head + (yaml_text.dump(teams) if teams else "")


def write(target: Path, files: dict[str, str | Path]) -> None:
    """Everything (text, or a file to copy) into a staging folder beside the target, then
    renamed into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.import-", dir=target.parent))
    try:
        for rel, content in sorted(files.items()):
            data = content.read_bytes() if isinstance(content, Path) else content.encode("utf-8")
            output.write_file(staging, rel, data)
        os.chmod(staging, 0o755)
        if target.exists():
            target.rmdir()              # empty (checked above)
        os.rename(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
