"""GitHub-flavoured Markdown on top of CommonMark: what GitHub renders that kc should too."""
from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=None)
def footnote_anchor_pattern() -> re.Pattern:
    """Ids the footnote renderer gives notes and their back-references (`fn-1`, `fnref-1`, `fnref-1-2`)."""
    return re.compile(r"fn-?\d+|fnref-?\d+(?:[-:]\d+)?")
