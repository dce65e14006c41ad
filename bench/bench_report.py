"""Benchmark `kc report` on generated corpora, next to `kc check` on the same corpora.

    python bench/bench_report.py [--docs 1000 10000] [--runs 5]

Runs the real commands (`kc report --format json`, `kc check --format json`) as
processes, cold (no `.kc/` folder: nothing remembered) and warm (the outline cache of a
previous run present), and prints for each corpus size the median wall time and the
median CPU time (user + system, less sensitive to other processes on a shared machine)
side by side with their ratio, plus the health analysis alone (in-process, after the
check) and the load average before and after. `kc report` is `kc check`'s
load/validate/link plus the analysis, so the ratio shows what the health rules cost.
Target (issue #15): 10,000 documents report in <= 5 s.
"""
from __future__ import annotations

import argparse
import os
import resource
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

TARGET_DOCS, TARGET_SECONDS = 10_000, 5.0


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_command(config_path: Path, args: list[str], cold: bool) -> tuple[float, float]:
    """(wall, CPU) seconds of one `kc ...` process."""
    if cold:
        shutil.rmtree(config_path.parent / ".kc", ignore_errors=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cpu, start = children_cpu(), time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "generator.cli", *args, "--config", str(config_path)],
                          env=env, cwd=config_path.parent, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return wall, children_cpu() - cpu


def medians(runs: int, config_path: Path, args: list[str], cold: bool) -> tuple[float, float]:
    if not cold:
        timed_command(config_path, args, cold=True)   # leave what a first run remembers
    results = [timed_command(config_path, args, cold) for _ in range(runs)]
    return statistics.median(r[0] for r in results), statistics.median(r[1] for r in results)


def analysis_alone(config_path: Path, runs: int) -> str:
    site = pipeline.check(load_config(config_path), today=date(2026, 11, 22))
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        health = analyze(site)
        walls.append(time.perf_counter() - start)
    return (f"health analysis alone: median {statistics.median(walls):.3f} s "
            f"({len(health.findings)} findings over {health.documents} documents)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"kc report benchmark: median of {args.runs} runs; load average before "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} CPUs)")
    print(f"{'docs':>6} {'':4}  {'kc check':>17}  {'kc report':>17}  {'report/check':>12}")
    print(f"{'':>6} {'':4}  {'wall':>8} {'CPU':>8}  {'wall':>8} {'CPU':>8}")
    notes, verdicts = [], []
    for docs in args.docs:
        with tempfile.TemporaryDirectory() as tmp:
            config_path = generate(Path(tmp), docs)
            for cold in (True, False):
                check = medians(args.runs, config_path, ["check", "--format", "json"], cold)
                report = medians(args.runs, config_path, ["report", "--format", "json"], cold)
                mode = "cold" if cold else "warm"
                print(f"{docs:>6} {mode:4}  {check[0]:>7.2f}s {check[1]:>7.2f}s  {report[0]:>7.2f}s "
                      f"{report[1]:>7.2f}s  {report[0] / check[0]:>11.2f}x", flush=True)
                if docs == TARGET_DOCS:
                    verdicts.append(f"{mode} {report[0]:.2f} s "
                                    f"({'met' if report[0] <= TARGET_SECONDS else 'NOT met'})")
            notes.append(f"{docs} documents: {analysis_alone(config_path, args.runs)}")
    print("\n".join(notes))
    if verdicts:
        print(f"target: {TARGET_DOCS} documents report in <= {TARGET_SECONDS:g} s: {', '.join(verdicts)}")
    print(f"load average after {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
