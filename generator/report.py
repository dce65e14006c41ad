"""Print diagnostics as text (compiler style), JSON or SARIF 2.1.0."""
from __future__ import annotations

import json

from rich.console import Console
from rich.text import Text

from .codes import CODES
from .diagnostics import Diagnostics, Severity

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow"}


def summary(diagnostics: Diagnostics, documents: int) -> dict:
    return {"documents": documents, "errors": diagnostics.error_count,
            "warnings": diagnostics.warning_count}


def summary_line(diagnostics: Diagnostics, documents: int, note: str = "") -> str:
    errors, warnings = diagnostics.error_count, diagnostics.warning_count
    suffix = f"; {note}" if note else ""
    if not errors and not warnings:
        return f"✓ {documents} documents checked, no problems{suffix}"
    mark = "✗" if errors else "!"
    return (f"{mark} {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)} "
            f"in {documents} documents{suffix}")


def not_built_note(documents, audience: str | None = None, drafts: bool = False) -> str:
    """Why documents are left out of a build: 'not built: 2 drafts (add --drafts), ...'.
    With audience None (kc check) only drafts are explained, for a default build."""
    from .audience import visible
    audiences = ("public", "internal", "restricted")
    draft_count = sum(1 for doc in documents if doc.status == "draft"
                      and (audience is None or visible(doc, audience)))
    parts = [f"{draft_count} draft{'s' * (draft_count != 1)} (add --drafts)"] if draft_count and not drafts else []
    if audience is not None:
        for above in audiences[audiences.index(audience) + 1:]:
            count = sum(1 for doc in documents if doc.valid and doc.audience == above
                        and (drafts or doc.status != "draft"))
            if count:
                parts.append(f"{count} {above} document{'s' * (count != 1)} (--audience {above})")
    if not parts:
        return ""
    return ("not built: " if audience is not None else "kc build leaves out ") + ", ".join(parts)


def print_text(diagnostics: Diagnostics, documents: int, console: Console, note: str = "") -> None:
    print_diagnostics(diagnostics, console)
    console.print(summary_line(diagnostics, documents, note), highlight=False, soft_wrap=True)


def print_diagnostics(diagnostics: Diagnostics, console: Console) -> None:
    """One line per problem (and one per hint), printed in one call: a print per line took
    0.2 s for the 610 warnings of a 10,000-document corpus, a third of a no-op build."""
    text = Text()
    for diag in diagnostics:
        text.append(f"{diag.path}:{diag.line}:{diag.column}: ")
        text.append(f"{diag.severity.value}[{diag.code}]", style=STYLES[diag.severity])
        text.append(f" {diag.message}\n")
        if diag.hint:
            text.append(f"    hint: {diag.hint}\n", style="dim")
    if text:
        console.print(text, end="", highlight=False, soft_wrap=True)


def to_json(diagnostics: Diagnostics, documents: int) -> str:
    return json.dumps({"diagnostics": [d.to_dict() for d in diagnostics],
                       "summary": summary(diagnostics, documents)}, indent=2, ensure_ascii=False)


def to_sarif(diagnostics: Diagnostics) -> str:
    rules = [{"id": code, "name": info.title.title().replace(" ", ""),
              "shortDescription": {"text": info.title},
              "help": {"text": info.fix},
              "defaultConfiguration": {"level": info.severity}}
             for code, info in CODES.items()]
    rule_index = {code: i for i, code in enumerate(CODES)}
    results = [{
        "ruleId": d.code,
        "ruleIndex": rule_index[d.code],
        "level": d.severity.value,
        "message": {"text": d.message + (f" ({d.hint})" if d.hint else "")},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": d.path, "uriBaseId": "SRCROOT"},
            "region": {"startLine": d.line, "startColumn": d.column}}}],
    } for d in diagnostics]
    sarif = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "kc", "informationUri": "https://example.com/kc", "rules": rules}},
        "results": results}]}
    return json.dumps(sarif, indent=2, ensure_ascii=False)
