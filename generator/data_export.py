"""`kc export data`: the corpus metadata as tables an analyst can query with SQL or
open in Excel — documents, fields, citations (references), teams, versions, findings,
coverage.

Every audience is exported (it is an internal tool, like `kc report`). The tables and
their columns are SCHEMA, documented in docs/data-export.md.
"""
from __future__ import annotations

import csv
import json
import os
import sqlite3
import tempfile
from datetime import date
from pathlib import Path

from .content_types import REFERENCE_FIELDS
from .errors import ConfigError
from .health import Health
from .health.graph import body_targets
from .site import Site

# table -> [(column, SQL type, meaning)]
SCHEMA: dict[str, list[tuple[str, str, str]]] = {
    "documents": [
        ("id", "TEXT PRIMARY KEY", "document id"),
        ("type", "TEXT", "policy, playbook, training, newsletter or faq"),
        ("title", "TEXT", "title (an FAQ's question)"),
        ("status", "TEXT", "draft, active, deprecated or retired"),
        ("audience", "TEXT", "public, internal or restricted"),
        ("owner", "TEXT", "owner team id (teams.id), or empty"),
        ("created", "TEXT", "YYYY-MM-DD or empty"),
        ("updated", "TEXT", "YYYY-MM-DD or empty"),
        ("review_by", "TEXT", "YYYY-MM-DD or empty"),
        ("version", "TEXT", "policy: current version"),
        ("effective", "TEXT", "policy: date the current version took effect"),
        ("supersedes", "TEXT", "policy: id of the policy it replaces"),
        ("severity", "TEXT", "playbook: sev1..sev4"),
        ("response_time", "TEXT", "playbook: e.g. 4h"),
        ("response_minutes", "INTEGER", "playbook: response_time in minutes"),
        ("duration_minutes", "INTEGER", "training: length"),
        ("date", "TEXT", "newsletter: issue date"),
        ("summary", "TEXT", "summary"),
        ("path", "TEXT", "source file, relative to the site folder"),
    ],
    "fields": [
        ("document_id", "TEXT", "documents.id"),
        ("field", "TEXT", "front-matter field name"),
        ("position", "INTEGER", "index in a list field; 0 for a single value"),
        ("value", "TEXT", "the value as text (dates YYYY-MM-DD; quiz and changelog items as JSON)"),
    ],
    "citations": [
        ("source_id", "TEXT", "documents.id of the citing document"),
        ("target_id", "TEXT", "the id it cites (may be unknown: see kc check)"),
        ("via", "TEXT", "a front-matter field (policies, prerequisites, highlights, supersedes) or 'body'"),
    ],
    "teams": [
        ("id", "TEXT PRIMARY KEY", "team id from content/teams.yml"),
        ("name", "TEXT", "team name"),
        ("contact", "TEXT", "email, #channel or link"),
        ("description", "TEXT", "what the team does"),
    ],
    "versions": [
        ("policy_id", "TEXT", "documents.id of a policy"),
        ("version", "TEXT", "version label"),
        ("date", "TEXT", "date it took effect (YYYY-MM-DD)"),
        ("summary", "TEXT", "what changed (from the changelog)"),
        ("current", "INTEGER", "1 for the policy's current version"),
    ],
    "findings": [
        ("id", "INTEGER PRIMARY KEY", "finding number, in report order"),
        ("kind", "TEXT", "finding kind (docs/health.md)"),
        ("category", "TEXT", "coverage, staleness, inconsistency or orphan"),
        ("severity", "TEXT", "warning or info"),
        ("owner", "TEXT", "team that should act, or empty"),
        ("ids", "TEXT", "documents (or team) involved, space-separated"),
        ("message", "TEXT", "what is wrong"),
        ("hint", "TEXT", "what to do"),
    ],
    "finding_documents": [
        ("finding_id", "INTEGER", "findings.id"),
        ("document_id", "TEXT", "a document (or team) id involved in the finding"),
    ],
    "coverage": [
        ("policy_id", "TEXT PRIMARY KEY", "an active policy"),
        ("playbooks", "INTEGER", "active playbooks citing it"),
        ("training", "INTEGER", "active training modules citing it"),
        ("faqs", "INTEGER", "active FAQs citing it"),
    ],
}
SINGLE_FIELDS = [name for name, _, _ in SCHEMA["documents"]]
SKIPPED_FIELDS = {"id"}


def text(value) -> str | int | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, str)):
        return value
    if hasattr(value, "model_dump"):
        return json.dumps(value.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)
    return str(value)


def tables(site: Site, health: Health) -> dict[str, list[tuple]]:
    from .health.consistency import minutes
    docs = sorted((d for d in site.documents if d.valid and d.id), key=lambda d: (d.id, d.src_path))
    seen: set[str] = set()
    rows: dict[str, list[tuple]] = {name: [] for name in SCHEMA}
    by_path = {d.src_path: d for d in docs}
    for doc in docs:
        if doc.id in seen:     # a duplicated id (ID001): the first file wins, as in kc build
            continue
        seen.add(doc.id)
        values = {name: text(doc.get(name)) for name in SINGLE_FIELDS}
        values.update(id=doc.id, type=doc.type, status=doc.status, audience=doc.audience, path=doc.src_path,
                      response_minutes=minutes(doc.get("response_time")) if doc.get("response_time") else None)
        rows["documents"].append(tuple(values[name] for name in SINGLE_FIELDS))
        for name in sorted(doc.fields.model_fields_set - SKIPPED_FIELDS):
            value = getattr(doc.fields, name)
            items = value if isinstance(value, list) else [value]
            rows["fields"].extend((doc.id, name, index, text(item)) for index, item in enumerate(items))
        for name in REFERENCE_FIELDS.get(doc.type, {}):
            value = doc.get(name)
            for target in value if isinstance(value, list) else [value] if value else []:
                rows["citations"].append((doc.id, target, name))
        rows["citations"].extend((doc.id, target, "body")
                                  for target in sorted(body_targets(doc, by_path) - {doc.id}))
        if doc.type == "policy":
            rows["versions"].extend(policy_versions(doc))
    rows["teams"] = [(t.id, t.name, t.contact, t.description) for _, t in sorted(site.teams.items())]
    for number, finding in enumerate(health.findings, 1):
        rows["findings"].append((number, finding.kind, finding.category, finding.severity, finding.owner,
                                 " ".join(finding.ids), finding.message, finding.hint))
        rows["finding_documents"].extend((number, i) for i in dict.fromkeys(finding.ids))
    rows["coverage"] = [(r.policy, len(r.playbooks), len(r.training), len(r.faqs)) for r in health.coverage]
    return rows


def policy_versions(doc) -> list[tuple]:
    current = str(doc.get("version"))
    versions = {str(e.version): (str(e.version), e.date.isoformat(), e.summary)
                for e in sorted(doc.get("changelog") or [], key=lambda e: e.date)}
    if current not in versions:
        versions[current] = (current, doc.get("effective").isoformat(), None)
    return [(doc.id, *entry, int(entry[0] == current))
            for entry in sorted(versions.values(), key=lambda e: (e[1], e[0]))]


def write_sqlite(data: dict[str, list[tuple]], out: Path) -> None:
    """A new database file, swapped in only when complete."""
    if out.is_dir():
        raise ConfigError(f"--out {out} is a folder; give a file name such as kc-data.sqlite")
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    os.close(handle)
    try:
        with sqlite3.connect(temp) as db:
            for table, columns in SCHEMA.items():
                db.execute(f'CREATE TABLE "{table}" ({", ".join(f"{c} {t}" for c, t, _ in columns)})')
                marks = ", ".join("?" * len(columns))
                db.executemany(f'INSERT INTO "{table}" VALUES ({marks})', data[table])
        db.close()
        os.replace(temp, out)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_csv(data: dict[str, list[tuple]], out: Path) -> None:
    """One CSV per table in the folder `out` (UTF-8 with a BOM, for Excel)."""
    if out.exists() and not out.is_dir():
        raise ConfigError(f"--out {out} is a file; --format csv writes a folder of CSV files")
    out.mkdir(parents=True, exist_ok=True)
    for table, columns in SCHEMA.items():
        with open(out / f"{table}.csv", "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow([c for c, _, _ in columns])
            writer.writerows(["" if v is None else v for v in row] for row in data[table])


def to_json(data: dict[str, list[tuple]]) -> str:
    return json.dumps({table: [dict(zip([c for c, _, _ in SCHEMA[table]], row)) for row in data[table]]
                       for table in SCHEMA}, indent=2, ensure_ascii=False)


DEFAULT_OUT = {"sqlite": "kc-data.sqlite", "csv": "kc-data"}
