"""What version history adds to `kc build`, on N policies x C commits in git
(bench/history_repo.py: three versions each, every 10th file renamed).

    python bench/bench_history.py [--docs 1000] [--commits 20] [--runs 3]

Builds the same content three ways, median of --runs each:
  without git      a copy with no .git (change-log history only), caches cleared
  cold, with git   caches cleared (.kc/ removed): git read, versions derived, diff pages
  rebuild          the same HEAD again: history comes from .kc/cache/history.json
and prints what history adds: cold with git - without git (target: <= 3 s), and
rebuild - without git's rebuild (target: nothing). The four builds of a run are taken in
turn (not all runs of one, then the next), so a machine busy for a while weighs on all of
them alike. Wall time and CPU time (kc's process, its workers and Pagefind) are both
printed, with the load average: on a shared machine the CPU time is the steadier figure.
"""
from __future__ import annotations

import argparse
import os
import resource
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


def cpu_seconds() -> float:
    """User + system time of this process and its finished children (workers, Pagefind)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(root: Path, out: Path, cold: bool) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, pages) of one build."""
    if cold:
        shutil.rmtree(root / ".kc", ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
    started, cpu = time.perf_counter(), cpu_seconds()
    result = build(load_config(root / "site_config.yml"), out_dir=out)
    return time.perf_counter() - started, cpu_seconds() - cpu, result.pages


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
        builds = (("without git, cold", plain, True), ("without git, rebuild", plain, False),
                  ("with git, cold", with_git, True), ("with git, rebuild", with_git, False))
        load_before = os.getloadavg()[0]
        runs: dict[str, list] = {name: [] for name, _, _ in builds}
        for _ in range(args.runs):
            for name, root, cold in builds:
                runs[name].append(timed(root, Path(tmp) / ("out-git" if root == with_git else "out"), cold))
        load_after = os.getloadavg()[0]
    rows = {name: (statistics.median(r[0] for r in found), statistics.median(r[1] for r in found), found[0][2])
            for name, found in runs.items()}
    print(f"kc build, {args.docs} policies x {args.commits} commits (median of {args.runs}; "
          f"load average {load_before:.2f} before, {load_after:.2f} after)")
    for name, (wall, cpu, pages) in rows.items():
        print(f"  {name:22} {wall:6.2f} s wall  {cpu:6.2f} s CPU  {pages} pages")
    cold = [rows["with git, cold"][i] - rows["without git, cold"][i] for i in (0, 1)]
    warm = [rows["with git, rebuild"][i] - rows["without git, rebuild"][i] for i in (0, 1)]
    print(f"history adds {cold[0]:+.2f} s wall ({cold[1]:+.2f} s CPU) to a cold build (target <= 3 s) and "
          f"{warm[0]:+.2f} s wall ({warm[1]:+.2f} s CPU) to a rebuild "
          f"({rows['with git, cold'][2] - rows['without git, cold'][2]} more pages: the diff pages)")


if __name__ == "__main__":
    main()
