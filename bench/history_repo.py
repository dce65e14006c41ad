"""A git repository of N policies x C commits, for the history benchmarks.

    python bench/history_repo.py OUT_DIR --docs 1000 --commits 20

Every commit edits every policy (one sentence in one of its five sections); the `version` field changes at
commits 0, 7 and 14, so each policy has three versions; every 10th policy is renamed
at commit 10. Written with `git fast-import` (seconds, not minutes).
"""
from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

CONFIG = "title: History bench\nbase_url: https://kc.example.com/\n"
TEAMS = "policy:\n  name: Policy\n  contact: policy@example.com\n"
VERSION_STARTS = (0, 7, 14)


def policy(index: int, commit: int) -> str:
    version = sum(1 for start in VERSION_STARTS if commit >= start)
    sections = "\n\n".join(
        f"## Section {s}\n\n" + " ".join(f"Rule {s}.{w} applies to case {index} in revision "
                                         f"{commit if s == commit % 5 and w == 0 else 0}." for w in range(6))
        for s in range(5))
    return (f"---\nid: policy-{index}\ntitle: Policy {index}\nowner: policy\naudience: internal\n"
            f"version: '{version}.0'\neffective: 2026-0{version}-01\nupdated: 2026-0{version}-01\n"
            f"summary: Policy {index}.\n---\n\n{sections}\n")


def path(index: int, commit: int) -> str:
    renamed = index % 10 == 0 and commit >= 10
    return f"content/policies/policy-{index}{'-renamed' if renamed else ''}.md"


def stream(docs: int, commits: int):
    def blob(text: str) -> bytes:
        data = text.encode()
        return b"data %d\n" % len(data) + data + b"\n"
    for commit in range(commits):
        message = f"commit {commit}"
        yield b"commit refs/heads/main\n"
        yield b"committer Bench <bench@example.com> %d +0000\n" % (1767225600 + commit * 86400)
        yield blob(message)
        if not commit:   # later commits continue the branch
            yield b"M 100644 inline site_config.yml\n" + blob(CONFIG)
            yield b"M 100644 inline content/teams.yml\n" + blob(TEAMS)
        for index in range(docs):
            if path(index, commit) != path(index, commit - 1) and commit:
                yield f"D {path(index, commit - 1)}\n".encode()
            yield f"M 100644 inline {path(index, commit)}\n".encode() + blob(policy(index, commit))
        yield b"\n"


def make_repo(out: Path, docs: int = 1000, commits: int = 20) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(out)], check=True)
    importer = subprocess.Popen(["git", "-C", str(out), "fast-import", "--quiet"], stdin=subprocess.PIPE)
    for chunk in stream(docs, commits):
        importer.stdin.write(chunk)
    importer.stdin.close()
    if importer.wait():
        raise SystemExit("git fast-import failed")
    subprocess.run(["git", "-C", str(out), "checkout", "-q", "-f", "main"], check=True)
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=20)
    args = parser.parse_args()
    print(make_repo(args.out, args.docs, args.commits))
