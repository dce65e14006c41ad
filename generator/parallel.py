"""Run one pure function over many items in forked worker processes, in order.

The build's read-only state (the corpus, lookups, rendered bodies, the theme) is
inherited by fork, never pickled; only each item's small result comes back. Below
SERIAL_BELOW items, or with jobs=1, or where fork is unavailable, work runs in this
process: a pool costs more than it saves on a small site.
"""
from __future__ import annotations

import multiprocessing
import os
from typing import Callable, Sequence, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
SERIAL_BELOW = 400      # items; measured: a pool's start-up is ~0.1 s
CHUNK = 64

_shared: tuple | None = None   # (work, items) while a pool runs: inherited by the forked workers


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


def ordered_map(work: Callable[[Item], Result], items: Sequence[Item], jobs: int | None = None,
                done: Callable[[int], None] | None = None) -> list[Result]:
    """[work(item) for item in items], across `jobs` processes; done(n) after each chunk."""
    jobs = default_jobs() if jobs is None else jobs
    if jobs <= 1 or len(items) < SERIAL_BELOW or "fork" not in multiprocessing.get_all_start_methods():
        results = []
        for index, item in enumerate(items, 1):
            results.append(work(item))
            if done and index % CHUNK == 0:
                done(index)
        return results
    global _shared
    _shared = (work, items)
    try:
        chunks = [(start, min(start + CHUNK, len(items))) for start in range(0, len(items), CHUNK)]
        results: list = []
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            for part in pool.imap(_run_chunk, chunks):
                results.extend(part)
                if done:
                    done(len(results))
        return results
    finally:
        _shared = None


def _run_chunk(bounds: tuple[int, int]) -> list:
    work, items = _shared
    return [work(items[index]) for index in range(*bounds)]
