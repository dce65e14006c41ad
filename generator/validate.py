"""Stage 2 — validate: each document's front matter against its type's schema."""
from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter, ValidationError

from .content_types import ID_PATTERN, SCHEMAS, known_fields
from .document import Document
from .front_matter_fields import apply_map, ignored_fields
from .load import FOLDER_TYPES
from .site import Site
from .suggest import did_you_mean
from .text import control_character


def run(site: Site) -> None:
    for doc in site.documents:
        apply_map(site.config, doc)
        validate_document(site, doc)


def validate_document(site: Site, doc: Document) -> None:
    add = site.diagnostics.add
    if not doc.type:
        folders = ", ".join(f"content/{name}/" for name in FOLDER_TYPES)
        add("TYPE001", doc.src_path, 1, 1, "the file is not in a content-type folder",
            f"move it into one of {folders}")
        return
    declared = doc.meta.get("type")
    if declared is not None and declared != doc.type:
        line, column = doc.position("type")
        add("TYPE001", doc.src_path, line, column,
            f"`type: {declared}` does not match its folder, which holds {doc.type} documents",
            f"move the file to the {declared} folder, or remove the `type` line")
    check_unknown_keys(site, doc)
    check_control_characters(site, doc)
    try:
        doc.fields = SCHEMAS[doc.type].model_validate(doc.meta)
    except ValidationError as exc:
        for error in exc.errors():
            report_schema_error(site, doc, error)
        doc.partial = salvage(SCHEMAS[doc.type], doc.meta)
        return
    check_quiz_answers(site, doc)
    check_review_date(site, doc)
    if not doc.body.strip():
        add("BODY001", doc.src_path, doc.body_line, 1, "the document has no text below its front matter",
            "write the document's content after the closing `---`")


def salvage(schema, meta: dict[str, Any]) -> dict[str, Any]:
    """The fields that are valid on their own, so later checks still see them."""
    values = {}
    for name, info in schema.model_fields.items():
        if name not in meta:
            if not info.is_required():
                values[name] = info.get_default(call_default_factory=True)
            continue
        try:
            values[name] = TypeAdapter(info.rebuild_annotation()).validate_python(meta[name])
        except ValidationError:
            continue
    return values


def check_unknown_keys(site: Site, doc: Document) -> None:
    allowed = known_fields(doc.type) | ignored_fields(site.config)
    for key in doc.meta:
        if key not in allowed:
            line, column = doc.position(key)
            site.diagnostics.add("FM003", doc.src_path, line, column,
                                 f"unknown field `{key}` for a {doc.type}",
                                 did_you_mean(key, allowed) or f"allowed fields: {', '.join(sorted(allowed))}")


def report_schema_error(site: Site, doc: Document, error: dict[str, Any]) -> None:
    loc = tuple(error["loc"])
    name = ".".join(str(part) for part in loc)
    if error["type"] == "missing":
        line, column = doc.position(*loc[:-1]) if len(loc) > 1 else (1, 1)
        site.diagnostics.add("FM001", doc.src_path, line, column,
                             f"missing required field `{name}` for a {doc.type}",
                             f"add a `{loc[-1]}:` line to the front matter")
        return
    line, column = doc.position(*loc)
    message, hint = explain(error, name)
    site.diagnostics.add("FM002", doc.src_path, line, column, message, hint)


def explain(error: dict[str, Any], name: str) -> tuple[str, str | None]:
    """Turn one pydantic error into words a non-programmer can act on."""
    kind, got, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    if kind == "literal_error":
        allowed = ctx.get("expected", "").replace("'", "")
        return f"`{name}` is {got!r}, which is not allowed", f"use one of: {allowed}"
    if kind.startswith("date"):
        return f"`{name}` must be a date, got {got!r}", "write dates as YYYY-MM-DD, e.g. 2026-05-31"
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == ID_PATTERN:
        return (f"`{name}` {got!r} is not a valid id",
                "use 2-64 lowercase letters, digits and hyphens, starting with a letter or digit")
    if kind == "string_pattern_mismatch" and name == "response_time":
        return f"`{name}` {got!r} is not a duration", "write a number and a unit: 15m, 4h or 2d"
    if kind == "string_type" and isinstance(got, bool):
        return (f"`{name}` must be text, but YAML read it as {str(got).lower()}",
                'put it in quotes, e.g. "Yes": unquoted yes/no/on/off/true/false are true or false')
    if kind == "list_type" and isinstance(got, str):
        key = name.rsplit(".", 1)[-1]
        return (f"`{name}` must be a list, but it is the text {got!r}",
                f"write it as a list in square brackets: `{key}: [{got}]`")
    if kind == "answer_boolean":
        return (f"`{name}`: YAML read the answer as {str(got).lower()}, which kc would take as "
                f"choice {int(got)}", 'put the right choice\'s text in quotes, e.g. `answer: "Yes"`')
    if kind == "version_number":
        return (f"`{name}` was read as the number {got!r}: YAML drops trailing zeros, so 1.10 "
                f"would be published as 1.1", f'put the version in quotes, e.g. `{name.rsplit(".", 1)[-1]}: "1.10"`')
    if kind == "extra_forbidden":
        return f"unknown field `{name}`", "remove it or fix its spelling"
    return f"`{name}`: {error['msg'].lower()} (got {got!r})", None


def check_control_characters(site: Site, doc: Document) -> None:
    """Control characters (NUL, ESC, ...) written as YAML escapes make feeds ill-formed XML and
    put raw bytes into e-mails; no field may hold them."""
    stack: list[tuple[tuple, object]] = [((key,), value) for key, value in doc.meta.items()]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((loc + (key,), item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((loc + (index,), item) for index, item in enumerate(value))
        elif isinstance(value, str) and (bad := control_character(value)):
            line, column = doc.position(*loc)
            name = ".".join(str(part) for part in loc)
            site.diagnostics.add("FM002", doc.src_path, line, column,
                                 f"`{name}` contains the control character U+{ord(bad):04X}",
                                 "delete it (control characters cannot be shown or sent by e-mail)")


def check_quiz_answers(site: Site, doc: Document) -> None:
    for index, question in enumerate(doc.get("quiz", [])):
        if question.answer_index is not None:
            continue
        line, column = doc.position("quiz", index, "answer")
        if isinstance(question.answer, int):
            site.diagnostics.add("QUIZ001", doc.src_path, line, column,
                                 f"quiz question {index + 1}: answer {question.answer} is out of range "
                                 f"(it has {len(question.choices)} choices)",
                                 f"answers count from 0: use 0 to {len(question.choices) - 1}, "
                                 f"or write the right choice's text")
        else:
            site.diagnostics.add("QUIZ001", doc.src_path, line, column,
                                 f"quiz question {index + 1}: answer {question.answer!r} is not one of "
                                 f"its choices", did_you_mean(question.answer, question.choices)
                                 or "copy the right choice's text exactly, or give its 0-based position")


def check_review_date(site: Site, doc: Document) -> None:
    review_by = doc.get("review_by")
    if review_by and review_by < site.today and doc.status not in ("retired",):
        line, column = doc.position("review_by")
        site.diagnostics.add("REVIEW001", doc.src_path, line, column,
                             f"review was due on {review_by.isoformat()}",
                             "review the document, then set `review_by` to a future date")
