"""`kc export data`: the corpus as SQL/CSV/JSON tables, with the documented schema."""
from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.data_export import SCHEMA

from .health_corpus import CONFIG, CORPUS, EXPECTED, TODAY

DOCS = Path(__file__).resolve().parent.parent / "docs" / "data-export.md"


@pytest.fixture
def config_path(make_site):
    return str(make_site(CORPUS, CONFIG).root / "site_config.yml")


def export(config_path, *args):
    result = CliRunner().invoke(main, ["export", "data", "--config", config_path, "--today", TODAY, *args])
    return result.exit_code, result.output


def test_sqlite_answers_a_pms_questions(config_path, tmp_path):
    out = tmp_path / "kc.sqlite"
    code, _ = export(config_path, "--out", str(out))
    assert code == 0
    db = sqlite3.connect(out)
    assert db.execute("SELECT type, status, owner FROM documents WHERE id = 'pb-slow'").fetchone() == \
        ("playbook", "active", "vague")
    assert db.execute("SELECT response_minutes FROM documents WHERE id = 'pb-slow'").fetchone() == (120,)
    assert db.execute("SELECT COUNT(*) FROM documents").fetchone() == (len(CORPUS) - 2,)  # teams.yml, broken.md
    no_faq = db.execute("SELECT policy_id FROM coverage WHERE faqs = 0").fetchall()
    assert no_faq == [("no-faq",)]
    body = db.execute("SELECT target_id FROM citations WHERE source_id = 'faq-covered' AND via = 'body' "
                      "ORDER BY target_id").fetchall()
    assert body == [("covered",), ("faq-linked",), ("legacy",)]
    tags = db.execute("SELECT document_id FROM fields WHERE field = 'tags' AND value = 'live-stream' "
                      "ORDER BY 1").fetchall()
    assert tags == [("pb-covered",), ("pb-slow",)]
    assert db.execute("SELECT version, date, current FROM versions WHERE policy_id = 'covered'").fetchall() == \
        [("1.0", "2026-01-01", 1)]
    assert db.execute("SELECT kind, owner FROM findings ORDER BY id").fetchall() == \
        [(kind, owner) for kind, _, owner in EXPECTED]
    joined = db.execute("SELECT f.kind FROM findings f JOIN finding_documents fd ON fd.finding_id = f.id "
                        "WHERE fd.document_id = 'pb-slow' ORDER BY f.id").fetchall()
    assert joined == [("slow-response",), ("missing-contact",), ("missing-contact",)]
    assert db.execute("SELECT name, contact FROM teams WHERE id = 'vague'").fetchone() == ("Vague Team", "TBD")


def test_sqlite_export_replaces_an_old_file(config_path, tmp_path):
    out = tmp_path / "exports" / "kc.sqlite"
    out.parent.mkdir()
    out.write_text("old", encoding="utf-8")
    assert export(config_path, "--out", str(out))[0] == 0
    assert sqlite3.connect(out).execute("SELECT COUNT(*) FROM teams").fetchone() == (5,)
    assert [p.name for p in out.parent.iterdir()] == ["kc.sqlite"]     # no temporary file left


def test_csv_export_is_one_file_per_table(config_path, tmp_path):
    out = tmp_path / "tables"
    assert export(config_path, "--format", "csv", "--out", str(out))[0] == 0
    assert sorted(p.stem for p in out.iterdir()) == sorted(SCHEMA)
    with open(out / "versions.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {"policy_id": "versioned", "version": "2.0", "date": "2026-10-01", "summary": "Stricter.",
            "current": "1"} in rows


def test_json_export_has_every_table(config_path):
    code, out = export(config_path, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert list(data) == list(SCHEMA)
    assert data["teams"][0] == {"id": "escalations", "name": "Escalations", "contact": "#ts-escalations",
                                "description": ""}


def test_out_of_the_wrong_kind_is_a_usage_error(config_path, tmp_path):
    code, out = export(config_path, "--out", str(tmp_path))
    assert code == 2 and "is a folder" in out


def test_schema_is_documented():
    text = DOCS.read_text(encoding="utf-8")
    for table, columns in SCHEMA.items():
        assert f"### `{table}`" in text
        for name, kind, meaning in columns:
            assert f"| `{name}` | {kind} | {meaning} |" in text, (table, name)
