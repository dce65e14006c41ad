"""Search benchmark on a generated corpus (default 10,000 documents).

    python bench/bench_search.py [--docs 10000] [--work DIR] [--text synthetic|sample]
                                 [--no-browser] [--skip-pagefind]

Reports, for the internal audience:
- whoosh: indexing time (write_index: sections + index files, from the checked Site),
  index size on disk, and in-process `SearchIndex.search` latency (median and p95 over
  >= 100 varied queries, after one warm-up pass; snippets and did-you-mean included),
  plus the first (cold) pass, which reads each word's scores into memory;
- Pagefind: indexing time (the binary over the built HTML) and the bytes a browser
  downloads for one query. Measured in headless Chromium when available: a page of
  the built site is opened, the query typed into the search box, and the sizes of
  every response sent after the page loaded summed by the bench's HTTP server (so
  requests from Pagefind's web worker count; Pagefind's files are gzip inside, the
  server adds no compression).
  Without a browser, an estimate: pagefind.js + entry + wasm + meta + filters + the
  largest index chunk + 5 average fragments (the UI shows 5 results at first).
- the relevance figures of tests/search_relevance.yml (hit@3, MRR) on the sample content.
No timing is asserted anywhere; these are figures for the closing note.
"""
from __future__ import annotations

import argparse
import collections
import functools
import http.server
import random
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import corpus  # noqa: E402  (bench/corpus.py)
from generator import load_config, pipeline  # noqa: E402
from generator.audience import published  # noqa: E402
from search import indexer, pagefind  # noqa: E402
from search.query import SearchIndex  # noqa: E402

WORD_RE = re.compile(r"[a-z]+(?:-[a-z]+)?")


def use_sample_vocabulary(seed: int = 11) -> int:
    """Make bench/corpus.py write sentences drawn from the sample content's words, with
    their frequencies (Zipf-like, a few thousand distinct words), instead of its
    42-word list, where every word occurs in about 60% of all sections. Returns the
    vocabulary size. Titles, topics, front matter and structure are unchanged."""
    counts = collections.Counter()
    for path in sorted((ROOT / "content").rglob("*.md")):
        counts.update(WORD_RE.findall(path.read_text(encoding="utf-8").lower()))
    words, weights = list(counts), list(counts.values())
    rng = random.Random(seed)

    def sentence(_rng, topic: str) -> str:
        picked = rng.choices(words, weights, k=rng.randint(8, 18))
        picked.insert(rng.randrange(len(picked)), topic)
        return " ".join(picked).capitalize() + "."

    corpus.sentence = sentence
    return len(words)


MISSPELLED = ["harasment", "impersonaton", "misinfromation", "escalaton", "violaiton", "moderater"]


def queries() -> list[str]:
    """>= 100 varied queries: words, topics, questions, phrases, operators, prefixes,
    filters and misspellings, over the generated corpus's vocabulary."""
    words, topics = corpus.WORDS, corpus.TOPICS
    found = [f"{topics[i % len(topics)]} {words[i % len(words)]}" for i in range(40)]
    found += [f"how do I {words[i]} {topics[i % len(topics)]}" for i in range(20)]
    found += [f'"{words[i]} {words[i + 1]}"' for i in range(10)]
    found += [f"{words[i]} AND {words[i + 3]} NOT {words[i + 5]}" for i in range(10)]
    found += [f"{words[i][:4]}*" for i in range(10)]
    found += [f"{topics[i]} type:faq" for i in range(5)] + [f"{topics[i]} tag:spam" for i in range(5)]
    found += MISSPELLED
    return found


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def bench_whoosh(config, out: Path) -> None:
    site = pipeline.check(config)
    docs = indexer.indexed_documents(published(site, "internal"), drafts=False)
    started = time.perf_counter()
    indexer.write_index(site, docs, out / indexer.INDEX_DIR)
    seconds = time.perf_counter() - started
    size = sum(p.stat().st_size for p in (out / indexer.INDEX_DIR).rglob("*") if p.is_file())
    with SearchIndex.for_site(config, out) as index:
        entries = index.searcher.doc_count()
        texts = queries()
        cold = []
        for text in texts:                      # first pass: reads each word's postings
            started_query = time.perf_counter()
            index.search(text)
            cold.append((time.perf_counter() - started_query) * 1000)
        cached = sum(a.nbytes + b.nbytes for a, b in index.vectors.postings.values())
        times = []
        for text in texts:
            started_query = time.perf_counter()
            index.search(text)
            times.append((time.perf_counter() - started_query) * 1000)
    print(f"whoosh: {len(docs)} documents, {entries} sections indexed in {seconds:.1f} s; "
          f"index {size / 1e6:.1f} MB")
    print(f"whoosh query latency over {len(texts)} queries (warm, in-process, limit 10): "
          f"median {statistics.median(times):.1f} ms, p95 {percentile(times, 0.95):.1f} ms, "
          f"max {max(times):.1f} ms")
    print(f"whoosh first pass (cold word cache): median {statistics.median(cold):.1f} ms, "
          f"p95 {percentile(cold, 0.95):.1f} ms; word cache {cached / 1e6:.1f} MB "
          f"for {len(index.vectors.postings)} words and phrases")


def bench_pagefind(config, out: Path, browser: bool) -> None:
    from generator.build import build
    started = time.perf_counter()
    build(config, out_dir=out, audience="internal")
    build_seconds = time.perf_counter() - started
    shutil.rmtree(out / pagefind.PAGEFIND_DIR)   # Pagefind leaves stale files of earlier runs
    started = time.perf_counter()
    pagefind.run_binary(out)   # always a real run: the cache would skip Pagefind
    seconds = time.perf_counter() - started
    bundle = out / pagefind.PAGEFIND_DIR
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
    print(f"pagefind: indexing {seconds:.1f} s (whole kc build {build_seconds:.1f} s); "
          f"bundle {size / 1e6:.1f} MB")
    measured = browser and browser_bytes(out, "harassment review")
    if measured:
        total, files, names = measured
        print(f"pagefind: a browser downloads {total / 1e3:.0f} kB of search data for the query "
              f"'harassment review' ({files} files, headless Chromium): {', '.join(names)}")
    else:
        print(f"pagefind: about {estimated_bytes(bundle) / 1e3:.0f} kB of search data per query "
              f"(estimate from the bundle; no browser)")


def estimated_bytes(bundle: Path) -> int:
    sizes = lambda pattern: [p.stat().st_size for p in bundle.glob(pattern)]  # noqa: E731
    fixed = sum(sizes("pagefind.js") + sizes("pagefind-entry.json") + sizes("wasm.en.pagefind")
                + sizes("*.pf_meta") + sizes("filter/*"))
    fragments = sizes("fragment/*")
    return fixed + max(sizes("index/*")) + 5 * int(statistics.mean(fragments))


def browser_bytes(site: Path, query: str) -> tuple[int, int, list[str]] | None:
    """Bytes the server sends for search data after a page has loaded and `query` is
    typed: counted by the HTTP server itself, so requests from Pagefind's web worker
    count too. Returns (bytes, number of files, their names)."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
    except ImportError:
        return None
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and driver):
        return None
    handler = functools.partial(CountingHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu"):
        options.add_argument(flag)
    browser = webdriver.Chrome(options=options, service=Service(driver))
    try:
        browser.get(f"http://127.0.0.1:{server.server_port}/")
        time.sleep(2)
        CountingHandler.sent.clear()            # what the page itself loaded does not count
        box = browser.find_element(By.CSS_SELECTOR, "#search input")
        box.click()
        box.send_keys(query)
        time.sleep(5)
        sent = list(CountingHandler.sent)
    finally:
        browser.quit()
        server.shutdown()
    return sum(size for _path, size in sent), len(sent), sorted(path for path, _size in sent)


class CountingHandler(http.server.SimpleHTTPRequestHandler):
    sent: list[tuple[str, int]] = []

    def copyfile(self, source, outputfile) -> None:
        data = source.read()
        outputfile.write(data)
        CountingHandler.sent.append((self.path, len(data)))

    def log_message(self, *args) -> None:
        pass


def relevance() -> None:
    from tests.test_search_relevance import CASES, evaluate
    config = load_config(ROOT / "site_config.yml")
    site = pipeline.check(config)
    with tempfile.TemporaryDirectory() as tmp:
        docs = indexer.indexed_documents(published(site, CASES["audience"]), drafts=False)
        indexer.write_index(site, docs, Path(tmp) / indexer.INDEX_DIR)
        with SearchIndex.for_site(config, tmp) as index:
            hit_rate, mrr, _misses = evaluate(index, CASES["queries"])
    print(f"relevance (sample content, {len(CASES['queries'])} queries): "
          f"hit@3 {hit_rate:.2f}, MRR {mrr:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--work", type=Path, help="Folder for the corpus and outputs (kept).")
    parser.add_argument("--no-browser", action="store_true", help="Estimate Pagefind bytes instead.")
    parser.add_argument("--text", choices=["synthetic", "sample"], default="synthetic",
                        help="Body text: bench/corpus.py's 42-word list (every word in ~60%% of "
                             "sections: the worst case for search), or words drawn from the "
                             "sample content with their frequencies.")
    parser.add_argument("--skip-pagefind", action="store_true", help="Only the whoosh figures.")
    parser.add_argument("--skip-whoosh", action="store_true", help="Only the Pagefind figures.")
    parser.add_argument("--browser-only", type=Path, metavar="SITE",
                        help="Only measure the bytes of one query on an already built SITE.")
    args = parser.parse_args()
    if args.browser_only:
        print(browser_bytes(args.browser_only, "harassment review"))
        return
    work = args.work or Path(tempfile.mkdtemp(prefix="kc-bench-search-"))
    if args.text == "sample":
        print(f"body text: sample-content vocabulary ({use_sample_vocabulary()} words)")
    else:
        print(f"body text: bench/corpus.py's {len(corpus.WORDS)}-word vocabulary")
    config = load_config(corpus.generate(work / "src", args.docs))
    config.themes_dir = str(ROOT / "themes")
    relevance()
    if not args.skip_whoosh:
        bench_whoosh(config, work / "whoosh-only")
    if not args.skip_pagefind:
        bench_pagefind(config, work / "site", browser=not args.no_browser)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
