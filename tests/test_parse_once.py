"""One Markdown parse per body serves the page and the search index: the sections the
render stage hands to search are those a separate parse would find."""
from __future__ import annotations

from generator import load_config, pipeline
from generator.render import Resolver, render_body
from search.sections import resolve, sections

from .conftest import ROOT, TODAY


def as_tuples(found):
    return [(s.heading, s.anchor, s.level, s.text) for s in found]


def test_sections_from_the_render_stage_equal_sections_parsed_for_search():
    site = pipeline.check(load_config(ROOT / "site_config.yml"), TODAY)
    visible = {doc.id: doc for doc in site.documents if doc.id}
    title_of = lambda doc_id: visible[doc_id].title if doc_id in visible else None  # noqa: E731
    compared = 0
    for doc in site.documents:
        rendered = render_body(doc, Resolver(doc, visible))
        assert as_tuples(resolve(rendered.sections, title_of)) == as_tuples(sections(doc.body, title_of)), doc.src_path
        compared += bool(rendered.sections)
    assert compared > 30
