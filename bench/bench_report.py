"""Benchmark `kc report` on a generated corpus, next to `kc check` on the same corpus.

    python bench/bench_report.py [--docs 10000] [--runs 3]

Runs the real commands (`kc report --format json`, `kc check --format json`) as
processes, cold (no outline cache) and warm, and prints median wall times side by side
with their ratio, plus the health analysis alone (in-process, after the check).
`kc report` is `kc check`'s load/validate/link plus the analysis, so the ratio shows
what the health rules cost. Target (issue #15): 10,000 documents report in <= 5 s.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))
from corpus import generate  # noqa: E402

from generator import load_config, pipeline  # noqa: E402
from generator.health import analyze  # noqa: E402


def timed_command(config_path: Path, args: list[str], cold: bool) -> float:
    if cold:
        shutil.rmtree(config_path.parent / ".kc", ignore_errors=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "generator.cli", *args, "--config", str(config_path)],
                          env=env, cwd=config_path.parent, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0,):
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return elapsed


def median_of(runs: int, call) -> float:
    return statistics.median(call() for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        config_path = generate(Path(tmp), args.docs)
        print(f"kc report benchmark: {args.docs} generated documents, median of {args.runs} runs")
        print(f"{'':6} {'kc check':>10} {'kc report':>10} {'ratio':>6}")
        for cold in (True, False):
            check = median_of(args.runs, lambda: timed_command(config_path, ["check", "--format", "json"], cold))
            report = median_of(args.runs, lambda: timed_command(config_path, ["report", "--format", "json"], cold))
            print(f"{'cold' if cold else 'warm':6} {check:>9.2f}s {report:>9.2f}s {report / check:>5.2f}x")
        site = pipeline.check(load_config(config_path), today=date(2026, 11, 22))
        walls = []
        for _ in range(args.runs):
            start = time.perf_counter()
            health = analyze(site)
            walls.append(time.perf_counter() - start)
        print(f"health analysis alone: median {statistics.median(walls):.3f} s "
              f"({len(health.findings)} findings over {health.documents} documents)")


if __name__ == "__main__":
    main()
