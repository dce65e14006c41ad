"""Search benchmark on a generated corpus (default 10,000 documents).

    python bench/bench_search.py [--docs 10000] [--work DIR] [--text synthetic|sample]
                                 [--engines tantivy,whoosh] [--no-browser] [--skip-pagefind]
                                 [--repeat 3]

Reports, for the internal audience:
- each engine (tantivy, the default, and whoosh), side by side: indexing time
  (stage.write_index: sections + index files, from the checked Site; median of
  --repeat runs), index size on disk, in-process `SearchIndex.search` latency (median
  and p95 over >= 100 varied queries: a first pass, then a warm one; snippets and
  did-you-mean included), and `kc search` as a whole process (median of 21 runs);
- Pagefind: indexing time (the binary over the built HTML) and the bytes a browser
  downloads for one query. Measured in headless Chromium when available: a page of
  the built site is opened, the query typed into the search box, and the sizes of
  every response sent after the page loaded summed by the bench's HTTP server (so
  requests from Pagefind's web worker count; Pagefind's files are gzip inside, the
  server adds no compression).
  Without a browser, an estimate: pagefind.js + entry + wasm + meta + filters + the
  largest index chunk + 5 average fragments (the UI shows 5 results at first).
- `kc search` as a whole process on the site `kc build` made (the default engine):
  the first run (which validates site_config.yml and caches its search settings) and
  the median of 21;
- the relevance figures of tests/search_relevance.yml (hit@3, MRR) on the sample content;
- last, the issue's targets side by side with what this run measured, and the load
  average (the machine is shared: quote medians of a few runs).
No timing is asserted anywhere; these are figures for the closing note.
"""
from __future__ import annotations

import argparse
import collections
import functools
import http.server
import os
import random
import re
import shutil
import statistics
import subprocess
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
from search import pagefind, stage  # noqa: E402
from search.backend import ENGINES, engine  # noqa: E402
from search.entries import indexed_documents  # noqa: E402

WORD_RE = re.compile(r"[a-z]+(?:-[a-z]+)?")
SUMMARY: dict[str, str] = {}     # target -> what this run measured (printed last)
TARGETS = {"index build (tantivy)": "<= 5 s",
           "`kc search` process on the built site: median": "<= 300 ms",
           "in-process query p95 (tantivy, first pass / warm)": "<= 10 ms",
           "Pagefind bytes per query": "reported"}


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


def bench_engines(config, work: Path, repeat: int, names: list[str]) -> None:
    """Both engines on the same documents, side by side: indexing (median of `repeat`
    runs), index size, in-process query latency, and `kc search` as a whole process."""
    from generator.markdown import parse
    from search.sections import skeleton
    site = pipeline.check(config)
    docs = indexed_documents(published(site, "internal"), drafts=False)
    # As in a build: the render stage already parsed each body and kept its sections.
    skeletons = {doc.id: skeleton(parse(doc.body)) for doc in docs}
    rows: dict[str, dict[str, str]] = {}
    chosen = config.search.engine          # restored below: the build after this uses the site's
    for name in names:
        out = work / f"index-{name}"
        runs = []
        for _ in range(repeat):
            started = time.perf_counter()
            folder = stage.write_index(site, docs, out, name, skeletons)
            runs.append(time.perf_counter() - started)
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        config.search.engine = name
        with engine(name).open(folder, config) as index:
            texts = queries()
            cold = [timed(index.search, text) for text in texts]
            warm, warm_cpu = [], []
            for text in texts:
                cpu_before = time.process_time()
                warm.append(timed(index.search, text))
                warm_cpu.append((time.process_time() - cpu_before) * 1000)
        process = kc_search_times(kc_config(config, name, work), out)
        if name == "tantivy":
            SUMMARY["index build (tantivy)"] = f"{statistics.median(runs):.2f} s (median of {repeat})"
            SUMMARY["in-process query p95 (tantivy, first pass / warm)"] = \
                f"{percentile(cold, 0.95):.1f} / {percentile(warm, 0.95):.1f} ms (warm CPU {percentile(warm_cpu, 0.95):.1f})"
        rows[name] = {
            "index build (median of %d)" % repeat: f"{statistics.median(runs):.2f} s",
            "index size": f"{size / 1e6:.1f} MB",
            "query first pass: median / p95": f"{statistics.median(cold):.1f} / {percentile(cold, 0.95):.1f} ms",
            "query warm: median / p95": f"{statistics.median(warm):.1f} / {percentile(warm, 0.95):.1f} ms",
            "`kc search` process (index only): median": f"{statistics.median(process) * 1000:.0f} ms",
            "_index": statistics.median(runs),
        }
    config.search.engine = chosen
    print(f"{len(docs)} documents, internal audience, {len(queries())} queries")
    names = list(rows)
    print(f"{'':38}" + "".join(f"{n:>22}" for n in names))
    for label in (k for k in rows[names[0]] if not k.startswith("_")):
        print(f"{label:38}" + "".join(f"{rows[n][label]:>22}" for n in names))
    if "whoosh" in rows and "tantivy" in rows:
        print(f"index build ratio whoosh / tantivy: {rows['whoosh']['_index'] / rows['tantivy']['_index']:.1f}x")


def timed(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return (time.perf_counter() - started) * 1000


def kc_config(config, name: str, work: Path) -> Path:
    cfg = work / name / "site_config.yml"
    cfg.parent.mkdir(parents=True, exist_ok=True)
    cfg.write_text(f"title: Bench KC\nbase_url: https://kc.example.com/\n"
                   f"content_dir: {config.content_path}\nsearch: {{engine: {name}}}\n")
    return cfg


CPU_TIMES: list[float] = []      # CPU seconds (user + system) of the last kc_search_times runs


def kc_search_times(cfg: Path, out: Path, runs: int = 7) -> list[float]:
    """Seconds for `kc search QUERY` as a user runs it: a new Python process each time
    (the first run validates site_config.yml; the others read its cached settings).
    The processes' CPU times go to CPU_TIMES: on a shared machine the wall time also
    counts waiting for a core."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    found = []
    CPU_TIMES.clear()
    for text in ["harassment review", "how do I appeal a suspension", "harasment"] * runs:
        cpu_before = children_cpu()
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "generator.cli", "search", text, "--config", str(cfg),
                        "--out", str(out)], check=True, capture_output=True, env=env)
        found.append(time.perf_counter() - started)
        CPU_TIMES.append(children_cpu() - cpu_before)
    return found


def children_cpu() -> float:
    import resource
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bench_pagefind(config, out: Path, browser: bool) -> None:
    from generator.build import build
    started = time.perf_counter()
    build(config, out_dir=out, audience="internal")
    build_seconds = time.perf_counter() - started
    shutil.rmtree(out / pagefind.PAGEFIND_DIR)   # Pagefind leaves stale files of earlier runs
    started = time.perf_counter()
    searchable = [(page.parent.relative_to(out).as_posix() + "/", "") for page in out.rglob("index.html")
                  if b"data-pagefind-body" in page.read_bytes()]
    pagefind.run(out, searchable, None)   # always a real run: without a cache root nothing is reused
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
        SUMMARY["Pagefind bytes per query"] = f"{total / 1e3:.0f} kB in {files} files (headless Chromium)"
    else:
        estimate = estimated_bytes(bundle)
        print(f"pagefind: about {estimate / 1e3:.0f} kB of search data per query "
              f"(estimate from the bundle; no browser)")
        SUMMARY["Pagefind bytes per query"] = f"about {estimate / 1e3:.0f} kB (estimate, no browser)"
    # `kc search` as a user runs it, on the site this build made (site_config.yml's output).
    process = kc_search_times(config.root / "site_config.yml", out)
    first, rest = process[0], process[1:]
    cpu = statistics.median(CPU_TIMES[1:])
    print(f"`kc search` process on the built site: first run {first * 1000:.0f} ms (validates "
          f"site_config.yml), then median {statistics.median(rest) * 1000:.0f} ms, "
          f"p95 {percentile(rest, 0.95) * 1000:.0f} ms ({len(rest)} runs); CPU time median "
          f"{cpu * 1000:.0f} ms; `python -c pass` alone: {python_startup() * 1000:.0f} ms")
    SUMMARY["`kc search` process on the built site: median"] = \
        f"{statistics.median(rest) * 1000:.0f} ms (CPU {cpu * 1000:.0f} ms; first run {first * 1000:.0f} ms)"


def python_startup(runs: int = 11) -> float:
    """Median wall seconds of an empty Python process: the floor under any `kc` command."""
    found = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        found.append(time.perf_counter() - started)
    return statistics.median(found)


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
    from tests.test_search_relevance import CASES, CORPORA, evaluate, open_corpus
    for name in ENGINES:
        for corpus_name in CORPORA:
            with tempfile.TemporaryDirectory() as tmp, open_corpus(corpus_name, name, Path(tmp)) as index:
                found = evaluate(index, [c for c in CASES["queries"] if c["corpus"] == corpus_name])
            print(f"relevance ({name}, {corpus_name}, {found['count']} queries): hit@3 "
                  f"{found['hit@3']:.2f}, MRR {found['MRR']:.2f}, nDCG@5 {found['nDCG@5']:.2f}")


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
    parser.add_argument("--engines", default=",".join(ENGINES),
                        help="Engines to compare, comma-separated (default: all).")
    parser.add_argument("--skip-pagefind", action="store_true", help="Only the engines' figures.")
    parser.add_argument("--skip-engines", action="store_true", help="Only the Pagefind figures.")
    parser.add_argument("--repeat", type=int, default=3, help="Index builds per engine (median).")
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
    if not args.skip_engines:
        bench_engines(config, work, args.repeat, [n for n in args.engines.split(",") if n])
    if not args.skip_pagefind:
        bench_pagefind(config, work / "site", browser=not args.no_browser)
    print(f"\ntargets at {args.docs} documents (load average {' '.join(f'{v:.2f}' for v in os.getloadavg())}):")
    for target, goal in TARGETS.items():
        print(f"  {target:52} {SUMMARY.get(target, 'not measured'):42} target {goal}")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
