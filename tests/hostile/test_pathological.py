"""Inputs built to make parsers slow (after cmark's pathological tests): every regex kc runs over
content is linear, so `kc check` on all of them together finishes within seconds."""
from __future__ import annotations

import time

from generator import pipeline

from ..conftest import TODAY
from ..corpus_helpers import TEAMS, doc

N = 30_000
BODIES = {
    "heading-spaces": "# a" + " " * 100_000 + "b\n",               # the {#id} regex was quadratic here
    "heading-id-openers": "## x" + " {#" * N + "\n",
    "nested-emphasis": "*a **a " * N + "\n",
    "emphasis-closers": "a_ " * N + "\n",
    "link-openers": "[a" * N + "\n",
    "link-closers": "a]" * N + "\n",
    "nested-brackets": "[" * N + "a" + "]" * N + "\n",
    "unclosed-links": "[a](<b" * N + "\n",
    "wikilink-openers": "[[" * N + "\n",
    "wikilink-pipes": "[[a" + "|b" * N + "\n",
    "backticks": "".join("e" + "`" * i for i in range(1, 400)) + "\n",
    "block-quotes": "> " * 5_000 + "a\n",
    "html-comments": "<!--" * N + "\n",
}


def test_pathological_bodies_and_front_matter_check_quickly(make_site):
    files = {"content/teams.yml": TEAMS + "slow:\n  name: Slow\n  contact: " + "a" * 100_000 + "\n"}
    for name, body in BODIES.items():
        files[f"content/faqs/{name}.md"] = doc(f"id: {name}\ntitle: {name}\naudience: public", body)
    files["content/faqs/hash-value.md"] = doc(      # the ' #' hint's regex was quadratic here
        "id: hash-value\ntitle: T\naudience: public\nsummary: a" + " " * 100_000 + "b")
    config = make_site(files)
    started = time.perf_counter()
    site = pipeline.check(config, today=TODAY)
    elapsed = time.perf_counter() - started
    assert len(site.documents) == len(BODIES) + 1
    assert elapsed < 15, f"kc check took {elapsed:.1f} s on pathological input"
