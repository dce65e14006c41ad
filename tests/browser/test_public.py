"""The public build, browsed and searched like an outsider would: no internal or
restricted document shows up, by title, by link or in search."""
from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest

from generator.urls import doc_url

from .conftest import results, result_paths, search, settle


@pytest.fixture(scope="module")
def hidden_docs(sample_site):
    """Documents a public reader must never see: internal, restricted, drafts."""
    docs = [d for d in sample_site.documents if d.valid and (d.audience != "public" or d.status == "draft")]
    assert len(docs) >= 10 and any(d.audience == "restricted" for d in docs)
    return docs


def page_links_and_text(browser) -> tuple[list[str], str]:
    return browser.js("""return [Array.from(document.querySelectorAll('a[href]'), a => a.href),
                                 document.body.innerText];""")


def test_browsing_the_public_site_never_shows_internal_documents(browser, public_url, hidden_docs):
    base = urlsplit(public_url).path
    start = ["", "policies/", "playbooks/", "training/", "faqs/", "newsletters/",
             "tags/", "regions/", "teams/"]
    queue, seen, leaks = [public_url + p for p in start], set(), []
    # Every page linked from the home page, catalogs and term indexes (tags, regions, teams).
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        browser.open(url)
        assert browser.status(url) == 200, f"{url} is not a page of the public site"
        links, text = page_links_and_text(browser)
        for doc in hidden_docs:
            target = public_url + doc_url(doc)
            if doc.title in text:
                leaks.append(f"{url} shows the title {doc.title!r}")
            if any(link.split("#")[0] == target for link in links):
                leaks.append(f"{url} links to {doc_url(doc)}")
        path = urlsplit(url).path[len(base):]
        if path.count("/") <= 1:   # an index page: follow its links one level down
            for link in links:
                link = link.split("#")[0]
                if link.startswith(public_url) and link.endswith("/") and link not in seen:
                    queue.append(link)
    assert len(seen) > 40, f"only {len(seen)} public pages reached"
    assert not leaks, "\n".join(leaks)


def test_internal_urls_are_not_found_in_the_public_site(browser, public_url, hidden_docs):
    for doc in hidden_docs[:3]:
        url = public_url + doc_url(doc)
        browser.expected_errors.append(url)
        browser.open(url)
        assert browser.status(url) == 404
        assert browser.find("h1").text == "Page not found"
        assert doc.title not in browser.find("body").text


def test_searching_the_public_site_never_finds_internal_documents(browser, public_url, hidden_docs):
    browser.open(public_url)
    hidden_paths = {doc_url(d) for d in hidden_docs}

    # In the search box, as a user: the restricted documents' titles.
    for doc in [d for d in hidden_docs if d.audience == "restricted"]:
        search(browser, doc.title)
        browser.wait(lambda d: browser.js(
            "return !!document.querySelector('#search .pagefind-ui__message')"), "a search message")
        settle(browser)
        shown = set(result_paths(browser, public_url))
        titles = browser.js("""return Array.from(document.querySelectorAll(
            '#search .pagefind-ui__result-title'), t => t.textContent.trim())""")
        assert not shown & hidden_paths, f"searching {doc.title!r} shows {shown & hidden_paths}"
        assert doc.title not in titles

    # Through Pagefind's API (every result, not only the first page shown): every hidden
    # document's title and id words.
    found = browser.driver.execute_async_script("""
        const [bundle, queries, done] = arguments;
        (async () => {
          const pagefind = await import(bundle + 'pagefind.js');
          await pagefind.init();
          const out = {};
          for (const q of queries) {
            const r = await pagefind.search(q);
            out[q] = (await Promise.all(r.results.map(x => x.data()))).map(d => d.url);
          }
          return out;
        })().then(done, e => done({error: String(e)}));""",
        urljoin(public_url, "pagefind/"),
        sorted({d.title for d in hidden_docs} | {d.id.replace("-", " ") for d in hidden_docs}))
    assert "error" not in found, found
    leaks = {q: [u for u in urls if urlsplit(urljoin(public_url, u)).path.lstrip("/") in hidden_paths]
             for q, urls in found.items()}
    assert not any(leaks.values()), {q: u for q, u in leaks.items() if u}
    assert sum(len(u) for u in found.values()) > 0, "the public search found nothing at all"
