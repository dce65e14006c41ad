"""Rebuild the preview site; report the outcome to the state and the terminal; never raise
on bad content, a broken theme or a broken site_config.yml (the author is mid-edit)."""
from __future__ import annotations

import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console

from .. import report
from ..build import build
from ..config import SiteConfig, load_config
from ..errors import BuildFailed, KcError
from ..gc_pause import no_cyclic_gc
from ..incremental.session import Session
from ..theme import BUILTIN_THEMES, load_theme
from .state import PreviewState


@dataclass
class Previewer:
    config_path: Path
    out_dir: Path
    audience: str
    drafts: bool
    state: PreviewState
    console: Console
    config: SiteConfig | None = None
    last_seconds: float = field(default=0.0)
    first_build_done: bool = False
    session: Session = field(default_factory=Session)   # what the preview keeps between builds

    def rebuild(self) -> bool:
        """One build; True when the site was updated."""
        started = time.perf_counter()
        try:
            self.config = load_config(self.config_path)
            # jobs=1: this process serves pages and watches files from other threads, and a
            # fork taken while one of them holds a lock can hang; rebuilds are incremental anyway
            with no_cyclic_gc():
                result = build(self.config, out_dir=self.out_dir, audience=self.audience,
                               drafts=self.drafts, jobs=1, background_cleanup=True, session=self.session)
        except BuildFailed as failed:
            self.state.failed([d.to_dict() for d in failed.diagnostics if d.severity.value == "error"])
            report.print_text(failed.diagnostics, getattr(failed, "documents", 0), self.console)
            self.console.print("Preview not updated: fix the errors above (the browser shows them too).",
                               markup=False, highlight=False)
            return False
        except KcError as error:
            self.state.failed([problem(str(self.config_path), str(error))])
            self.console.print(f"kc: error: {error}", markup=False, highlight=False, soft_wrap=True)
            return False
        except Exception as error:  # noqa: BLE001 — a preview must survive anything mid-edit
            self.state.failed([problem("kc", f"internal error: {type(error).__name__}: {error}",
                                       "please report this with the terminal output")])
            self.console.print(traceback.format_exc(), markup=False, highlight=False)
            return False
        self.last_seconds = time.perf_counter() - started
        self.state.built(searching=self.session.pending is not None)   # open pages reload now
        self.console.print(f"Rebuilt {result.pages} pages ({result.rendered} rendered) in {self.last_seconds:.2f} s "
                           f"({result.warnings} warning{'s' * (result.warnings != 1)})",
                           markup=False, highlight=False)
        return True

    def finish(self) -> bool:
        """The rest of an in-place rebuild, once no save is waiting: feeds, search index, manifest."""
        started = time.perf_counter()
        try:
            if self.session.finish() is None:
                return True
        except Exception as error:  # noqa: BLE001 — a preview must survive anything mid-edit
            self.state.failed([problem("kc", f"updating the search index failed: {type(error).__name__}: "
                                             f"{error}", "save again to retry; report it if it persists")])
            self.console.print(traceback.format_exc(), markup=False, highlight=False)
            return False
        self.state.searched()
        self.console.print(f"Search index and feeds updated in {time.perf_counter() - started:.2f} s",
                           markup=False, highlight=False)
        return True

    def watched_paths(self) -> list[Path]:
        """content/, the theme folders and site_config.yml's folder (for the config file)."""
        paths = [self.config_path.resolve()]
        if self.config is not None:
            paths.append(self.config.content_path)
            themes = self.config.root / self.config.themes_dir
            paths.append(themes if themes.is_dir() else None)
            try:
                paths.extend(load_theme(self.config).folders)
            except KcError:
                paths.append(BUILTIN_THEMES)
        unique = []
        for path in paths:
            if path is not None and path.exists() and not any(path.is_relative_to(p) for p in unique):
                unique.append(path.resolve())
        return unique

    def config_stamp(self) -> tuple | None:
        try:
            stat = self.config_path.stat()
        except OSError:
            return None
        return stat.st_mtime_ns, stat.st_size, stat.st_ino

    def watch(self, stop: threading.Event, started: threading.Event | None = None) -> None:
        """Build once the watch is in place (so no save is missed), then rebuild after every
        batch of saved files until stop is set; `started` is set after the first build."""
        while not stop.is_set():
            try:
                self._watch(stop, started)
            except Exception as error:  # noqa: BLE001 — e.g. a watched folder was deleted
                self.console.print(f"kc: watching files failed ({error}); retrying",
                                   markup=False, highlight=False)
                stop.wait(1.0)

    def _watch(self, stop: threading.Event, started: threading.Event | None) -> None:
        """Until stop, or until the set of watched folders changes (then the caller re-watches)."""
        import watchfiles
        paths, stamp = self.watched_paths(), self.config_stamp()
        for changes in watchfiles.watch(*paths, stop_event=stop, debounce=400, step=30,
                                        yield_on_timeout=True, rust_timeout=200,
                                        raise_interrupt=False):
            if stop.is_set():
                return
            if not self.first_build_done:   # the first yield: the watch is established
                self.first_build_done = True
                self.rebuild()
                if started is not None:
                    started.set()
            elif not changes and self.config_stamp() == stamp and self.watched_paths() == paths:
                # a timeout: nothing changed (the config is polled too, as editors that save
                # by renaming escape a single-file watch): time for the search index
                if self.session.pending is not None:
                    self.finish()
                continue
            else:
                self.report_changes(changes)
                self.rebuild()
            stamp = self.config_stamp()
            if self.watched_paths() != paths:
                return

    def report_changes(self, changes) -> None:
        names = sorted({Path(p).name for _change, p in changes})
        if names:
            self.console.print(f"Changed: {', '.join(names[:5])}{' …' if len(names) > 5 else ''}",
                               markup=False, highlight=False)


def problem(path: str, message: str, hint: str | None = None) -> dict:
    return {"path": path, "line": None, "column": None, "severity": "error", "code": "CONFIG",
            "message": message, "hint": hint}
