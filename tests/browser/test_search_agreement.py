"""The browser (Pagefind) and `kc search` (tantivy) search the same build: on the relevance
set's questions over the sample site, the test reports how often their first results agree
and how often the browser has the expected document in its top 3."""
from __future__ import annotations

from generator import load_config
from search.query import SearchIndex

from ..test_search_relevance import CASES

# Pagefind's own API, from the built bundle, with the query prepared as the search box
# prepares it (kcSearchTerm: corrections, question and stop words dropped): the top 3 URLs.
TOP3 = """
const done = arguments[arguments.length - 1];
(async () => {
  const pagefind = await import(new URL("pagefind/pagefind.js", document.baseURI).href);
  await pagefind.init();
  const found = {};
  for (const query of arguments[0]) {
    const search = await pagefind.search(await window.kcSearchTerm(query));   // as the search box does
    const urls = [];
    for (const result of search.results.slice(0, 3)) { urls.push((await result.data()).url); }
    found[query] = urls;
  }
  done(found);
})().catch((error) => done({error: String(error)}));
"""


def page_id(url: str) -> str:
    """'/policies/hate-speech/' -> 'hate-speech'."""
    parts = [part for part in url.split("#")[0].split("/") if part]
    return parts[1] if len(parts) >= 2 else ""


def test_browser_and_cli_agreement_on_the_relevance_questions_is_reported_and_does_not_regress(builds, servers, browser):
    built = builds("internal", "/")
    cases = [case for case in CASES["queries"] if case["corpus"] == "sample"]
    index = SearchIndex.for_site(load_config(built.out.parent / "site_config.yml"), built.out)
    cli = {case["query"]: [hit.id for hit in index.search(case["query"], limit=3).results] for case in cases}
    browser.open(servers(built))
    browser.driver.set_script_timeout(60)
    found = browser.driver.execute_async_script(TOP3, [case["query"] for case in cases])
    assert "error" not in found, found
    pagefind = {query: [page_id(url) for url in urls] for query, urls in found.items()}
    agree = sum(1 for case in cases if cli[case["query"]][:1] == pagefind[case["query"]][:1])
    browser_hit3 = sum(1 for case in cases if case["expect"] in pagefind[case["query"]])
    print(f"\nbrowser vs CLI over {len(cases)} questions: top-1 agreement {agree / len(cases):.2f}, "
          f"browser hit@3 {browser_hit3 / len(cases):.2f}")
    for case in cases:
        if cli[case["query"]][:1] != pagefind[case["query"]][:1]:
            print(f"  differ: {case['query']!r}: cli {cli[case['query']][:1]} browser {pagefind[case['query']][:1]}")
    # Measured 2026-11-23: agreement 0.60, browser hit@3 0.71 (0.46 and 0.60 before the box
    # dropped question words). Pagefind still needs every remaining word in one page, so some
    # questions find nothing there; that gap is open. These floors keep it from widening.
    assert agree / len(cases) >= 0.55 and browser_hit3 / len(cases) >= 0.65
