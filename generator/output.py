"""The output folder: the one place kc writes a site, and how it is swapped in.

    prepare(config, target)   refuse folders kc did not build; clear leftovers of
                              interrupted builds; make a staging folder beside the target
    write_file(root, rel, b)  the ONE function that writes a site file: the resolved path
                              must stay inside root, and every name must fit the file system
    swap_in(staging, target)  put the staging folder in place in one atomic step
                              (renameat2 RENAME_EXCHANGE on Linux), then drop the old site

A built site carries a marker file, MARKER, listing what kc wrote, so `kc build --out ~`
can never replace a folder that merely happens to hold an index.html.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import stat
from functools import lru_cache
import shutil
import signal
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

from .config import SiteConfig
from .errors import ConfigError, KcError

MARKER = ".kc-site"
NAME_MAX = 255            # bytes in one file name, on every common file system
STAGING, OLD = ".tmp-", ".old-"


class OutputError(KcError):
    """The output folder cannot be written (permissions, a full disk, a path outside it)."""


def prepare(config: SiteConfig, target: Path) -> Path:
    """Check the target, remove stale staging folders, and return a new staging folder."""
    guard_output_dir(config, target)
    remove_leftovers(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}{STAGING}", dir=target.parent))
        os.chmod(staging, 0o755)
    except OSError as exc:
        raise OutputError(f"cannot write the site next to {target}: {exc.strerror or exc} "
                          f"(choose another --out, or fix the folder's permissions)") from exc
    return staging


def guard_output_dir(config: SiteConfig, target: Path) -> None:
    """Refuse to replace a folder that is not a site kc built (the project, content, a home folder)."""
    root = config.root.resolve()
    protected = [root, config.content_path.resolve(), (root / config.themes_dir).resolve()]
    if any(target == p or p.is_relative_to(target) or target.is_relative_to(p) and p != root
           for p in protected):
        raise ConfigError(f"refusing to build into {target}: it holds the project's sources")
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise ConfigError(f"cannot build into {target}: it is not a folder")
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).is_file():
        raise ConfigError(f"refusing to replace {target}: it is not empty and kc did not build it "
                          f"(no {MARKER} file); choose another --out or empty the folder yourself")


def remove_leftovers(target: Path, background: bool = False) -> None:
    """Staging and old-site folders that interrupted builds of this target left behind.
    background: deleted by a detached process, as swap_in does, so a rebuild right after a
    build does not wait for (nor race with) the deletion of the old site still under way."""
    if not target.parent.is_dir():
        return
    for prefix in (f".{target.name}{STAGING}", f".{target.name}{OLD}"):
        for leftover in target.parent.glob(prefix + "*"):
            if leftover.is_dir() and not leftover.is_symlink():
                discard(leftover, background)


def write_file(root: Path, rel: str, content: bytes) -> Path:
    """Write one site file under root; nothing outside root, no name too long to create.
    A file already there (a folder updated in place) is replaced, not overwritten: its old
    bytes may be shared by a hard link (a cached Pagefind bundle) and stay intact."""
    path = contained(root, rel)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if os.path.lexists(path):
            replace_file(path, content)
        else:
            path.write_bytes(content)
    except OSError as exc:
        raise OutputError(f"cannot write {rel} into the site: {exc.strerror or exc}") from exc
    written = _tracked.get(str(root))
    if written is not None:
        written.add(path.relative_to(resolved(str(root))).as_posix())
    return path


def replace_file(path: Path, content: bytes) -> None:
    """Write path atomically (a temporary file beside it, then a rename), with the
    permissions any new file of the user would get (not mkstemp's 0600)."""
    handle, temp = tempfile.mkstemp(prefix=f".{path.name[:40]}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.chmod(temp, 0o666 & ~current_umask())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


# --- updating a folder in place (the live preview) ----------------------------------------
_tracked: dict[str, set[str]] = {}     # root -> files written there since start_tracking


def is_site(target: Path) -> bool:
    return target.is_dir() and not target.is_symlink() and (target / MARKER).is_file()


def prepare_in_place(config: SiteConfig, target: Path) -> Path:
    """Check the target as prepare() does; the build writes into the folder itself."""
    guard_output_dir(config, target)
    remove_leftovers(target)
    return target


def start_tracking(root: Path) -> None:
    _tracked[str(root)] = set()


def track(root: Path, rel: str) -> None:
    """A file left in place counts as made by this build."""
    written = _tracked.get(str(root))
    if written is not None:
        written.add(rel)


def stop_tracking(root: Path) -> set[str]:
    return _tracked.pop(str(root), set())


def remove_stale(root: Path, previous: dict, produced: set[str], rebuilt_folders) -> None:
    """After an in-place build: delete the files the last build left that this one did not
    make. rebuilt_folders (the search index, Pagefind) are made whole by each build."""
    prefixes = tuple(folder.rstrip("/") + "/" for folder in rebuilt_folders)
    for rel in sorted(set(previous) - produced - {MARKER}, reverse=True):
        if rel.startswith(prefixes):
            continue
        path = contained(root, rel)
        try:
            path.unlink()
            for parent in path.parents:        # folders the page was alone in
                if parent == root or any(parent.iterdir()):
                    break
                parent.rmdir()
        except OSError:
            continue


def link_file(root: Path, rel: str, source: Path) -> bool:
    """Put an unchanged file of the previous site at root/rel without copying it (a hard
    link: the old site is deleted after the swap, the file lives on). False when the file
    system cannot link; the caller then writes the file."""
    path = contained(root, rel)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.link(source, path)
    except OSError:
        return False
    return True


def contained(root: Path, rel: str) -> Path:
    """root/rel, refusing a path that leaves root or has a name the file system cannot hold.

    `..` and absolute paths are caught lexically; a symbolic link planted among the folders
    is caught by one lstat per folder, remembered per root (resolving every path instead
    cost 6 s of a 10,000-page build)."""
    base = resolved(str(root))
    path = os.path.normpath(os.path.join(base, rel))
    if not path.startswith(base.rstrip(os.sep) + os.sep) or linked_folder(base, path):
        raise OutputError(f"refusing to write {rel!r}: it is outside the output folder")
    too_long = [part for part in path[len(base):].split(os.sep) if len(part.encode()) > NAME_MAX]
    if too_long:
        raise OutputError(f"refusing to write {rel!r}: the name {too_long[0][:40]}… is longer "
                          f"than {NAME_MAX} bytes")
    return Path(path)


@lru_cache(maxsize=64)
def resolved(root: str) -> str:
    return str(Path(root).resolve())


@lru_cache(maxsize=64)
def _plain_folders(base: str) -> set[str]:
    return set()


def linked_folder(base: str, path: str) -> bool:
    """Is a folder between base and path a symbolic link (or not a folder)?"""
    plain = _plain_folders(base)
    folder = os.path.dirname(path)
    pending = []
    while folder != base and folder not in plain:
        pending.append(folder)
        folder = os.path.dirname(folder)
    for folder in reversed(pending):
        try:
            mode = os.lstat(folder).st_mode
        except FileNotFoundError:
            plain.add(folder)          # made by mkdir below, by kc
            continue
        except OSError:
            return True
        if not stat.S_ISDIR(mode):
            return True
        plain.add(folder)
    return False


def write_marker(staging: Path) -> dict[str, list[int]]:
    """The marker lists every file of the site, so a later build knows the folder is kc's.
    Returns every file of the site, the marker included, with its [size, mtime_ns] (what
    the build manifest records; swapping the folder in changes neither), from a walk of
    the folder: after an in-place build too, once remove_stale has run."""
    files = site_files(staging)
    files.pop(MARKER, None)
    marker = write_file(staging, MARKER, marker_text(sorted(files)))
    info = os.lstat(marker)
    files[MARKER] = [info.st_size, info.st_mtime_ns]
    return dict(sorted(files.items()))


def site_files(root: Path) -> dict[str, list[int]]:
    """Every file under root (relative POSIX path -> [size, mtime_ns] of its lstat), in one
    os.scandir walk; linked folders are not entered. (Path.rglob with is_file and
    relative_to, then an lstat per file, took ~2 s for the 21,650 files of 10,000 pages.)"""
    files: dict[str, list[int]] = {}
    pending = [("", str(root))]
    while pending:
        prefix, folder = pending.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append((prefix + entry.name + "/", entry.path))
                elif entry.is_file():
                    info = entry.stat(follow_symlinks=False)
                    files[prefix + entry.name] = [info.st_size, info.st_mtime_ns]
    return files


def marker_text(files: list[str]) -> bytes:
    return ("# built by kc; kc build replaces this folder\n" + "".join(f"{name}\n" for name in files)).encode("utf-8")


def swap_in(staging: Path, target: Path, background: bool = False) -> bool:
    """Put staging where target is, atomically; True when Ctrl-C came during the swap
    (the new site is then complete and in place: the interrupt is reported, not obeyed).
    background=True leaves deleting the old site to a detached process (`kc build` and the
    preview: at 10,000 pages the deletion took seconds after the new site was already in
    place); whatever it has not deleted when the next build starts, prepare() removes."""
    with sigint_deferred() as interrupted:
        if target.exists():
            if exchange(staging, target):
                discard(staging, background)                     # staging now holds the old site
            else:
                old = target.with_name(f".{target.name}{OLD}{staging.name.rsplit('-', 1)[-1]}")
                os.rename(target, old)
                try:
                    os.rename(staging, target)
                except BaseException:
                    os.rename(old, target)
                    raise
                discard(old, background)
        else:
            os.rename(staging, target)
    return interrupted[0]


def discard(folder: Path, background: bool) -> None:
    """Delete an old site folder (named like a leftover, so an interrupted deletion is finished
    by the next build's remove_leftovers)."""
    if background:
        try:
            subprocess.Popen(["rm", "-rf", "--", str(folder)], stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
            return
        except OSError:
            pass        # no `rm` here: delete it now
    shutil.rmtree(folder, ignore_errors=True)


RENAME_EXCHANGE = 2
_libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
_renameat2 = getattr(_libc, "renameat2", None)
AT_FDCWD = -100


def exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2); False where the platform cannot."""
    if _renameat2 is None:
        return False
    result = _renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


@contextmanager
def sigint_deferred():
    """Hold Ctrl-C while the site is swapped; afterwards say whether it was pressed.

    The handler is swapped rather than the signal mask, because the mask is per thread and
    a progress bar's thread would still take the signal."""
    interrupted = [False]
    try:
        previous = signal.signal(signal.SIGINT, lambda *_: interrupted.__setitem__(0, True))
    except ValueError:          # not the main thread: signals cannot be handled here
        previous = None
    try:
        yield interrupted
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def write_user_file(out: str | Path, text: str) -> None:
    """Write a file the user named with --out (a digest, a report).

    An existing device, pipe or link (/dev/null, /dev/stdout) is written through, never
    replaced; a regular file is replaced atomically (temporary file + rename) and gets the
    permissions any new file of the user would get (not mkstemp's 0600)."""
    target = Path(out)
    data = text.encode("utf-8")
    try:
        if target.is_symlink() or (target.exists() and not target.is_file()):
            with open(target, "wb") as stream:        # through the link or into the device
                stream.write(data)
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        replace_file(target, data)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
