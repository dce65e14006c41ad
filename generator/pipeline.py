"""The pipeline: small stages, one Site object carried through them.

`kc check` runs CHECK_STAGES; `kc build` runs them, refuses to publish on
errors, then renders and writes (see generator/build.py).
"""
from __future__ import annotations

from datetime import date

from . import link, load, validate
from .history import retraining
from .config import SiteConfig
from .gc_pause import no_cyclic_gc
from .incremental.load_memo import LoadMemo
from .site import Site

CHECK_STAGES = [("load", load.run), ("validate", validate.run), ("link", link.run),
                ("retraining", retraining.run)]


def check(config: SiteConfig, today: date | None = None, memo: LoadMemo | None = None) -> Site:
    """Load, validate and link the corpus; problems end up in site.diagnostics.
    memo: what earlier checks of this process loaded (see incremental/load_memo.py)."""
    site = Site(config=config, today=today or date.today())
    with no_cyclic_gc():     # 10,000 documents: 3.4 s of CPU with collections, 2.6 s without
        for name, stage in CHECK_STAGES:
            if name == "load" and memo is not None:
                load.run(site, memo=memo)
            else:
                stage(site)
    return site
