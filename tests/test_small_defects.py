"""Small defects authors and readers ran into: quiz answers by text and explanations,
digest text and Markdown formatting, newsletters dated not reviewed, newest first."""
from __future__ import annotations

import re

from generator import load_config, pipeline
from generator.build import build
from generator.digest import collect
from generator.digest.render import markdown_escape, render

from .conftest import ROOT, TODAY
from .corpus_helpers import base_corpus, doc
from .test_digest_golden import PERIOD


def training(quiz: str) -> dict[str, str]:
    return {"content/training/t.md": doc(f"id: qt\ntitle: T\nowner: policy\nquiz:\n{quiz}")}


def test_a_quiz_answer_may_be_the_text_of_the_right_choice(make_site, tmp_path):
    config = make_site(base_corpus() | training(
        "  - question: Is spam allowed?\n    choices: [Always, Never]\n    answer: never\n"
        "    explanation: Spam is removed under the spam policy."))
    site = pipeline.check(config, today=TODAY)
    assert list(site.diagnostics) == []
    build(config, out_dir=tmp_path / "out", today=TODAY)
    page = (tmp_path / "out" / "training" / "qt" / "index.html").read_text(encoding="utf-8")
    assert 'data-answer="1"' in page
    assert '<p class="quiz-explanation" hidden>Spam is removed under the spam policy.</p>' in page


def test_a_quiz_answer_text_that_names_no_choice_is_an_error_with_a_suggestion(check_files):
    site = check_files(base_corpus() | training(
        "  - question: Which?\n    choices: [Remove the post, Warn the user]\n    answer: Remove post"))
    found, = site.diagnostics
    assert (found.code, found.line) == ("QUIZ001", 8)
    assert "'Remove post' is not one of its choices" in found.message
    assert found.hint == "did you mean 'Remove the post'?"


def test_an_unquoted_yes_among_quiz_choices_says_to_quote_it(check_files):
    site = check_files(base_corpus() | training("  - question: Q?\n    choices: [Yes, \"No\"]\n    answer: 0"))
    found, = site.diagnostics
    assert found.code == "FM002" and "YAML read it as true" in found.message
    assert 'put it in quotes, e.g. "Yes"' in found.hint


def test_an_unquoted_yes_or_no_answer_is_not_silently_an_index(check_files):
    site = check_files(base_corpus() | training("  - question: Q?\n    choices: [\"Yes\", \"No\"]\n    answer: no"))
    found, = site.diagnostics
    assert (found.code, found.line) == ("FM002", 8)
    assert "YAML read the answer as false" in found.message and 'answer: "Yes"' in found.hint


def test_digest_text_has_a_blank_line_before_every_section_heading():
    site = pipeline.check(load_config(ROOT / "site_config.yml"), today=TODAY)
    text = render(collect(site, PERIOD, "internal"), site.config, "text")
    headings = re.findall(r"(.*)\n(.*)\n(-+)\n", text)
    assert len(headings) >= 3
    for before, heading, _rule in headings:
        assert before == "", f"no blank line before {heading!r}"
    assert "\n\nFAQS (" in text


def test_markdown_escapes_a_hash_only_where_it_would_make_a_heading():
    assert markdown_escape("Questions? Ask in #ts-program.") == "Questions? Ask in #ts-program."
    assert markdown_escape("#1 priority") == "\\#1 priority"
    site = pipeline.check(load_config(ROOT / "site_config.yml"), today=TODAY)
    md = render(collect(site, PERIOD, "internal"), site.config, "md")
    assert "Ask in #ts-program." in md and "\\#" not in md


def test_digest_doc_no_longer_says_faqs_cannot_be_new():
    text = (ROOT / "docs" / "digest.md").read_text(encoding="utf-8")
    assert "only policies can be `new`" not in text
    assert "FAQs included" in text


def newsletter(doc_id: str, day: str) -> str:
    return doc(f"id: {doc_id}\ntitle: Issue {day}\ndate: {day}", "News.\n")


def test_newsletters_are_dated_not_reviewed_and_listed_newest_first(make_site, tmp_path):
    config = make_site(base_corpus() | {
        "content/newsletters/a.md": newsletter("a-first", "2026-01-05"),
        "content/newsletters/z.md": newsletter("z-second", "2026-03-05"),
        "content/newsletters/m.md": newsletter("m-third", "2026-02-05")})
    build(config, out_dir=tmp_path / "out", today=TODAY)
    page = (tmp_path / "out" / "newsletters" / "m-third" / "index.html").read_text(encoding="utf-8")
    nav = page.split('class="site-nav"')[1].split("</nav>")[0]
    assert [m for m in re.findall(r">Issue ([\d-]+)<", nav)] == ["2026-03-05", "2026-02-05", "2026-01-05"]
    badges = page.split('class="badges"')[1].split("</p>")[0]
    assert "Active" not in badges and "Internal" in badges
    assert "Review by" not in page
