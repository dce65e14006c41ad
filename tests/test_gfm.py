"""GitHub-flavoured Markdown as people write it: what a reader sees, and what kc check says."""
from __future__ import annotations

import re

import pytest

from generator import pipeline
from generator.build import build
from generator.document import Document
from generator.render import Resolver, render_body

from .build_support import broken_links
from .conftest import TODAY

TEAMS = "t1:\n  name: Team One\n  contact: t1@example.com\n"


def render(body: str, title: str = "Here") -> str:
    page = Document(src_path="content/faqs/here.md", type="faq", meta={"id": "here", "title": title},
                    body=body, body_line=1)
    return render_body(page, Resolver(page, {"here": page})).html


def faq(doc_id: str, body: str, extra: str = "") -> str:
    return f"---\nid: {doc_id}\ntitle: {doc_id.title()}\naudience: public\n{extra}---\n{body}"


def test_bare_urls_www_and_email_addresses_become_links():
    html = render("Write to dpo@example.com, see www.example.com or https://example.com/a?b=1.\n")
    assert '<a href="mailto:dpo@example.com">dpo@example.com</a>' in html
    assert '<a href="http://www.example.com">www.example.com</a>' in html
    assert '<a href="https://example.com/a?b=1">https://example.com/a?b=1</a>' in html


def test_bare_file_and_domain_names_stay_text_as_on_github():
    html = render("See roles.md, flow.png and example.com.\n")
    assert "<a" not in html and "See roles.md, flow.png and example.com." in html


def test_single_and_double_tilde_strike_through():
    html = render("~old rule~ and ~~older~~, but a~b and ~ spaced ~ stay.\n")
    assert "<s>old rule</s>" in html and "<s>older</s>" in html
    assert "a~b" in html and "~ spaced ~" in html


@pytest.mark.parametrize("kind", ["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"])
def test_github_alerts_render_as_admonitions(kind):
    html = render(f"> [!{kind}]\n> Check the **queue** first.\n")
    assert f'<div class="admonition {kind.lower()}" role="note">' in html
    assert f'<p class="admonition-title">{kind.title()}</p>' in html
    assert "<p>Check the <strong>queue</strong> first.</p>" in html
    assert "[!" not in html and "<blockquote>" not in html


def test_a_plain_block_quote_stays_a_quote():
    html = render("> [!NOTE] is how GitHub marks alerts\n\n> Just a quote.\n")
    assert html.count("<blockquote>") == 2 and "admonition" not in html


def test_footnotes_have_github_ids_and_links_to_them_check(check_files):
    html = render("Rule.[^1]\n\n[^1]: Source.\n")
    assert 'href="#fn-1" id="fnref-1"' in html and '<li id="fn-1"' in html
    site = check_files({"content/teams.yml": TEAMS,
                        "content/faqs/alpha.md": faq("alpha", "Rule.[^1] [see note](#fn-1)\n\n[^1]: Source.\n")})
    assert [d.code for d in site.diagnostics] == []


SLUGS = [
    ("Política de Señales", "política-de-señales"),       # Latin with accents
    ("Правила сообщества", "правила-сообщества"),          # Cyrillic
    ("سياسة المحتوى", "سياسة-المحتوى"),                   # Arabic
    ("हिन्दी नीति", "हिन्दी-नीति"),                           # Devanagari: vowel signs are combining marks
    ("นโยบาย ความปลอดภัย", "นโยบาย-ความปลอดภัย"),          # Thai: combining vowels and tone marks
    ("社区 准则", "社区-准则"),                              # CJK
    ("Enforcement & Appeals (2026)", "enforcement--appeals-2026"),
]


@pytest.mark.parametrize("heading,slug", SLUGS)
def test_heading_slugs_match_github_for_every_script(heading, slug, check_files):
    assert f'<h2 id="{slug}">' in render(f"## {heading}\n")
    site = check_files({"content/teams.yml": TEAMS, "content/faqs/target.md": faq("target", f"## {heading}\n"),
                        "content/faqs/alpha.md": faq("alpha", f"[[target#{slug}]]\n")})
    assert [d.code for d in site.diagnostics] == []


def test_content_the_sanitizer_drops_is_a_warning_at_its_line(check_files):
    body = ("Intro.\n\n<iframe src=\"https://video.example\"></iframe>\n\n"
            "Text <script>alert(1)</script> more.\n\n<form action=\"/x\">\n<input type=\"text\">\n</form>\n\n"
            "- [ ] a task box is fine\n")
    site = check_files({"content/teams.yml": TEAMS, "content/faqs/alpha.md": faq("alpha", body)})
    found = [(d.code, d.line, d.column, d.severity.value) for d in site.diagnostics]
    assert found == [("BODY003", 8, 1, "warning"), ("BODY003", 10, 6, "warning"),
                     ("BODY003", 12, 1, "warning"), ("BODY003", 13, 1, "warning")]
    messages = " ".join(d.message for d in site.diagnostics)
    assert "<iframe>" in messages and "<script>" in messages and "<form>" in messages and "<input>" in messages


def test_raw_inputs_are_dropped_but_task_boxes_stay():
    html = render('<input type="checkbox"> Agree\n\nText <input type="text" name="q">.\n\n- [x] done\n')
    assert html.count("<input") == 1
    assert 'class="task-list-item-checkbox"' in html and 'aria-label="Done"' in html


def test_a_body_starting_with_its_title_gives_one_h1(make_site, tmp_path):
    config = make_site({"content/teams.yml": TEAMS,
                        "content/faqs/alpha.md": faq("alpha", "# Alpha\n\nIntro.\n\n# Second part\n\n## Detail\n"),
                        "content/faqs/beta.md": faq("beta", "[[alpha#alpha]] [[alpha#second-part]]\n")})
    assert not pipeline.check(config, today=TODAY).diagnostics.has_errors()
    out = tmp_path / "out"
    build(config, out_dir=out, audience="public", today=TODAY)
    html = (out / "faqs/alpha/index.html").read_text()
    assert html.count("<h1") == 1
    # (the page's headings also carry their search weight, data-pagefind-weight)
    assert re.search(r'<h2[^>]* id="second-part">Second part <a class="heading-link" href="#second-part"', html)
    assert broken_links(out, "/") == []


def test_front_matter_fields_can_be_ignored_or_mapped(make_site, tmp_path):
    files = {"content/teams.yml": TEAMS,
             "content/faqs/alpha.md": faq("alpha", "Text.\n", extra="layout: page\npermalink: /a/\n"
                                                          "description: How appeals work.\n")}
    plain = pipeline.check(make_site(files), today=TODAY)
    assert sorted((d.code, d.line) for d in plain.diagnostics) == [("FM003", 5), ("FM003", 6), ("FM003", 7)]
    config = make_site(files, config="title: T\nfront_matter:\n  ignore: [layout, permalink]\n"
                                     "  map: {description: summary}\n")
    site = pipeline.check(config, today=TODAY)
    assert [d.code for d in site.diagnostics] == []
    assert site.by_id["alpha"].get("summary") == "How appeals work."
    out = tmp_path / "out"
    build(config, out_dir=out, audience="public", today=TODAY)
    assert 'content="How appeals work."' in (out / "faqs/alpha/index.html").read_text()
