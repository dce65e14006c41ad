"""Split front matter from a Markdown file and parse it with source positions.

python-frontmatter strips text and loses line numbers, so kc splits on the
unstripped text itself and uses PyYAML's safe loader node marks to locate
every key (see STYLE.md §5).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

FENCE = "---"
# libyaml's safe loader is ~10x faster and gives the same node marks; fall back if absent.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class SafeLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader, except that an impossible date (2026-02-30) stays text, so the
    schema reports it at its own key, naming the field, and the rest is still checked."""


def _lenient_timestamp(loader, node):
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return node.value


SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _lenient_timestamp)


@dataclass
class Split:
    yaml_text: str | None  # None when the file has no front matter
    yaml_line: int         # 1-based file line of the YAML's first line
    body: str
    body_line: int
    closed: bool = True    # False: the opening `---` has no closing `---`


@dataclass
class Parsed:
    data: Any = None
    positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    error: tuple[int, int, str] | None = None  # (line, column, problem) in file coordinates
    hint: str | None = None                    # how to fix `error`, when kc knows better than YAML


def split(text: str) -> Split:
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != FENCE:
        return Split(None, 1, text, 1)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (FENCE, "..."):
            return Split("".join(lines[1:index]), 2, "".join(lines[index + 1:]), index + 2)
    return Split("".join(lines[1:]), 2, "", len(lines) + 1, closed=False)


def parse(yaml_text: str, first_line: int) -> Parsed:
    """Safely load YAML, recording (line, column) of every key and list item."""
    loader = None
    try:
        loader = SafeLoader(yaml_text)  # the reader rejects control characters right here
        node = loader.get_single_node()
        unsafe = _unsafe_structure(node, first_line) if node is not None else None
        if unsafe is not None:
            return unsafe
        positions: dict[tuple, tuple[int, int]] = {}
        data = _construct_document(loader, node, first_line, positions) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line, column = (mark.line, mark.column) if mark else _line_column(yaml_text, exc)
        line, column = first_line + line, column + 1
        problem = getattr(exc, "problem", None) or _reader_problem(exc)
        return Parsed(error=(line, column, problem))
    except ValueError as exc:  # e.g. an impossible date such as 2026-02-30
        return Parsed(error=(first_line, 1, str(exc)))
    finally:
        if loader is not None:
            loader.dispose()
    return Parsed(data=data, positions=positions)


STR, SEQ, MAP = (f"tag:yaml.org,2002:{name}" for name in ("str", "seq", "map"))


class _Unusual(Exception):
    """A node the quick construction leaves to PyYAML's own (merge keys, tags, non-text keys)."""


def _construct_document(loader, node: yaml.Node, first_line: int, positions: dict) -> Any:
    """loader.construct_document(node), positions recorded as by _record.

    Front matter is mappings, lists and strings: those are built here in one walk (PyYAML's
    generic constructor was a third of loading a 10,000-document corpus); every other scalar
    goes through the loader's own constructors, and anything unusual through PyYAML's
    construct_document (tests/test_frontmatter_yaml.py compares both)."""
    try:
        return _construct(loader, node, (), first_line, positions)
    except (_Unusual, yaml.YAMLError, ValueError):   # PyYAML's order decides which error is reported
        positions.clear()
        loader.constructed_objects, loader.recursive_objects = {}, {}
        data = loader.construct_document(node)
        _record(node, (), first_line, positions)
        return data


def _construct(loader, node: yaml.Node, loc: tuple, first_line: int, positions: dict) -> Any:
    kind = type(node)
    if kind is yaml.ScalarNode:
        return node.value if node.tag == STR else loader.construct_object(node)
    if kind is yaml.SequenceNode and node.tag == SEQ:
        items = []
        for index, item in enumerate(node.value):
            positions.setdefault(loc + (index,), (first_line + item.start_mark.line, item.start_mark.column + 1))
            items.append(_construct(loader, item, loc + (index,), first_line, positions))
        return items
    if kind is yaml.MappingNode and node.tag == MAP:
        mapping = {}
        for key_node, value_node in node.value:
            if type(key_node) is not yaml.ScalarNode or key_node.tag != STR:
                raise _Unusual
            key = key_node.value
            positions.setdefault(loc + (key,), (first_line + key_node.start_mark.line,
                                                key_node.start_mark.column + 1))
            mapping[key] = _construct(loader, value_node, loc + (key,), first_line, positions)
        return mapping
    raise _Unusual


def _unsafe_structure(root: yaml.Node, first_line: int) -> Parsed | None:
    """Reject what silently changes meaning or explodes: duplicate keys and aliases.

    A node reached twice is an alias (`*name`): a few lines of nested aliases expand to
    billions of values (billion laughs), so front matter and registries may not use them.
    The walk visits each node once, so it is linear in the size of the text.
    """
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            mark = node.start_mark
            return Parsed(error=(first_line + mark.line, mark.column + 1,
                                 "a YAML alias (`*name`) repeats the value anchored here"),
                          hint="write the value out in full: aliases and anchors (`&name`, `*name`) "
                               "are not allowed")
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            first_seen: dict[str, int] = {}
            for key_node, value_node in node.value:
                key = str(key_node.value)
                line = first_line + key_node.start_mark.line
                if key in first_seen:
                    return Parsed(error=(line, key_node.start_mark.column + 1,
                                         f"`{key}` is given twice, on lines {first_seen[key]} and {line}; "
                                         f"YAML would silently keep only the last one"),
                                  hint=f"keep one `{key}:` line and delete the other")
                first_seen[key] = line
                stack.extend((value_node, key_node))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return None


def _line_column(text: str, exc: Exception) -> tuple[int, int]:
    """0-based position of a reader error, which carries a character offset instead of a mark."""
    position = getattr(exc, "position", 0) or 0
    return text.count("\n", 0, position), position - (text.rfind("\n", 0, position) + 1)


def _reader_problem(exc: Exception) -> str:
    character = getattr(exc, "character", None)
    if isinstance(character, int):
        return f"the control character U+{character:04X} is not allowed; delete it"
    return str(exc)


def _record(node: yaml.Node, loc: tuple, first_line: int, out: dict) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            out.setdefault(loc + (key,), (first_line + key_node.start_mark.line, key_node.start_mark.column + 1))
            _record(value_node, loc + (key,), first_line, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            out.setdefault(loc + (index,), (first_line + item.start_mark.line, item.start_mark.column + 1))
            _record(item, loc + (index,), first_line, out)
