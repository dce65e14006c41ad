"""What the preview shows right now: the generation of the site being served (bumped by
every successful build) and the problems of the last build (empty when it succeeded).
Request threads block on it until it changes (server-sent events)."""
from __future__ import annotations

import json
import threading


class PreviewState:
    def __init__(self) -> None:
        self._changed = threading.Condition()
        self.version = 0          # bumped on every change, so waiters wake up
        self.generation = 0       # bumped by every successful build: open pages reload
        self.problems: list[dict] = []
        self.searching = False    # the search index is being brought up to date with the pages
        self.closed = False

    def built(self, searching: bool = False) -> None:
        with self._changed:
            self.generation += 1
            self.problems = []
            self.searching = searching
            self._bump()

    def searched(self) -> None:
        with self._changed:
            self.searching = False
            self._bump()

    def failed(self, problems: list[dict]) -> None:
        with self._changed:
            self.problems = problems
            self._bump()

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._bump()

    def _bump(self) -> None:
        self.version += 1
        self._changed.notify_all()

    def wait(self, seen_version: int, timeout: float) -> int:
        """Block until the state differs from seen_version (or timeout); return the version."""
        with self._changed:
            self._changed.wait_for(lambda: self.version != seen_version or self.closed, timeout)
            return self.version

    def snapshot(self) -> str:
        with self._changed:
            return json.dumps({"generation": self.generation, "problems": self.problems,
                               "searching": self.searching}, ensure_ascii=False)
