"""A second `kc check` reuses outlines of unchanged bodies and reports exactly the same."""
from __future__ import annotations

from generator import markdown, pipeline
from generator.outline_cache import CACHE_FILE

from .conftest import TODAY
from .corpus_helpers import base_corpus, doc

FILES = base_corpus() | {"content/faqs/qa.md": doc("id: qa\ntitle: A?\naudience: public",
                                                   "## Intro\n\nSee [[spam#enforcment]] and [[nope]] (`code`).\n")}
# The `code` span makes the body need a Markdown parse: plain bodies are outlined without
# one and are not cached (tests/test_plain_outline.py).


def check(config):
    return [(d.code, d.line, d.column, d.message) for d in pipeline.check(config, today=TODAY).diagnostics]


def count_parses(monkeypatch) -> list[int]:
    calls = [0]
    real = markdown.parse

    def counting(body):
        calls[0] += 1
        return real(body)
    monkeypatch.setattr(markdown, "parse", counting)
    return calls


def test_warm_check_parses_nothing_and_reports_the_same(make_site, monkeypatch):
    config = make_site(FILES)
    cold = check(config)
    assert (config.root / CACHE_FILE).is_file()
    calls = count_parses(monkeypatch)
    assert check(config) == cold
    assert calls[0] == 0
    assert [code for code, *_ in cold] == ["XREF002", "XREF001"]


def test_edited_body_is_parsed_again(make_site, monkeypatch):
    config = make_site(FILES)
    check(config)
    (config.root / "content/faqs/qa.md").write_text(
        doc("id: qa\ntitle: A?\naudience: public", "Moved down.\n\n## Intro\n\nSee [[spam#enforcement]] (`code`).\n"))
    calls = count_parses(monkeypatch)
    assert check(config) == []
    assert calls[0] == 1


def test_corrupt_cache_is_ignored(make_site):
    config = make_site(FILES)
    cold = check(config)
    (config.root / CACHE_FILE).write_text("{not json")
    assert check(config) == cold


def test_plain_bodies_are_neither_parsed_nor_cached(make_site, monkeypatch):
    config = make_site(FILES | {"content/faqs/plain.md": doc("id: plain\ntitle: Plain?\naudience: public",
                                                             "## Intro\n\nSee [[spam#enforcment]].\n")})
    calls = count_parses(monkeypatch)
    found = check(config)
    assert calls[0] == 1   # qa.md, whose body has code; not plain.md nor the policies
    assert [code for code, *_ in found] == ["XREF002", "XREF002", "XREF001"]   # plain.md, then qa.md
    import json
    assert len(json.loads((config.root / CACHE_FILE).read_text())["outlines"]) == 1
