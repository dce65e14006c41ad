"""What `kc build` reports: the summary line's figures and the warnings to print."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostics


@dataclass(frozen=True)
class BuildResult:
    out_dir: Path
    audience: str
    pages: int          # HTML pages written
    documents: int      # documents among them
    bytes: int          # total size of the output
    seconds: float
    warnings: int
    diagnostics: Diagnostics | None = None     # the check's warnings, for the CLI to print
    documents_checked: tuple = ()              # every document, to explain those not built
    interrupted: bool = False                  # Ctrl-C came during the swap; the new site is in place
    rendered: int = 0                          # pages rendered this time; the others were reused
    note: str = ""                             # why some documents were not built, for the summary line
    up_to_date: bool = False                   # nothing changed since the last build: nothing written
