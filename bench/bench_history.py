"""What version history adds to `kc build`, on N policies x C commits in git
(bench/history_repo.py: three versions each, every 10th file renamed).

    python bench/bench_history.py [--docs 1000] [--commits 20] [--runs 3]

Builds the same content three ways, median of --runs each:
  without git      a copy with no .git (change-log history only), caches cleared
  cold, with git   caches cleared (.kc/ removed): git read, versions derived, diff pages
  rebuild          the same HEAD again: history comes from .kc/cache/history.json
and prints what history adds: cold with git - without git (target: <= 3 s), and
rebuild - without git's rebuild (target: nothing).
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from history_repo import make_repo  # noqa: E402

from generator import load_config  # noqa: E402
from generator.build import build  # noqa: E402


def timed(root: Path, out: Path, cold: bool) -> tuple[float, int]:
    if cold:
        shutil.rmtree(root / ".kc", ignore_errors=True)
    started = time.perf_counter()
    result = build(load_config(root / "site_config.yml"), out_dir=out)
    return time.perf_counter() - started, result.pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        with_git = make_repo(Path(tmp) / "git", args.docs, args.commits)
        plain = Path(tmp) / "plain"
        shutil.copytree(with_git, plain, ignore=shutil.ignore_patterns(".git"))
        rows = {}
        for name, root, cold in (("without git, cold", plain, True), ("without git, rebuild", plain, False),
                                 ("with git, cold", with_git, True), ("with git, rebuild", with_git, False)):
            runs = [timed(root, Path(tmp) / "out", cold) for _ in range(args.runs)]
            rows[name] = (statistics.median(t for t, _ in runs), runs[0][1])
    print(f"kc build, {args.docs} policies x {args.commits} commits (median of {args.runs})")
    for name, (seconds, pages) in rows.items():
        print(f"  {name:22} {seconds:6.2f} s  {pages} pages")
    cold = rows["with git, cold"][0] - rows["without git, cold"][0]
    warm = rows["with git, rebuild"][0] - rows["without git, rebuild"][0]
    print(f"history adds {cold:+.2f} s to a cold build (target <= 3 s) and {warm:+.2f} s to a rebuild "
          f"({rows['with git, cold'][1] - rows['without git, cold'][1]} more pages: the diff pages)")


if __name__ == "__main__":
    main()
