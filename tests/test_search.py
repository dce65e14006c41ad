"""kc search: what is indexed, how queries behave, and what the CLI prints."""
from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import pipeline
from generator.audience import published
from generator.cli import main
from search import stage
from search.backend import ENGINES, engine, index_dir
from search.entries import indexed_documents
from search.querytext import BadQuery
from search.query import SearchIndex
from search.sections import sections

from .conftest import TODAY
from .corpus_helpers import doc, policy
from .search_corpus import CANARY, FILES, SYNONYMS_CONFIG


def index_site(config, audience="internal", drafts=False, out=None):
    """Write the section index the way a build does, from a Site alone (no HTML)."""
    site = pipeline.check(config, TODAY)
    assert not site.diagnostics.has_errors(), site.diagnostics
    out = out or config.root / "site"
    docs = indexed_documents(published(site, audience, drafts), drafts)
    stage.write_index(site, docs, out, config.search.engine)
    return SearchIndex.for_site(config, out)


@pytest.fixture(params=sorted(ENGINES))
def engine_name(request):
    """Every test that uses the index runs with each engine: same behaviour."""
    return request.param


@pytest.fixture
def config(make_site, engine_name):
    return make_site(FILES, SYNONYMS_CONFIG + f"  engine: {engine_name}\n")


@pytest.fixture
def index(config):
    with index_site(config) as opened:
        yield opened


def ids(outcome):
    return [hit.id for hit in outcome.results]


def test_sections_split_at_headings_with_anchors_and_plain_text():
    found = sections("Intro **bold**.\n\n## First {#one}\n\nSee `code` [[x|the x]].\n\n"
                     "### Deeper\n\n```\nfenced\n```\n<div>raw html</div>\n")
    assert [(s.heading, s.anchor, s.level) for s in found] == [
        ("", "", 0), ("First", "one", 2), ("Deeper", "deeper", 3)]
    assert found[0].text == "Intro bold."
    assert found[1].text == "See code the x."
    assert "fenced" in found[2].text and "raw html" not in found[2].text


def test_one_entry_per_section_with_deep_link(index):
    hit = index.search("threatening violence").results[0]
    assert (hit.id, hit.section) == ("harassment", "Threats")
    assert hit.url == "https://kc.test/docs/policies/harassment/#threats"
    assert "**Threatening**" in hit.snippet and "**violence**" in hit.snippet


def test_retired_drafts_and_other_audiences_are_not_indexed(config):
    with index_site(config, audience="public") as public:
        assert ids(public.search("obsoletewidgets")) == []
        assert ids(public.search("upcomingwidgets")) == []
        assert ids(public.search(CANARY)) == []
        assert "harassment" in ids(public.search("harassment"))
    with index_site(config, audience="restricted", drafts=True) as everything:
        assert ids(everything.search("upcomingwidgets")) == ["draft-rules"]
        assert ids(everything.search(CANARY)) == ["secret"]
        assert ids(everything.search("obsoletewidgets")) == []


def test_deprecated_ranks_below_its_successor(index):
    # the old policy's summary matches every word; the current one still comes first
    found = ids(index.search("targeted abuse bullying harassment"))
    assert found.index("harassment") < found.index("harassment-old")


def test_deprecated_document_is_still_found(index):
    assert "harassment-old" in ids(index.search("2019"))


def test_faq_question_outranks_policy_body(index):
    assert ids(index.search("report harassment"))[0] == "report-harassment"


def test_stemming_and_synonyms(index):
    assert ids(index.search("threats"))[0] == "harassment"          # threats ~ threatening
    assert "harassment" in ids(index.search("bullied"))            # synonym from config
    assert ids(index.search("hacked")) == []                       # synonym target absent


def test_phrases_operators_prefix_and_field_filters(index):
    assert ids(index.search('"home address"')) == ["harassment"]
    assert ids(index.search('"address home"')) == []
    assert "spam" in ids(index.search("escal*"))
    assert ids(index.search("bots AND scams")) == ["spam"]
    assert ids(index.search("bots AND doxxing")) == []
    assert set(ids(index.search("bots OR doxxing"))) == {"spam", "harassment"}
    assert ids(index.search("harassment type:faq")) == ["report-harassment"]
    assert ids(index.search("harassment tag:reporting")) == ["report-harassment"]
    assert "harassment" not in ids(index.search("harassment NOT bullying"))


def test_options_filter_by_type_tag_and_region(index):
    assert ids(index.search("harassment", doc_type="faq")) == ["report-harassment"]
    assert ids(index.search("harassment", tags=["bullying"])) == ["harassment"]
    # a global document applies everywhere; an EU-only one is not shown for the US
    assert set(ids(index.search("harassment", regions=["us"]))) == {"harassment"}
    assert set(ids(index.search("harassment", regions=["eu"]))) == {"harassment", "harassment-old"}


def test_misspelling_gets_a_suggestion_and_corrected_results(index):
    outcome = index.search("harasment")
    assert outcome.suggestion == "harassment"
    assert outcome.corrected and "harassment" in ids(outcome)


def test_common_and_short_words_are_not_corrected(index):
    assert index.search("when was the comment shut").suggestion is None


@pytest.mark.parametrize("text", ['"account takeover', "NOT", "harassment AND", "OR spam", "NOT NOT spam",
                                  "(spam", "spam)", "", "   "])
def test_bad_queries_raise_a_readable_error(index, text):
    with pytest.raises(BadQuery) as caught:
        index.search(text)
    assert len(str(caught.value)) > 20


def test_missing_index_is_a_clear_error(make_site):
    make_site(FILES)
    result = CliRunner().invoke(main, ["search", "harassment", "--config",
                                       str(make_site(FILES).root / "site_config.yml")])
    assert result.exit_code == 2
    assert "No search index at" in result.output and "run `kc build` first" in result.output


def test_cli_json_shape(config, index):
    result = CliRunner().invoke(main, ["search", "harasment", "--json", "--limit", "1",
                                       "--config", str(config.root / "site_config.yml")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"query", "results", "suggestion"}
    assert data["query"] == "harasment" and data["suggestion"] == "harassment"
    assert len(data["results"]) == 1
    assert set(data["results"][0]) == {"id", "type", "title", "section", "url", "snippet", "score",
                                       "status"}


def test_cli_human_output_and_no_results(config, index):
    cfg = str(config.root / "site_config.yml")
    shown = CliRunner().invoke(main, ["search", "report harassment", "--config", cfg])
    assert shown.exit_code == 0
    assert "How do I report harassment?" in shown.output
    assert "https://kc.test/docs/faqs/report-harassment/" in shown.output
    none = CliRunner().invoke(main, ["search", "xylophone", "--config", cfg])
    assert none.exit_code == 0 and "No results for xylophone" in none.output
    bad = CliRunner().invoke(main, ["search", '"unclosed', "--config", cfg])
    assert bad.exit_code == 2 and "unbalanced quotes" in bad.output
    assert "Traceback" not in bad.output


def test_human_output_never_breaks_a_url_across_lines():
    """Support agents copy result URLs; a narrow console must not split them."""
    import io

    from rich.console import Console

    from search.present import print_outcome
    from search.query import Hit, Outcome
    url = "https://kc.example.com/training/harassment-review/#impersonation-used-to-harass"
    hit = Hit("harassment-review", "training", "Reviewing Harassment & Bullying",
              "Impersonation used to harass", url, "record a **harassment** strike", 17.5)
    out = io.StringIO()
    print_outcome(Outcome("harassment", [hit]), Console(file=out, width=40, color_system=None))
    assert url in out.getvalue().splitlines()[1]


def test_cli_out_option_reads_another_build(config, tmp_path):
    index_site(config, out=tmp_path / "elsewhere").close()
    result = CliRunner().invoke(main, ["search", "spam", "--out", str(tmp_path / "elsewhere"),
                                       "--config", str(config.root / "site_config.yml")])
    assert result.exit_code == 0 and "Spam" in result.output


def test_index_files_are_byte_identical_across_builds(config, tmp_path):
    index_site(config, out=tmp_path / "a").close()
    index_site(config, out=tmp_path / "b").close()
    first = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*")
             if p.is_file()}
    second = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*")
              if p.is_file()}
    assert first == second


def test_run_writes_the_index_terms_and_pagefind_into_the_build(config, tmp_path):
    out = tmp_path / "out"
    (out / "faqs" / "report-harassment").mkdir(parents=True)
    (out / "faqs" / "report-harassment" / "index.html").write_text(
        '<html lang="en"><body><main data-pagefind-body><h1>How do I report harassment?</h1>'
        "<p>Reports are confidential.</p></main></body></html>", encoding="utf-8")
    site = pipeline.check(config, TODAY)
    ctx = SimpleNamespace(site=site, config=config, out_dir=out, audience="public", drafts=False,
                          pages=published(site, "public"), bodies={}, lookups=SimpleNamespace(teams={}),
                          searchable=["faqs/report-harassment/"], page_keys={}, jobs=1)
    stage.run(ctx)
    assert (out / "_search" / config.search.engine).is_dir()
    assert (out / "pagefind" / "pagefind.js").is_file()
    words = json.loads((out / "_search" / "terms.json").read_text(encoding="utf-8"))
    assert "harassment" in words["words"] and CANARY not in words["words"]
    # kept: synonyms whose words are all in this (public) index; 'account takeover' is not
    assert words["synonyms"]["bullied"] == ["harassment"] and "hacked" not in words["synonyms"]


def test_a_deprecated_match_never_outscores_its_successor():
    from search.results import Scored, demote_deprecated
    old = {"id": "old", "status": "deprecated", "successor": "new", "url": "a"}
    new = {"id": "new", "status": "active", "successor": "", "url": "b"}
    other = {"id": "other", "status": "deprecated", "successor": "", "url": "c"}
    ranked = demote_deprecated([Scored(10.0, old), Scored(6.0, other), Scored(4.0, new)])
    assert [found.fields["id"] for found in ranked] == ["new", "old", "other"]


QUERY_PIECES = st.sampled_from(list('ab "()*?:^~[]-+') + [" AND ", " OR ", " NOT ", "type:",
                                                           "tag:", "spam", "harasment", " "])


@given(text=st.lists(QUERY_PIECES, max_size=12).map("".join))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_query_text_gives_results_or_a_readable_error(index, text):
    try:
        outcome = index.search(text)
    except BadQuery as error:
        assert str(error)
    else:
        assert isinstance(outcome.results, list)


def test_a_damaged_index_is_a_clear_error(config):
    index_site(config).close()
    folder = config.root / "site" / "_search" / config.search.engine
    for path in [*folder.glob("*.toc"), folder / "meta.json"]:
        if path.is_file():
            path.write_bytes(b"not an index")
    result = CliRunner().invoke(main, ["search", "spam", "--config",
                                       str(config.root / "site_config.yml")])
    assert result.exit_code == 2 and "run `kc build` again" in result.output


def test_a_misspelled_word_among_known_ones_is_corrected_too(index):
    outcome = index.search("harasment report")
    assert outcome.suggestion == "harassment report" and outcome.corrected
    assert ids(outcome)[0] == "report-harassment"


def test_cli_says_which_query_it_searched(config, index):
    shown = CliRunner().invoke(main, ["search", "harasment", "--config",
                                      str(config.root / "site_config.yml")])
    assert "Showing results for harassment (no exact match for harasment)." in shown.output


def test_updating_and_deleting_one_document_changes_only_its_sections(config, engine_name):
    from search.entries import entries
    site = pipeline.check(config, TODAY)
    docs = indexed_documents(published(site, "internal"), False)
    folder = stage.write_index(site, docs, config.root / "site", engine_name)
    spam = next(doc for doc in docs if doc.id == "spam")
    changed = [{**entry, "body": entry["body"] + " Also quokkafraud."}
               for entry in entries(site, spam, {doc.id: doc for doc in docs})]
    engine(engine_name).update(folder, "spam", changed)
    with SearchIndex.for_site(config) as index:
        assert ids(index.search("quokkafraud")) == ["spam"]
        assert ids(index.search("bots")) == ["spam"]            # its old words: once, not twice
        assert "harassment" in ids(index.search("harassment"))
    engine(engine_name).delete(folder, "spam")
    with SearchIndex.for_site(config) as index:
        assert ids(index.search("quokkafraud")) == [] and ids(index.search("bots")) == []
        assert "harassment" in ids(index.search("harassment"))


def test_unknown_engine_in_site_config_is_a_clear_error(make_site):
    config = make_site(FILES)
    (config.root / "site_config.yml").write_text("title: T\nsearch:\n  engine: lucene\n")
    result = CliRunner().invoke(main, ["search", "spam", "--config", str(config.root / "site_config.yml")])
    assert result.exit_code == 2
    assert "site_config.yml:3:" in result.output and "search.engine" in result.output
    assert "tantivy" in result.output and "whoosh" in result.output


def test_the_default_engine_is_tantivy_and_whoosh_is_chosen_in_site_config(make_site):
    default = make_site(FILES, "title: T\n")
    assert default.search.engine == "tantivy"
    index_site(default).close()
    assert (default.root / "site" / "_search" / "tantivy" / "meta.json").is_file()
    assert not (default.root / "site" / "_search" / "whoosh").exists()


def test_an_unknown_type_filter_is_an_error_with_a_suggestion(index):
    with pytest.raises(BadQuery, match="unknown type 'polcy': did you mean policy?"):
        index.search("harassment type:polcy")


def test_question_words_do_not_decide_the_ranking(index):
    """'what' and 'how' match FAQ questions, not what the question is about."""
    assert ids(index.search("what are the rules on spam"))[0] == "spam"


RANKING_FILES = {
    **FILES,
    "content/policies/complaints.md": policy(
        "complaints", "title: Complaints handling\n",
        "## Process\n\nAddressing complaints from our home market first; every address "
        "change is logged in the home office.\n"),
    "content/policies/exploits.md": policy(
        "exploits", "title: Game rules\n", "## Bugs\n\nUsing an exploit to duplicate items.\n"),
    "content/policies/minors.md": policy(
        "minors", "title: Minor safety\n", "## Abuse\n\nExploitation of minors is reported.\n"),
    "content/training/spam-course.md": doc(
        "id: spam-course\ntitle: Spam\nowner: policy\naudience: public\n",
        "## Spam\n\nFake engagement, bots and escalation of scams.\n"),
}


@pytest.fixture
def ranking_index(make_site, engine_name):
    config = make_site(RANKING_FILES, SYNONYMS_CONFIG + f"  engine: {engine_name}\n")
    with index_site(config) as opened:
        yield opened


def test_words_typed_together_beat_the_same_words_apart(ranking_index):
    """'home address' is about the doxxing section, not a page that has both words
    in different sentences."""
    assert ids(ranking_index.search("home address"))[0] == "harassment"


def test_the_exact_word_beats_a_longer_word_with_the_same_stem(ranking_index):
    found = ids(ranking_index.search("exploit"))
    assert found.index("exploits") < found.index("minors")


def test_a_policy_outranks_a_training_module_saying_the_same(ranking_index):
    found = ids(ranking_index.search("fake engagement bots"))
    assert found.index("spam") < found.index("spam-course")


def test_cli_results_show_type_title_section_and_excerpt_but_no_score(config, index):
    cfg = str(config.root / "site_config.yml")
    shown = CliRunner().invoke(main, ["search", "threatening violence", "--config", cfg])
    assert shown.exit_code == 0
    first = shown.output.splitlines()[:3]
    assert first[0] == "1. [Policy] Harassment & Bullying › Threats"
    assert first[1].strip() == "https://kc.test/docs/policies/harassment/#threats"
    assert first[2].strip() == "Threatening violence against a person is never allowed."   # bold in a terminal
    assert "score" not in shown.output


def test_cli_explain_shows_the_score_and_why(config, index):
    cfg = str(config.root / "site_config.yml")
    shown = CliRunner().invoke(main, ["search", "report harassment", "--explain", "--config", cfg])
    lines = shown.output.splitlines()
    assert lines[0].startswith("1. [FAQ] How do I report harassment?")
    why = next(line for line in lines if line.strip().startswith("score "))
    assert "title: harass, report" in why, why
    data = json.loads(CliRunner().invoke(main, ["search", "harassment", "--json", "--explain",
                                                "--config", cfg]).output)
    assert all(hit["why"] for hit in data["results"])


def test_cli_marks_deprecated_results(config, index):
    shown = CliRunner().invoke(main, ["search", "2019", "--config", str(config.root / "site_config.yml")])
    assert "Harassment & Bullying (2019) › Summary  deprecated" in shown.output


@pytest.mark.parametrize("args", [["--type", "polcy"], ["type:polcy"]])
def test_cli_unknown_type_is_a_usage_error_with_a_suggestion(config, index, args):
    query = ["harassment " + args[0]] if len(args) == 1 else ["harassment", *args]
    result = CliRunner().invoke(main, ["search", *query, "--config", str(config.root / "site_config.yml")])
    assert result.exit_code == 2
    assert "unknown type 'polcy': did you mean policy?" in result.output
