"""Live preview: time from saving a file to the open page showing the change.

    python bench/bench_preview.py [--docs 1000 10000] [--saves 5] [--no-browser]

For each corpus size (bench/corpus.py), starts `kc serve` in-process, then saves one
FAQ several times and measures, per save, the seconds until
  - signal: the server-sent event announcing the rebuilt site reaches a client, and
  - page:   headless Chromium (Debian's) shows the saved text in the open page
            (the event, the reload and the page load included), and
  - search: the preview reports its search index up to date (it is updated after the
            reload, once no other save is waiting).
Each save is made with the preview idle. Prints medians and the issue's targets
(1 s at 1,000 documents, 2 s at 10,000).
"""
from __future__ import annotations

import argparse
import http.client
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from rich.console import Console

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.corpus import generate  # noqa: E402
from generator.preview.command import serve  # noqa: E402

TARGETS = {1000: 1.0, 10000: 2.0}


def start(root: Path):
    ready, stop = threading.Event(), threading.Event()
    thread = threading.Thread(target=serve, daemon=True, args=(
        str(root / "site_config.yml"), 0, None, "internal", True,
        Console(file=open("/dev/null", "w")), ready, stop))
    started = time.perf_counter()
    thread.start()
    ready.wait(600)
    return ready.port, stop, thread, time.perf_counter() - started


def events(port: int):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    conn.request("GET", "/__kc/events")
    response = conn.getresponse()
    while True:
        line = response.readline().decode()
        if line.startswith("data: "):
            yield json.loads(line[6:])


def chromium():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)


def shows(browser, text: str) -> bool:
    """The open page shows text (False while it is reloading)."""
    from selenium.common.exceptions import WebDriverException
    try:
        return text in browser.find_element("tag name", "main").text
    except WebDriverException:
        return False


def measure(docs: int, saves: int, browser) -> dict:
    with tempfile.TemporaryDirectory(prefix="kc-bench-preview-", ignore_cleanup_errors=True) as tmp:
        root = generate(Path(tmp) / "site", docs).parent
        faq = sorted((root / "content" / "faqs").glob("*.md"))[0]
        original = faq.read_text(encoding="utf-8")
        port, stop, thread, startup = start(root)
        url = f"http://127.0.0.1:{port}/faqs/{faq.stem}/"
        stream = events(port)
        generation = next(stream)["generation"]
        if browser:
            browser.get(url)
        signal_times, page_times, search_times = [], [], []
        for n in range(saves):
            marker = f"Benchmark edit {n} {time.time_ns()}."
            saved = time.perf_counter()
            faq.write_text(original + f"\n{marker}\n", encoding="utf-8")
            for state in stream:
                if state["generation"] > generation:
                    generation = state["generation"]
                    signal_times.append(time.perf_counter() - saved)
                    break
            if browser:
                while not shows(browser, marker):
                    time.sleep(0.01)
                page_times.append(time.perf_counter() - saved)
            if state.get("searching"):
                for state in stream:
                    if not state.get("searching"):
                        break
            search_times.append(time.perf_counter() - saved)
            time.sleep(0.3)
        stop.set()
        thread.join(600)   # a rebuild in progress finishes first
    return {"docs": docs, "startup": startup, "signal": statistics.median(signal_times),
            "page": statistics.median(page_times) if page_times else None,
            "search": statistics.median(search_times)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--saves", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    browser = None if args.no_browser else chromium()
    rows = []
    try:
        for docs in args.docs:
            rows.append(measure(docs, args.saves, browser))
            print(f"measured {docs} documents: {rows[-1]}", flush=True)
    finally:
        if browser:
            browser.quit()
    print(f"{'documents':>10} {'first build s':>14} {'save->signal s':>15} {'save->page s':>13} "
          f"{'target s':>9} {'page/target':>12} {'save->search s':>15}")
    for row in rows:
        target = TARGETS.get(row["docs"])
        page = row["page"]
        ratio = f"{page / target:.2f}" if page and target else "-"
        print(f"{row['docs']:>10} {row['startup']:>14.2f} {row['signal']:>15.2f} "
              f"{page if page is not None else float('nan'):>13.2f} "
              f"{target if target else float('nan'):>9.1f} {ratio:>12} {row['search']:>15.2f}")
    print(f"(medians of {args.saves} saves, each with the preview idle)")


if __name__ == "__main__":
    main()
