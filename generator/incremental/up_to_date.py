"""Is the output folder already the site these inputs make? Decided from stats, hashes and the
last build's manifest, before any pipeline stage is imported.

`kc build` with nothing changed is the rebuild authors run most. At 10,000 documents,
importing the pipeline (Jinja, markdown-it, the search engines) cost 0.3-0.5 s of a
~1 s no-op, so the CLI asks this module first and imports generator.build only when
something must be built; the build then reuses the stats and hashes read here.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .. import output
from ..build_result import BuildResult
from ..config import SiteConfig
from ..diagnostics import Diagnostics
from ..theme import Theme, load_theme
from . import fingerprint
from .manifest import Manifest


@dataclass(frozen=True)
class Inputs:
    """What one build reads, stat'ed and hashed once."""
    theme: Theme
    target: Path                  # the output folder
    today: date
    previous: Manifest            # the last build of this folder, audience and --drafts
    checked_at: int               # time.time_ns() before the files were stat'ed
    files: dict[str, tuple]       # path -> (size, mtime_ns, mode)
    hashes: dict[str, str]        # path -> content hash
    frame: str                    # fingerprint.frame_key
    site_key: str                 # fingerprint.site_key
    started: float                # time.perf_counter() when reading began: the build's start

    def unchanged(self) -> bool:
        """The last build of this folder had exactly these inputs, and its files are intact."""
        return self.previous.site_key == self.site_key and self.previous.output_intact(self.target)


def output_folder(config: SiteConfig, out_dir: str | Path | None) -> Path:
    return Path(out_dir).resolve() if out_dir else config.output_path.resolve()


def read_inputs(config: SiteConfig, target: Path, audience: str, drafts: bool,
                today: date | None = None, previous: Manifest | None = None) -> Inputs:
    """Stat and hash every input file (reading only those changed since the last build).
    previous: the manifest a long-running process kept, instead of the one on disk."""
    started = time.perf_counter()
    theme = load_theme(config)
    today = today or date.today()
    if previous is None:
        previous = Manifest.load(config.root, target, audience, drafts)
    checked_at = time.time_ns()
    files = fingerprint.input_files(config, theme.folders)
    hashes = fingerprint.file_hashes(files, previous.inputs, previous.checked_at)
    frame = fingerprint.frame_key(config, hashes, audience, drafts, today)
    return Inputs(theme, target, today, previous, checked_at, files, hashes, frame,
                  fingerprint.site_key(config, hashes, frame), started)


def result_if_unchanged(inputs: Inputs, audience: str, background_cleanup: bool = False) -> BuildResult | None:
    """The last build's result, with its warnings, when its output stands as it is (leftovers
    of builds killed since are removed, by a detached process if background_cleanup); None
    when something must be built."""
    if not inputs.unchanged():
        return None
    output.remove_leftovers(inputs.target, background_cleanup)
    previous, warnings = inputs.previous, Diagnostics()
    for item in previous.warnings:
        warnings.add(item["code"], item["path"], item["line"], item["column"], item["message"],
                     item.get("hint"), item["severity"])
    summary = previous.summary
    return BuildResult(inputs.target, audience, summary.get("pages", 0), summary.get("documents", 0),
                       summary.get("bytes", 0), time.perf_counter() - inputs.started, warnings.warning_count,
                       warnings, (), up_to_date=True, note=summary.get("note", ""))
