"""The weights that shape ranking, shared by every engine.

One index entry is one section of a document (the text under one heading).
Titles and headings weigh more than body text; an FAQ's title is the question a
user asks, so it weighs most (see FAQ_QUESTION_BOOST).
"""
from generator import registry

TITLE_BOOST = 3.0
SECTION_BOOST = 2.0
KEYWORDS_BOOST = 1.5
BODY_BOOST = 1.0
FAQ_QUESTION_BOOST = 2.2   # an FAQ's question weighs TITLE_BOOST x 2.2
FIELD_BOOSTS = {"title": TITLE_BOOST, "question": TITLE_BOOST * FAQ_QUESTION_BOOST,
                "section": SECTION_BOOST, "keywords": KEYWORDS_BOOST, "body": BODY_BOOST}

# Per-document weight by type: the rules and answers people look up come first;
# training restates them for reviewers, newsletters are dated news about them.
TYPE_WEIGHTS = registry.table("search_weight")

# The word exactly as typed (not only its stem) counts extra: "exploit" prefers
# "exploit" to "exploitation", "address" prefers "address" to "addressing".
EXACT_BOOST = 0.5
SYNONYM_BOOST = 0.8        # a synonym's match counts a little less than the word typed
PHRASE_BOOST = 1.5         # the typed words next to each other (within PHRASE_SLOP) count extra
PHRASE_SLOP = 2

DEPRECATED_FACTOR = 0.5    # a deprecated document's score is halved ...
BELOW_SUCCESSOR = 0.99     # ... and kept below its successor's when both match
