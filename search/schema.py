"""The whoosh schema of the section index, and the weights that shape ranking.

One index entry is one section of a document (the text under one heading).
Titles and headings weigh more than body text; an FAQ's title is the question a
user asks, so it weighs most (see FAQ_QUESTION_BOOST).
"""
from __future__ import annotations

from whoosh.analysis import IDAnalyzer, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.scoring import BM25F



class SortedStopFilter(StopFilter):
    """whoosh's StopFilter, pickled with its stop words sorted: the index's table of
    contents pickles the schema, and a frozenset's order changes from run to run."""

    def __getstate__(self):
        return {**self.__dict__, "stops": sorted(self.stops)}

    def __setstate__(self, state):
        self.__dict__.update(state, stops=frozenset(state["stops"]))


# whoosh's StemmingAnalyzer, spelled out: words, lower case, English stop words,
# Porter stems, so "bullying" and "bully", "appeals" and "appealing" meet.
ANALYZER = RegexTokenizer() | LowercaseFilter() | SortedStopFilter() | StemFilter()

TITLE_BOOST = 3.0
SECTION_BOOST = 2.0
KEYWORDS_BOOST = 1.5
BODY_BOOST = 1.0
FAQ_QUESTION_BOOST = 2.2   # per-entry multiplier on an FAQ's title field: 3.0 x 2.2
# Per-document weight by type: the rules and answers people look up come first;
# training restates them for reviewers, newsletters are dated news about them.
TYPE_WEIGHTS = {"policy": 1.0, "faq": 1.0, "playbook": 1.0, "training": 0.85, "newsletter": 0.6}

# BM25F, with little length normalisation for titles and headings: a long FAQ
# question is not less about its words than a two-word policy title.
WEIGHTING = BM25F(title_B=0.3, section_B=0.3)

# Searched by plain words; `field:word` reaches the other fields too.
TEXT_FIELDS = ("title", "section", "keywords", "body")
# `tag:x` and `region:x` read naturally; the fields hold lists.
FIELD_ALIASES = {"tags": ["tag"], "regions": ["region"]}


def _exact() -> ID:
    return ID(stored=True, analyzer=IDAnalyzer(lowercase=True))


def make_schema() -> Schema:
    return Schema(
        id=ID(stored=True, sortable=True),
        type=_exact(),
        audience=_exact(),
        status=_exact(),
        owner=_exact(),
        updated=ID(stored=True),
        url=STORED(),
        successor=STORED(),
        tags=KEYWORD(stored=True, commas=True, lowercase=True),
        regions=KEYWORD(stored=True, commas=True, lowercase=True),
        title=TEXT(analyzer=ANALYZER, stored=True, field_boost=TITLE_BOOST, spelling=True),
        section=TEXT(analyzer=ANALYZER, stored=True, field_boost=SECTION_BOOST, spelling=True),
        keywords=TEXT(analyzer=ANALYZER, field_boost=KEYWORDS_BOOST, spelling=True),
        body=TEXT(analyzer=ANALYZER, stored=True, field_boost=BODY_BOOST, spelling=True),
    )
