"""Front matter is built by a quick walk for mappings, lists and strings; it must equal
PyYAML's own construction (values, types, positions, errors) on any front matter."""
from __future__ import annotations

from datetime import date

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import frontmatter_yaml
from generator.frontmatter_yaml import Parsed, SafeLoader, _record, _unsafe_structure

SCALARS = ["text", "Two words", "'1.0'", "1.0", "2", "0x1F", "1_000", "1:30", "-.inf", ".nan", "yes", "No",
           "on", "true", "null", "~", "", "2026-01-15", "2026-02-30", "2026-01-15 10:00:00", "'2026-01-15'",
           '"quoted: \\u00e9"', "!!str 12", "!!int '7'", "!!float 3", "!!binary aGk=", "!custom x", "a #c",
           "|\n  block\n  text", ">\n  folded", "&a x", "*a", "[a, b]", "[]", "{}", "{k: v}", "[2026-01-15, 3]"]
KEYS = ["id", "title", "tags", "k", "1", "true", "null", "2026-01-01", "<<", "=", "'q'", "? [a]", "!!str 5",
        "!!int 5"]


def value(depth: int):
    scalar = st.sampled_from(SCALARS).map(lambda s: " " + s if s else "")
    if depth == 0:
        return scalar
    block_list = st.lists(value(depth - 1), min_size=1, max_size=3).map(
        lambda items: "".join(f"\n{'  ' * (3 - depth)}- {item.strip() or 'x'}" for item in items))
    block_map = st.lists(st.tuples(st.sampled_from(KEYS), value(depth - 1)), min_size=1, max_size=3,
                         unique_by=lambda pair: pair[0]).map(
        lambda pairs: "".join(f"\n{'  ' * (3 - depth)}{key}:{val}" for key, val in pairs))
    return st.one_of(scalar, block_list, block_map)


front_matter = st.lists(st.tuples(st.sampled_from(KEYS), value(2)), max_size=6, unique_by=lambda pair: pair[0]).map(
    lambda pairs: "".join(f"{key}:{val}\n" for key, val in pairs))


def reference(yaml_text: str, first_line: int) -> Parsed:
    """The construction before the quick walk: PyYAML's construct_document, then _record."""
    loader = None
    try:
        loader = SafeLoader(yaml_text)
        node = loader.get_single_node()
        unsafe = _unsafe_structure(node, first_line) if node is not None else None
        if unsafe is not None:
            return unsafe
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        return Parsed(error=(first_line + mark.line, mark.column + 1, getattr(exc, "problem", None))
                      if mark else ("other",))
    except ValueError as exc:
        return Parsed(error=(first_line, 1, str(exc)))
    finally:
        if loader is not None:
            loader.dispose()
    positions: dict = {}
    if node is not None:
        _record(node, (), first_line, positions)
    return Parsed(data=data, positions=positions)


def same(yaml_text: str) -> None:
    got, expected = frontmatter_yaml.parse(yaml_text, 2), reference(yaml_text, 2)
    if expected.error == ("other",):
        assert got.error is not None
        return
    assert (got.data, got.positions, got.error, got.hint) == \
        (expected.data, expected.positions, expected.error, expected.hint)
    assert repr(got.data) == repr(expected.data)   # types too: 1 vs 1.0 vs '1', date vs text


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front_matter)
def test_quick_construction_equals_pyyaml(yaml_text):
    same(yaml_text)


def test_usual_front_matter_is_built_quickly_and_unusual_by_pyyaml():
    parsed = frontmatter_yaml.parse("id: a\nversion: '1.0'\ntags: [x, y]\nupdated: 2026-01-15\n"
                                    "quiz:\n  - question: Q?\n    answer: 0\n", 2)
    assert parsed.data == {"id": "a", "version": "1.0", "tags": ["x", "y"], "updated": date(2026, 1, 15),
                           "quiz": [{"question": "Q?", "answer": 0}]}
    assert parsed.positions[("quiz", 0, "answer")] == (8, 5)
    for text in ("1: one\n", "<<: {a: 1}\nb: 2\n", "s: !!set {a, b}\n", "x: !!binary aGk=\n",
                 "id:\n  id:\n    - !custom x\n<<: text\n", "a: !custom x\nb: 2026-02-30\n"):
        same(text)
    assert frontmatter_yaml.parse("1: one\n", 2).data == {1: "one"}
