"""Fingerprints: what a build's output depends on, as short hashes.

- `input_files(...)` lists every file a build reads (content, teams, theme files) with
  its size and modification time. `frame_key(...)` hashes the contents of all but the
  documents with everything else a build depends on (kc's and its libraries' versions,
  the settings, the audience, --drafts, today, the git commit the history is read from);
  `site_key(...)` adds the documents. Equal to the previous build's site key: the folder
  on disk already is this build's output.
- `page_key(salt, url, template, context)` hashes one page's template context,
  canonically. Equal to the previous build's: the page's HTML would be byte-identical,
  so the previous file is reused instead of rendered. A document in a context counts by
  its digest (path + text); a value kc cannot encode (a function, an unknown object)
  makes the page unkeyed, and an unkeyed page is always rendered.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import stat as stat_module
from datetime import date, datetime
from enum import Enum
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from pydantic import BaseModel

from ..document import Document

# Libraries whose versions can change what a build writes.
LIBRARIES = ("kc", "markdown-it-py", "mdit-py-plugins", "nh3", "jinja2", "pydantic", "pagefind",
             "tantivy", "whoosh-reloaded", "babel", "pygit2")
FORMAT = 3          # bump when the manifest or the key recipes change
SKIPPED_KEYS = ("href", "asset")   # functions of the page URL and the assets: both in the key already


def hash_text(*parts: str) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def code_hash() -> str:
    """kc's own code: a changed kc (an upgrade, a local edit) never reuses output or caches
    made by another. Its .py files, read once per process (~100 files, a few ms)."""
    digest = hashlib.blake2b(digest_size=16)
    package = Path(__file__).resolve().parent.parent
    for folder in (package, package.parent / "search"):
        for path in sorted(folder.rglob("*.py")):
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def library_versions() -> str:
    found = [f"code={code_hash()}"]
    for name in LIBRARIES:
        try:
            found.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name}=-")
    return f"format={FORMAT};" + ";".join(found)


# --- the whole build ------------------------------------------------------------------
Stat = tuple[int, int, int]     # (size, mtime_ns, mode)


def input_files(config, theme_folders) -> dict[str, Stat]:
    """Every file the build reads, by path, with (size, mtime_ns, mode). Links are not followed
    (the load stage refuses them), so a link is listed by its own stat. site_config.yml
    counts by its parsed settings (see site_key), not as a file."""
    found: dict[str, Stat] = {}
    roots = [Path(config.content_path)] + [Path(folder) for folder in theme_folders]
    for root in roots:
        for folder, _dirs, names in os.walk(root):
            for name in names:
                path = os.path.join(folder, name)
                try:
                    info = os.lstat(path)
                except OSError:
                    continue
                found[path] = (info.st_size, info.st_mtime_ns, info.st_mode)
    return found


RACY_NS = 2_000_000_000   # file times can be this coarse: a file this young may change unseen


def file_hashes(files: dict[str, Stat], known: dict[str, list], checked_at: int = 0) -> dict[str, str]:
    """path -> content hash. A file whose stat is unchanged since `known` (hashed at
    `checked_at`, time.time_ns()) is not read again -- unless it was modified so shortly
    before that an edit after the hashing could have kept its size and time (git's
    "racily clean" files)."""
    hashes = {}
    for path, stat in files.items():
        previous = known.get(path)
        if previous and tuple(previous[:3]) == stat and stat[1] < checked_at - RACY_NS:
            hashes[path] = previous[3]
            continue
        hashes[path] = content_hash(path, stat[2])
    return hashes


def content_hash(path: str, mode: int) -> str:
    """A regular file's content hash, read in chunks; a link counts by where it points, and a
    device or pipe by its kind only (kc never reads them: /dev/zero would never end)."""
    try:
        if stat_module.S_ISLNK(mode):
            return "link:" + os.readlink(path)
        if not stat_module.S_ISREG(mode):
            return f"special:{mode}"
        digest = hashlib.blake2b(digest_size=16)
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
        return digest.hexdigest()
    except OSError:
        return "unreadable"


def site_key(config, hashes: dict[str, str], frame: str) -> str:
    """The frame key (see frame_key) and the documents' own files."""
    prefix = documents_prefix(config)
    documents = ";".join(f"{path}={digest}" for path, digest in sorted(hashes.items())
                         if is_document(prefix, path))
    return hash_text(frame, documents)


def frame_key(config, hashes: dict[str, str], audience: str, drafts: bool, today: date) -> str:
    """The site key without the documents' own files: settings, theme, teams, images and
    attachments, kc, the day and the commit. Equal to the last build's, an edit of documents
    can change only the pages that show them (see incremental/dependencies.py)."""
    prefix = documents_prefix(config)
    files = ";".join(f"{path}={digest}" for path, digest in sorted(hashes.items())
                     if not is_document(prefix, path))
    return hash_text(library_versions(), config.model_dump_json(), str(config.root), audience,
                     str(drafts), today.isoformat(), git_head(Path(config.root)), files)


def documents_prefix(config) -> str:
    return str(config.content_path) + os.sep


def is_document(prefix: str, path: str) -> bool:
    """A Markdown file under content/ (input_files' paths start with the content path)."""
    return path.endswith(".md") and path.startswith(prefix)


def git_head(root: Path) -> str:
    """The commit checked out in the repository holding root ('' outside git): the history
    pages read from it. Plain file reads, no git library: this runs on every build."""
    for folder in (root, *root.resolve().parents):
        git = folder / ".git"
        if git.is_dir():
            try:
                head = (git / "HEAD").read_text().strip()
                if head.startswith("ref: "):
                    ref = head[5:]
                    ref_file = git / ref
                    if ref_file.is_file():
                        return ref_file.read_text().strip()
                    packed = git / "packed-refs"
                    for line in packed.read_text().splitlines() if packed.is_file() else []:
                        if line.endswith(" " + ref):
                            return line.split(" ", 1)[0]
                    return head
                return head
            except OSError:
                return "unreadable"
        if git.is_file():       # a worktree or submodule: the pointer file is good enough
            try:
                return git.read_text().strip()
            except OSError:
                return "unreadable"
    return ""


# --- one page -------------------------------------------------------------------------
class Unkeyable(TypeError):
    """A context value kc cannot encode: the page is rendered every time."""


def _encode(value, seen: set | None = None):
    """json.dumps's hook for the values it does not know; `seen` collects the documents met."""
    if isinstance(value, Document):
        if seen is not None:
            seen.add(value.src_path)
        return {"doc": value.digest}
    names = _FIELD_NAMES.get(type(value))
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES[type(value)] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        # [class name, field values...]: the nav's ~40 links and sections on every page were
        # half of the page keys' time as {name: value} dicts from dataclasses.fields()
        return ["\0" + type(value).__name__, *[getattr(value, name) for name in names]]
    if isinstance(value, BaseModel):
        return {"model": type(value).__name__, **value.__dict__}
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=repr)
    raise Unkeyable(f"cannot key a {type(value).__name__}")


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}    # dataclass -> its fields' names, in order
_ENCODER = json.JSONEncoder(default=_encode, ensure_ascii=False, check_circular=True,
                            separators=(",", ":"))


def page_key(salt: str, url: str, template: str, context: dict, seen: set | None = None) -> str | None:
    """The page's key, or None when its context holds something that cannot be encoded.
    `seen` receives the source paths of the documents in the context: what the page shows."""
    values = {key: value for key, value in context.items() if key not in SKIPPED_KEYS}
    encoder = _ENCODER if seen is None else json.JSONEncoder(
        default=lambda value: _encode(value, seen), ensure_ascii=False, check_circular=True,
        separators=(",", ":"))
    try:
        encoded = encoder.encode(values)
    except (Unkeyable, TypeError, ValueError):
        return None
    return hash_text(salt, url, template, encoded)
