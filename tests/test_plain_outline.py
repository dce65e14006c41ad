"""The plain-body outline (no Markdown parse) is exactly the full parse's outline, or declines.

`kc check` and `kc report` read headings and `[[id]]` references of plain bodies line by
line (generator/plain_outline.py); any difference from markdown-it would change their
diagnostics. Bodies are generated from Markdown fragments, plain ones and tricky ones.
"""
from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import frontmatter_yaml, plain_outline
from generator.outline_cache import parsed_outline

ROOT = Path(__file__).resolve().parent.parent

PLAIN_WORDS = ["a", "Word", "Ünïcode", "नीति", "1.", "2)", "#", "##", "#5", "x#", "-", "*", "_", "+", "|",
               "[", "]", "]]", "[[", "(", ")", ".", ",", "!", "?", "'", '"', "/", "=", "%", "$", "  ",
               "[[a]]", "[[b#c]]", "[[x|T]]", "[[ a # Long Anchor | text ]]", "[[a#]]", "[[#b]]",
               "[[[a]]]", "[[a]] [[b]]", "*[[a]]*", "_x_", "**b**", "example.md", "www.x.com"]
TRICKY_WORDS = ["`", "``code``", "~", "~~s~~", "\\", "\\[[a]]", '<a id="z">', "<b>", "](x.md)", "](#frag)",
                "[y](../faqs/q.md)", "![alt](i.png)", "[y][r]", "[r]: x.md", "{#id}", "[^1]", "^[n]", "&amp;",
                "&#91;", "\u00a0", "\t", "\r", "\x0b", "\u2028", ":", "@", "a@b.co", "https://e.com/[[a]]",
                "mailto:x@y.z", "[ ]", "[x]", "!!!", "???", ">"]
PREFIXES = ["", "", "", " ", "  ", "   ", "    ", "     ", "        ", "- ", "* ", "+ ", "1. ", "10. ", "- - ",
            "-     ", "  - ", "# ", "## ", "###### ", "####### ", "#", "- ## ", "> ", "| ", ": ", "~~~", "```",
            "!!! note ", "- [ ] "]
WHOLE_LINES = ["", "", "---", "===", "-", "***", "- - -", "|---|---|", "| --- |", "|:-|-:|", "## x ##", "# #",
               "#   ##", "## Summary", "## Summary", "## Enforcement & Appeals", "# Title #", "#######"]


def lines(words):
    line = st.builds(lambda prefix, parts: prefix + " ".join(parts), st.sampled_from(PREFIXES),
                     st.lists(st.sampled_from(words), max_size=6))
    return st.lists(st.one_of(line, st.sampled_from(WHOLE_LINES)), max_size=14).map("\n".join)


def agrees(body: str) -> bool:
    fast = plain_outline.outline(body)
    return fast is None or tuple(fast) == tuple(parsed_outline(body))


@settings(max_examples=700, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines(PLAIN_WORDS))
def test_plain_bodies_outline_as_parsed(body):
    assert agrees(body), body


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines(PLAIN_WORDS + TRICKY_WORDS))
def test_tricky_bodies_outline_as_parsed_or_decline(body):
    assert agrees(body), body


def test_plain_shapes_are_read_without_a_parse():
    """What the fast path is for: headings, lists, tables and references in ordinary prose."""
    body = ("Intro with [[a]] and [[b#c|text]].\n\n## Summary ##\n\n- one [[x]]\n- two\n\n"
            "1. step [[y#z]]\n\n## Summary\n\n| Signal | Action |\n|---|---|\n| first | warn |\n")
    fast = plain_outline.outline(body)
    assert fast is not None
    assert fast[0] == [[2, "Summary", "summary", 2], [2, "Summary", "summary-1", 9]]
    assert [ref[1:4] for ref in fast[1]] == [["a", None, 0], ["b", "c", 0], ["x", None, 4], ["y", "z", 7]]
    assert tuple(fast) == tuple(parsed_outline(body))


def test_a_reference_in_a_table_or_code_is_left_to_the_parser():
    assert plain_outline.outline("| a | b |\n|---|---|\n| [[x|y]] | c |\n") is None   # `|` splits cells
    assert plain_outline.outline("Text\n\n    [[in-code]]\n") is None
    assert plain_outline.outline("Run `[[x]]`.\n") is None
    assert plain_outline.outline("Title\n-----\n") is None                              # a setext heading
    assert plain_outline.outline("- !!! [[a]]\n") is None             # an admonition in a list item


def test_every_sample_and_bench_body_agrees():
    """The sample site, the test sites and a generated bench corpus: every accepted body agrees,
    and the generated (plain) corpus is read without a parse."""
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import generate
    bodies = [frontmatter_yaml.split(path.read_text(encoding="utf-8")).body
              for folder in (ROOT / "content", ROOT / "tests")
              for path in sorted(folder.rglob("*.md"))]
    assert bodies and all(agrees(body) for body in bodies)
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp), 200)
        generated = [frontmatter_yaml.split(path.read_text(encoding="utf-8")).body
                     for path in sorted(Path(tmp, "content").rglob("*.md"))]
    assert all(plain_outline.outline(body) is not None for body in generated)
    assert all(agrees(body) for body in generated)
