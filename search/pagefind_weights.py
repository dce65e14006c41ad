"""Pagefind's weights for the search box, from kc search's (search/weights.py), so the
browser ranks closer to `kc search`.

Pagefind squares a `data-pagefind-weight` ("a weighting of 2.0 has roughly 4 times the
impact") and scores whole pages, where kc search scores one section at a time. So:

- headings keep Pagefind's own scale (h1 7, h2 6 … h6 2): on a page-level score, a
  heading's strong weight is what says "this page has a section about X" (kc's own
  ×3 title / ×2 heading ratios, square-rooted, agreed less with `kc search`: measured
  with tests/browser/test_search_agreement.py, see docs/search.md);
- an FAQ's question weighs kc's FAQ_QUESTION_BOOST more than a title (capped at
  Pagefind's maximum, 10), a summary kc's KEYWORDS_BOOST, body text 1;
- every weight of a page is multiplied by its type's weight (training ×0.85,
  newsletters ×0.6, square-rooted), so a policy beats a training module that says
  the same.

Inside an element with an explicit weight, Pagefind gives headings that weight (its
h1-h6 boosts apply only outside weighted blocks), so the headings of a document's
body are weighted explicitly (`weigh_headings`).
"""
from __future__ import annotations

import math
import re

from markupsafe import Markup

from .weights import FAQ_QUESTION_BOOST, KEYWORDS_BOOST, TYPE_WEIGHTS

HEADING_TAG = re.compile(r"<h([1-6])(?=[\s>])")
MAX_WEIGHT = 10.0                        # Pagefind clamps weights to 0-10
TITLE = 7.0                              # Pagefind's h1
BASE = {"title": TITLE, "question": min(MAX_WEIGHT, TITLE * math.sqrt(FAQ_QUESTION_BOOST)),
        "keywords": math.sqrt(KEYWORDS_BOOST), "body": 1.0}


def heading_weight(level: int) -> float:
    """Pagefind's own weight of an h<level>: h1 7 … h6 2."""
    return 8.0 - level


def pagefind_weight(page_type: str, field: str, level: int = 2) -> str:
    """data-pagefind-weight of a field ('title', 'question', 'section' (an h<level>),
    'keywords', 'body') of a page of this type ('policy', ..., 'team')."""
    base = heading_weight(level) if field == "section" else BASE[field]
    return f"{min(MAX_WEIGHT, base * math.sqrt(TYPE_WEIGHTS.get(page_type, 1.0))):.2f}"


def weigh_headings(html, page_type: str) -> Markup:
    """Rendered body HTML with each heading weighted as Pagefind weighs its level,
    times the page type's weight."""
    return Markup(HEADING_TAG.sub(
        lambda m: f'<h{m.group(1)} data-pagefind-weight="{pagefind_weight(page_type, "section", int(m.group(1)))}"',
        str(html)))
