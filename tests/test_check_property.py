"""Whatever people type into content files, `kc check` reports problems and never crashes."""
from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import load_config, pipeline

from .conftest import TODAY
from .corpus_helpers import base_corpus

KEYS = ["id", "title", "type", "status", "audience", "owner", "tags", "regions", "updated", "review_by",
        "summary", "version", "effective", "supersedes", "changelog", "policies", "severity",
        "escalate_to", "response_time", "prerequisites", "duration_minutes", "objectives", "quiz",
        "date", "highlights", "choices", "answer", "question"]
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=20), st.dates(), st.sampled_from(["spam", "policy", "sev1", "4h"]))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(KEYS), inner, max_size=3)), max_leaves=8)
front_matter = st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=8)), values, max_size=8)
bodies = st.text(alphabet=st.sampled_from(list("[]#|(){}.md/-: \n`*>!abc")), max_size=120)
folders = st.sampled_from(["policies", "playbooks", "training", "newsletters", "faqs", "other"])

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def check(make_site, files):
    site = pipeline.check(make_site(base_corpus() | files), today=TODAY)
    for diag in site.diagnostics:
        assert diag.line >= 1 and diag.column >= 1 and diag.message
    return site


@FAST
@given(folder=folders, meta=front_matter, body=bodies)
def test_arbitrary_front_matter_never_crashes(make_site, folder, meta, body):
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body
    check(make_site, {f"content/{folder}/fuzz.md": text})


@FAST
@given(raw=st.binary(max_size=200))
def test_arbitrary_bytes_never_crash(make_site, raw):
    check(make_site, {"content/faqs/fuzz.md": b"---\nid: fz\n" + raw})


@FAST
@given(text=st.text(max_size=200))
def test_arbitrary_text_never_crashes(make_site, text):
    site = check(make_site, {"content/faqs/fuzz.md": text})
    if not text.startswith("---"):
        assert "LOAD003" in [d.code for d in site.diagnostics]
