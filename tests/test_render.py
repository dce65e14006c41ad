"""The render stage: Markdown body -> safe HTML with page-relative links."""
from __future__ import annotations

import pytest

from generator.document import Document
from generator.render import Resolver, relative_url, render_body, sanitize


def doc(doc_id: str, doc_type: str = "faq", body: str = "", folder: str = "faqs") -> Document:
    return Document(src_path=f"content/{folder}/{doc_id}.md", type=doc_type,
                    meta={"id": doc_id, "title": doc_id.title()}, body=body, body_line=1)


@pytest.fixture
def corpus():
    docs = [doc("spam", "policy", folder="policies"), doc("appeal")]
    return {d.id: d for d in docs}


def render(body: str, corpus: dict, current: Document | None = None) -> str:
    page = current or doc("here", body=body)
    page.body = body
    return render_body(page, Resolver(page, corpus)).html


def test_wikilinks_become_relative_page_urls_with_anchors(corpus):
    html = render("See [[spam#enforcement]] and [[appeal|how to appeal]].", corpus)
    assert '<a class="ref" href="../../policies/spam/#enforcement">Spam</a>' in html
    assert '<a class="ref" href="../../faqs/appeal/">how to appeal</a>' in html


def test_relative_md_links_become_page_urls(corpus):
    html = render("[rules](../policies/spam.md#tiers) and [same folder](appeal.md)", corpus)
    assert '<a href="../../policies/spam/#tiers">rules</a>' in html
    assert '<a href="../../faqs/appeal/">same folder</a>' in html


def test_references_to_documents_not_in_this_build_are_plain_text(corpus):
    html = render("[[secret-doc]] and [[secret-doc|the secret]] and [x](../policies/secret.md)", corpus)
    assert "<a" not in html
    assert '<span class="broken-ref">secret-doc</span>' in html
    assert '<span class="broken-ref">x</span>' in html


def test_link_to_own_anchor_stays_on_the_page(corpus):
    here = doc("here")
    html = render("[[here#steps]]", dict(corpus, here=here), current=here)
    assert 'href="#steps"' in html


@pytest.mark.parametrize("raw", [
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="  javascript:alert(1)">x</a>',
    '<img src="data:image/svg+xml;base64,AAAA">',
    '<a href="vbscript:msgbox">x</a>',
    '<p onclick="steal()">x</p>',
    '<script>steal()</script>',
    '<iframe src="https://evil.example"></iframe>',
    '<style>body{display:none}</style>',
    '<form action="https://evil.example"><input name=x></form>',
])
def test_unsafe_raw_html_never_reaches_the_output(raw, corpus):
    html = render(f"before\n\n{raw}\n\nafter", corpus).lower()
    for bad in ("javascript:", "vbscript:", "data:", "onclick", "<script", "steal()", "<iframe",
                "<style", "<form", "evil.example"):
        assert bad not in html


def test_markdown_links_with_unsafe_schemes_are_not_links(corpus):
    html = render("[x](javascript:alert(1)) [y](data:text/html,hi)", corpus)
    assert "<a" not in html


def test_safe_raw_html_and_extensions_survive_sanitizing(corpus):
    body = ("<kbd>Ctrl</kbd> <abbr title=\"Trust and Safety\">T&S</abbr>\n\n"
            "| a | b |\n|:--|--:|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\n"
            "Term\n: Definition\n\nNote.[^1]\n\n[^1]: Footnote.\n")
    html = render(body, corpus)
    assert '<kbd>Ctrl</kbd>' in html and '<abbr title="Trust and Safety">' in html
    assert '<th style="text-align:left">a</th>' in html
    assert 'class="task-list-item-checkbox" checked="checked" disabled="disabled" type="checkbox" aria-label="Done"' in html
    assert "<dl>\n<dt>Term</dt>\n<dd>Definition</dd>\n</dl>" in html
    assert 'href="#fn-1"' in html and 'id="fn-1"' in html


def test_admonitions_render_as_asides_and_collapsibles_as_details(corpus):
    html = render('!!! warning "Careful"\n    Body.\n\n??? note "More"\n    Hidden.\n\n???+ tip\n    Open.\n', corpus)
    assert '<div class="admonition warning" role="note">\n<p class="admonition-title">Careful</p>' in html
    assert '<details class="admonition note">\n<summary class="admonition-title">More</summary>' in html
    assert '<details class="admonition tip" open="">' in html


def test_headings_keep_ids_and_feed_the_table_of_contents(corpus):
    page = doc("here", body="# Title\n\n## Enforcement & Appeals\n\n### Tier 1 {#tier-one}\n\n#### Deep\n")
    rendered = render_body(page, Resolver(page, corpus))
    assert ('<h3 id="tier-one">Tier 1 <a class="heading-link" href="#tier-one" '
            'aria-label="Copy link to this section" data-pagefind-ignore="">#</a></h3>') in rendered.html
    assert [(e.level, e.text, e.anchor) for e in rendered.toc] == [
        (2, "Enforcement & Appeals", "enforcement--appeals"), (3, "Tier 1", "tier-one")]


def test_relative_url_between_pages():
    assert relative_url("policies/spam/", "faqs/appeal/") == "../../faqs/appeal/"
    assert relative_url("", "faqs/appeal/") == "faqs/appeal/"
    assert relative_url("tags/x/", "") == "../../"
    assert relative_url("", "") == "./"


def test_sanitize_keeps_relative_and_https_links():
    assert sanitize('<a href="../x/">a</a> <a href="https://e.example/">b</a> <a href="mailto:a@b.c">c</a>') == \
        '<a href="../x/">a</a> <a href="https://e.example/">b</a> <a href="mailto:a@b.c">c</a>'
