"""Benchmark `kc check` (load + validate + link) on a generated corpus.

    python bench/bench_check.py [--docs 10000] [--runs 3]

Prints the median wall time and CPU time of each stage and of the whole check,
cold (no outline cache: every body parsed) and warm (unchanged bodies' outlines
read from .kc/cache/) side by side. Target (issue #2): 10,000 documents well under 10 s.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate  # noqa: E402

from generator import load_config  # noqa: E402
from generator.pipeline import CHECK_STAGES  # noqa: E402
from generator.site import Site  # noqa: E402


def cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_once(config_path: Path) -> tuple[dict[str, float], float, int]:
    site = Site(config=load_config(config_path), today=date(2026, 11, 22))
    walls, cpu = {}, cpu_seconds()
    for name, stage in CHECK_STAGES:
        start = time.perf_counter()
        stage(site)
        walls[name] = time.perf_counter() - start
    assert not site.diagnostics.has_errors(), "generated corpus should be clean"
    return walls, cpu_seconds() - cpu, len(site.documents)


def measure(config_path: Path, runs: int, warm: bool) -> None:
    cache_dir = config_path.parent / ".kc"
    results = []
    for _ in range(runs):
        if not warm:
            shutil.rmtree(cache_dir, ignore_errors=True)
        results.append(run_once(config_path))
    docs = results[0][2]
    totals = [sum(walls.values()) for walls, _, _ in results]
    stages = "  ".join(f"{name} {statistics.median(r[0][name] for r in results):.2f}s"
                       for name, _ in CHECK_STAGES)
    label = "warm" if warm else "cold"
    print(f"{label} {docs} docs: median wall {statistics.median(totals):.2f} s "
          f"(min {min(totals):.2f}, max {max(totals):.2f}), median CPU "
          f"{statistics.median(cpu for _, cpu, _ in results):.2f} s  [{stages}]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        config_path = generate(Path(tmp), args.docs)
        print(f"kc check benchmark: {args.docs} generated documents, {args.runs} runs each")
        measure(config_path, args.runs, warm=False)
        measure(config_path, args.runs, warm=True)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS of the benchmark process: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
