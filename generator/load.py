"""Stage 1 — load: files under content/ become Documents with source positions.

Each file is read, split, YAML-parsed and outlined (headings and references with
their lines). Outlines of unchanged bodies come from the outline cache.
"""
from __future__ import annotations

import hashlib
import os
import re
import stat
from functools import lru_cache
from pathlib import Path

from . import authoring_hints, frontmatter_yaml, registry
from .config import SiteConfig
from .content_types import ID_PATTERN
from .diagnostics import Diagnostics
from .document import Document, Team
from .incremental.load_cache import LoadCache
from .incremental.load_memo import LoadMemo, file_stat
from .outline_cache import OutlineCache
from .site import Site
from .text import control_character, strip_controls

FOLDER_TYPES = {folder: kind.key for folder, kind in registry.BY_FOLDER.items()}   # content/<folder>/ -> type
TEAMS_FILE = "teams.yml"


def run(site: Site, cache: OutlineCache | None = None, memo: LoadMemo | None = None) -> None:
    """memo: documents an earlier build of this process loaded (the live preview); files
    unchanged since are not read again. Files read again whose text is unchanged since
    any earlier run are not parsed again (incremental/load_cache.py)."""
    if memo is not None:
        cache, loaded = memo.start(site.config)
    else:
        loaded = LoadCache(site.config.root, site.config.model_dump_json())
    cache = cache or OutlineCache(site.config.root)
    real_folder.cache_clear()   # a folder link may point elsewhere since the last run (kc serve)
    content = site.config.content_path
    for path in sorted(content.rglob("*.md")):
        remembered = memo.recall(path) if memo is not None else None
        if remembered is not None:
            document, diagnostics = remembered
            if document is not None:
                loaded.keep(document.digest)
        else:
            stat = file_stat(path) if memo is not None else None
            document, diagnostics = load_file(site.config, path, cache, loaded)
            if memo is not None:
                memo.remember(path, stat, document, diagnostics)
        site.diagnostics.extend(diagnostics)
        if document is not None:
            site.documents.append(document)
    cache.save()
    loaded.save()
    load_teams(site, content / TEAMS_FILE)
    site.diagnostics.extend(authoring_hints.lookalikes(content, site.config.root))


def relative(config: SiteConfig, path: Path) -> str:
    try:  # paths from rglob are already under the (resolved) root: no filesystem calls needed
        return path.relative_to(config.root).as_posix()
    except ValueError:
        return path.as_posix()


def read_text(path: Path, rel: str, diagnostics: Diagnostics, config: SiteConfig) -> str | None:
    raw = read_source(config, path, rel, diagnostics)
    if raw is None:
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        diagnostics.add("LOAD002", rel, line, column, f"byte 0x{raw[exc.start]:02x} is not valid UTF-8",
                        "re-save the file with UTF-8 encoding")
        return None


@lru_cache(maxsize=4096)
def real_folder(folder: Path) -> str:
    """The folder's real path, ending in a separator (what every path inside it starts with)."""
    return os.path.join(os.path.realpath(folder), "")


def read_source(config: SiteConfig, path: Path, rel: str, diagnostics: Diagnostics) -> bytes | None:
    """The bytes of a content file: a regular file inside the content folder, within the size cap.

    A link that leaves the content folder would publish whatever it points at (another
    project's files, /etc/passwd), and a link to /dev/zero would never end, so neither is read."""
    # each folder is resolved once per run, then only the file itself is looked at
    real = os.path.realpath(path) if os.path.islink(path) else real_folder(path.parent) + path.name
    if not real.startswith(real_folder(config.content_path)):
        diagnostics.add("LOAD005", rel, 1, 1, f"this is a link to {real}, outside the content folder; "
                        f"kc does not follow it", "copy the file into the content folder instead of linking it")
        return None
    try:
        info = os.stat(real)
        if stat.S_ISDIR(info.st_mode):
            diagnostics.add("LOAD001", rel, 1, 1, "cannot read file: it is a folder named like a document",
                            "rename the folder so it does not end in .md")
            return None
        if not stat.S_ISREG(info.st_mode):
            diagnostics.add("LOAD005", rel, 1, 1, "this is not a regular file (a device, pipe or socket)",
                            "replace it with an ordinary text file")
            return None
        limit = int(config.max_file_mb * 1024 * 1024)
        if info.st_size > limit:
            diagnostics.add("LOAD006", rel, 1, 1,
                            f"the file is {info.st_size / 1048576:.1f} MB; documents may be at most "
                            f"{config.max_file_mb:g} MB", "split it into several documents, or raise "
                            "`max_file_mb` in site_config.yml")
            return None
        with open(real, "rb") as handle:   # sized read: read(limit) allocates `limit` bytes first
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:     # it grew since stat: read on, still within the cap
                data += handle.read(limit + 1 - len(data))
            return data[:limit]
    except OSError as exc:
        diagnostics.add("LOAD001", rel, 1, 1, f"cannot read file: {exc.strerror or exc}",
                        "check that it is a readable file")
        return None


def load_file(config: SiteConfig, path: Path, cache: OutlineCache,
              loaded: LoadCache | None = None) -> tuple[Document | None, Diagnostics]:
    """One content file -> a Document (or None) and the problems found in it.
    loaded: what earlier runs made of unchanged texts (front matter, outline)."""
    diagnostics = Diagnostics()
    rel = relative(config, path)
    text = read_text(path, rel, diagnostics, config)
    if text is None:
        return None, diagnostics
    digest = text_digest(rel, text)
    kind = FOLDER_TYPES.get(path.relative_to(config.content_path).parts[0], "")
    if loaded is not None:
        document = loaded.recall(digest, rel, kind, text)
        if document is not None:
            return document, diagnostics
    document = parse_file(rel, kind, text, digest, cache, diagnostics)
    if document is not None and loaded is not None and not diagnostics:
        loaded.remember(document, text)
    return document, diagnostics


def parse_file(rel: str, kind: str, text: str, digest: str, cache: OutlineCache,
               diagnostics: Diagnostics) -> Document | None:
    """A file's text -> a Document (or None), its problems added to diagnostics."""
    parts = frontmatter_yaml.split(text)
    if parts.yaml_text is None:
        diagnostics.add("LOAD003", rel, 1, 1, "the file has no front matter",
                        "start it with `---`, then `id:` and `title:` lines, then `---`")
        return None
    if not parts.closed:
        authoring_hints.unclosed(diagnostics, rel)
        return None
    parsed = frontmatter_yaml.parse(parts.yaml_text, parts.yaml_line)
    if parsed.error:
        if parsed.hint:
            diagnostics.add("YAML001", rel, *parsed.error, parsed.hint)
        else:
            diagnostics.add("YAML001", rel, *authoring_hints.yaml_error(parts.yaml_text, parts.yaml_line,
                                                                        *parsed.error))
        return None
    authoring_hints.hash_comments(diagnostics, rel, parts.yaml_text, parts.yaml_line)
    meta = parsed.data if parsed.data is not None else {}
    if not isinstance(meta, dict):
        diagnostics.add("YAML001", rel, parts.yaml_line, 1,
                        "front matter must be a mapping of fields, like `id: my-doc`",
                        "write one `key: value` pair per line")
        return None
    body = without_controls(parts.body, parts.body_line, rel, diagnostics)
    headings, references = cache.outline(body, parts.body_line)
    return Document(src_path=rel, type=kind, meta={str(key): value for key, value in meta.items()},
                    body=body, body_line=parts.body_line, positions=parsed.positions,
                    headings=headings, references=references, digest=digest)


def text_digest(rel: str, text: str) -> str:
    """What a Document is made of (its path and text), as a short hash: the incremental
    build's page keys name a document by it."""
    return hashlib.blake2b(f"{rel}\0{text}".encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def without_controls(body: str, body_line: int, rel: str, diagnostics: Diagnostics) -> str:
    """The body without control characters (they would corrupt feeds and e-mails), with a warning."""
    bad = control_character(body)
    if bad is None:
        return body
    offset = body.index(bad)
    line = body_line + body.count("\n", 0, offset)
    column = offset - (body.rfind("\n", 0, offset) + 1) + 1
    diagnostics.add("BODY002", rel, line, column,
                    f"the text contains the invisible control character U+{ord(bad):04X}; kc removed it",
                    "delete it in your editor (it often comes from copying out of a terminal or PDF)")
    return strip_controls(body)


def load_teams(site: Site, path: Path) -> None:
    if not path.exists():
        return
    rel = relative(site.config, path)
    text = read_text(path, rel, site.diagnostics, site.config)
    if text is None:
        return
    parsed = frontmatter_yaml.parse(text, 1)
    if parsed.error:
        line, column, problem = parsed.error
        site.diagnostics.add("YAML001", rel, line, column,
                             problem if parsed.hint else f"malformed YAML: {problem}", parsed.hint)
        return
    data = parsed.data or {}
    if not isinstance(data, dict):
        site.diagnostics.add("TEAM002", rel, 1, 1, "teams.yml must map team ids to their details",
                             "write `team-id:` then indented `name:` and `contact:` lines")
        return
    for team_id, info in data.items():
        line, column = parsed.positions.get((team_id,), (1, 1))
        if not isinstance(team_id, str) or not re.match(ID_PATTERN, team_id):
            site.diagnostics.add("TEAM002", rel, line, column,
                                 f"team id {str(team_id)[:80]!r} is not a valid id (it names the team's page)",
                                 "use 2-64 lowercase letters, digits and hyphens, e.g. `child-safety`")
            continue
        if isinstance(info, dict) and any(isinstance(v, str) and control_character(v) for v in info.values()):
            site.diagnostics.add("TEAM002", rel, line, column,
                                 f"team '{team_id}' has a control character in its details",
                                 "delete it: control characters cannot be shown or sent by e-mail")
            continue
        if not isinstance(info, dict) or not info.get("name") or not info.get("contact"):
            site.diagnostics.add("TEAM002", rel, line, column,
                                 f"team '{team_id}' needs a `name` and a `contact`")
            continue
        if not isinstance(info.get("public", False), bool):
            site.diagnostics.add("TEAM002", rel, *parsed.positions.get((team_id, "public"), (line, column)),
                                 f"team '{team_id}': `public` must be true or false",
                                 "write `public: true` to show the team and its contact in public builds")
            continue
        site.teams[str(team_id)] = Team(id=str(team_id), name=str(info["name"]),
                                        contact=str(info["contact"]),
                                        description=str(info.get("description") or ""),
                                        public=info.get("public", False))
