"""Reading the git history while the build checks the content.

The check (load, validate, link) runs on one core and does not need the history; reading
git does not need the checked corpus, only the settings. `start(config)`, called by the
build just before the check when the history is not cached yet, forks a process that
reads the history (and writes its cache); `take(config)`, called when a page first needs
the history, reads the result back. On 2 cores this hides a cold build's git read (0.45 s
of CPU at 1,000 policies x 20 commits) behind the check.

Nothing here is needed for correctness: no fork (Windows, a process with threads such
as `kc serve`), a failed child or nothing started all give None, and the caller reads
the history itself. The child's result comes back pickled through a pipe from a process
this one forked: no file, nothing anyone else wrote, is ever unpickled.
"""
from __future__ import annotations

import atexit
import multiprocessing
import os
import pickle
import threading
from pathlib import Path

_pending: dict[str, tuple[int, int, int]] = {}   # project root -> (our pid, child pid, pipe to read)


def start(config) -> None:
    """Fork a process reading the history, when the content is in git and there is no cache
    to read it from (with one, even after new commits, reading is quick: only the new
    commits are read)."""
    from ..incremental.fingerprint import git_head
    from .store import CACHE_FILE, load
    root = _key(config)
    discard(root)
    if ((config.root / CACHE_FILE).is_file() or not git_head(Path(config.content_path))
            or "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1):
        return      # cached, not in git (a few file reads tell), or forking is not safe here
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:                                   # the child: read, send, leave
        status = 1
        try:
            os.close(read_end)
            data = pickle.dumps(load(config), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as out:
                out.write(data)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    _pending[root] = (os.getpid(), pid, read_end)


def take(config):
    """The history the child read for this project, or None (none started, or it failed)."""
    found = _pending.get(_key(config))
    if found is None or found[0] != os.getpid():     # a forked page worker: not its child
        return None
    del _pending[_key(config)]
    _, pid, read_end = found
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if status != 0 or not data:
        return None
    return pickle.loads(data)


def discard(root: str) -> None:
    """Drop a child nobody took (a build that stopped at the check's errors)."""
    found = _pending.get(root)
    if found is not None and found[0] == os.getpid():
        del _pending[root]
        _, pid, read_end = found
        os.close(read_end)          # the child's write fails; it exits
        os.waitpid(pid, 0)


def _key(config) -> str:
    return str(config.root.resolve())


@atexit.register
def _discard_all() -> None:
    for root in list(_pending):
        discard(root)
