"""Reading a content folder's git history (pygit2, in process).

One walk over the first-parent history, oldest first: for each commit the files it
changed under the content folder (renames detected, as `git log -M` does), and the
text of every changed Markdown file. pygit2 was chosen by measurement over the `git`
executable (`git log --raw -M` + one `git cat-file --batch --buffer`) and dulwich:
bench/bench_history_backends.py, 1,000 documents x 20 commits, median of 3 runs:
pygit2 0.44-0.49 s, git executable 0.65-0.73 s, dulwich 2.0 s (see docs/history.md).

Nothing here raises for a missing or unusable repository: no pygit2, no repository,
no commit yet give None, and the caller falls back to the change log. History is an
extra, never a reason for a build to fail.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

@dataclass(frozen=True)
class Change:
    status: str            # A added, M modified, R renamed, C copied, D deleted, T type changed
    old_path: str | None   # repository-relative, for R/C/D
    new_path: str | None   # repository-relative, for A/M/R/C/T
    blob: str | None       # the new text's object id (None for D)


@dataclass(frozen=True)
class Commit:
    id: str
    time: int              # committer time, seconds since the epoch (UTC)
    changes: tuple[Change, ...]


@dataclass
class GitLog:
    head: str
    base: str | None = None                                  # the commit read from (None: the first)
    commits: list[Commit] = field(default_factory=list)      # oldest first, after base
    texts: dict[str, str] = field(default_factory=dict)      # blob id -> text of each .md version


@dataclass(frozen=True)
class Repository:
    root: Path             # the work tree's top folder
    head: str | None       # None: no commit yet
    shallow: bool


def open_repository(folder: Path) -> Repository | None:
    """The git work tree holding `folder`, or None (no pygit2, no repository, bare)."""
    try:
        import pygit2
        found = pygit2.discover_repository(str(folder))
        if not found:
            return None
        repo = pygit2.Repository(found)
        if repo.is_bare or repo.workdir is None:
            return None
        head = None if repo.head_is_unborn else str(repo.head.target)
        return Repository(Path(repo.workdir).resolve(), head, bool(repo.is_shallow))
    except Exception:   # noqa: BLE001 - a damaged repository means "no history", never a crash
        return None


def read_log(root: Path, prefix: str, wanted=lambda path: path.endswith(".md"),
             since: str | None = None) -> GitLog | None:
    """Every first-parent commit that changed a file under `prefix` (a repository-relative
    folder, '' for all), oldest first, and the text of every changed file `wanted` accepts.

    since: a commit read before (the HEAD a cache was made at). When it is on HEAD's
    first-parent chain, only the commits after it are read and log.base is it; otherwise
    (history rewritten, another branch) the whole log is read and log.base is None."""
    try:
        import pygit2
        repo = pygit2.Repository(str(root))
        if repo.head_is_unborn:
            return None
        head = repo.head.target
        walker = repo.walk(head)           # newest first; first parents only: one chain
        walker.simplify_first_parent()
        chain, base = [], None
        for commit in walker:
            if since is not None and str(commit.id) == since:
                base = since
                break
            chain.append(commit)
        log = GitLog(str(head), base=base)
        odb = repo.odb
        under = prefix.rstrip("/") + "/" if prefix else ""
        for commit in reversed(chain):
            parent = commit.parents[0].tree if commit.parents else None
            diff = (repo.diff(parent, commit.tree) if parent is not None
                    else commit.tree.diff_to_tree(swap=True))
            diff.find_similar()
            changes = []
            for delta in diff.deltas:
                change = _change(delta)
                if not any(p and p.startswith(under) for p in (change.old_path, change.new_path)):
                    continue
                changes.append(change)
                if change.blob and wanted(change.new_path) and change.blob not in log.texts:
                    log.texts[change.blob] = odb.read(delta.new_file.id)[1].decode("utf-8", "replace")
            if changes:
                log.commits.append(Commit(str(commit.id), commit.commit_time, tuple(changes)))
        return log
    except Exception:   # noqa: BLE001 - see the module docstring
        return None


def _change(delta) -> Change:
    status = delta.status_char()
    if status == "D":
        return Change("D", delta.old_file.path, None, None)
    old = delta.old_file.path if status in "RC" else None
    return Change(status, old, delta.new_file.path, str(delta.new_file.id))
