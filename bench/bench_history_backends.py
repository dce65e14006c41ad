"""Which git reader for kc's version history? Times the same job with the `git`
executable, pygit2 and dulwich on a repository of N policies x C commits:

    every first-parent commit touching content/, oldest first, with its changed files
    (renames detected), and the text of every changed file.

    python bench/bench_history_backends.py [--docs 1000] [--commits 20] [--runs 3]

Prints the median of --runs for each backend and its ratio to the fastest.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from history_repo import make_repo  # noqa: E402


def with_git(root: Path) -> tuple[int, int]:
    """`git log --raw -M -z` once, then every changed file through one `git cat-file --batch --buffer`."""
    out = subprocess.run(["git", "-C", str(root), "log", "--first-parent", "--reverse", "-M", "--raw",
                          "--no-abbrev", "-z", "--format=%x01%H %ct", "--", "content"],
                         capture_output=True, check=True).stdout.decode()
    commits, blobs = [], set()
    tokens = iter(out.split("\0"))
    for token in tokens:
        token = token.lstrip("\n")
        if token.startswith("\x01"):
            commits.append((token[1:], []))
        elif token.startswith(":"):
            fields = token[1:].split(" ")
            paths = [next(tokens, "")] + ([next(tokens, "")] if fields[4][0] in "RC" else [])
            commits[-1][1].append((fields[4][0], paths))
            if fields[4][0] != "D" and paths[-1].startswith("content/") and paths[-1].endswith(".md"):
                blobs.add(fields[3])
    batch = subprocess.run(["git", "-C", str(root), "cat-file", "--batch", "--buffer"], capture_output=True,
                           check=True, input="".join(f"{b}\n" for b in sorted(blobs)).encode()).stdout
    texts, position = {}, 0
    while position < len(batch):
        end = batch.index(b"\n", position)
        blob, _kind, length = batch[position:end].split(b" ")
        texts[blob] = batch[end + 1:end + 1 + int(length)].decode()
        position = end + 1 + int(length) + 1
    return len(commits), sum(len(text) for text in texts.values())


def with_pygit2(root: Path) -> tuple[int, int]:
    """What kc uses (generator/history/gitlog.py)."""
    from generator.history.gitlog import read_log
    log = read_log(root, "content")
    return len(log.commits), sum(len(text) for text in log.texts.values())


def with_dulwich(root: Path) -> tuple[int, int]:
    from dulwich.diff_tree import RenameDetector
    from dulwich.repo import Repo
    repo = Repo(str(root))
    detector = RenameDetector(repo.object_store)
    commits, size = [], 0
    for entry in reversed(list(repo.get_walker(follow=False, rename_detector=detector))):
        if len(entry.commit.parents) > 1:
            continue
        changes = entry.changes()
        for change in changes:
            if change.new is not None and change.new.path and change.new.path.startswith(b"content/") \
                    and change.new.path.endswith(b".md"):
                size += len(repo.object_store[change.new.sha].data.decode())
        commits.append((entry.commit.id, entry.commit.commit_time, changes))
    repo.close()
    return len(commits), size


BACKENDS = {"git executable": with_git, "pygit2": with_pygit2, "dulwich": with_dulwich}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip", action="append", default=[], help="backend to leave out")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = make_repo(Path(tmp) / "repo", args.docs, args.commits)
        results = {}
        for name, run in BACKENDS.items():
            if name in args.skip:
                continue
            times = []
            for _ in range(args.runs):
                started = time.perf_counter()
                found = run(root)
                times.append(time.perf_counter() - started)
            results[name] = (statistics.median(times), found)
    fastest = min(t for t, _ in results.values())
    print(f"history of {args.docs} documents x {args.commits} commits (median of {args.runs})")
    for name, (seconds, (commits, chars)) in results.items():
        print(f"  {name:15} {seconds:7.2f} s  {seconds / fastest:5.1f}x  ({commits} commits, {chars} chars read)")


if __name__ == "__main__":
    main()
