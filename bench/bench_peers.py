"""kc next to its peers on the same generated corpus, in one run: Hugo (Debian's `hugo`,
a converted copy of the corpus with minimal layouts) and Material for MkDocs (the corpus
exported with `kc export mkdocs`, built with `mkdocs build`), plus kc's rebuilds.

    python bench/bench_peers.py --docs 1000 3000 10000 [--runs 3] [--no-mkdocs] [--jobs N]

For each size: cold builds (kc: no .kc/ and no site; Hugo: no public/ and no resources/;
MkDocs: no site/), then kc's rebuilds on the built site: no-op, one document's body
edited, a much-cited policy retitled, a template edited. Then the floor of an edit:
Pagefind alone over kc's searchable pages (it has no incremental mode), and Hugo followed
by Pagefind, the peer that makes an in-browser search index as kc does. Every figure is
the median of --runs runs of the whole process (what a user waits for), with its peak RSS
and the output size; ratios are kc / peer. Each run starts once the old copies kc deletes
in the background are gone.

The work folder is the system's temporary folder; TMPDIR=/dev/shm puts it in memory. On a
file system without a journal (some cloud VMs' root disks), ext4 skips inodes deleted in
the last minute when it creates files, so creating a site right after deleting one is up
to 10 s slower at 10,000 documents (measured: kc cold 34-39 s there, 26-27 s in /dev/shm);
the tool that writes more files (kc writes a search index and a Pagefind bundle) pays more. Needs `hugo` on PATH and mkdocs-material installed
(the `bench` extra: pip install -e '.[bench]'); a missing peer is reported, not faked.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from corpus import generate  # noqa: E402

KC = [sys.executable, "-m", "generator.cli"]
ENV = dict(os.environ, PYTHONPATH=str(HERE.parent))
HUGO_LAYOUTS = {
    "_default/baseof.html": ('<!doctype html><html lang="en"><head><meta charset="utf-8">'
                             "<title>{{ .Title }}</title></head><body><nav>{{ range .Site.Sections }}"
                             '<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav>'
                             "<main>{{ block \"main\" . }}{{ end }}</main></body></html>"),
    "_default/single.html": ('{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}'
                             "<p>{{ range .Params.tags }}<a href=\"/tags/{{ . | urlize }}/\">{{ . }}</a> "
                             "{{ end }}</p>{{ end }}"),
    "_default/list.html": ('{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}'
                           '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}'),
}


def run(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall time (s) and peak RSS (MB) of one process; fails loudly if it fails."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)} in {cwd}:\n{process.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_maxrss // 1024


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def settle(work: Path, limit: float = 120) -> None:
    """Wait for the old copies kc deletes in the background (the last site, pruned cache
    entries) to be gone, so one run's cleanup never slows the next run, kc's or a peer's."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if not any(path.name.startswith(".") and (".old-" in path.name or ".tmp-" in path.name)
                   for path in work.rglob(".*")):
            return
        time.sleep(0.2)


def median_run(command, cwd, runs: int, before=None) -> tuple[float, int]:
    times, peaks = [], []
    for _ in range(runs):
        if before:
            before()
        settle(cwd)
        elapsed, peak = run(command, cwd)
        times.append(elapsed)
        peaks.append(peak)
    return statistics.median(times), max(peaks)


# --- corpus conversions -----------------------------------------------------------------
REF = re.compile(r"\[\[([a-z0-9-]+)(?:#([a-z0-9-]+))?(?:\|([^\]]+))?\]\]")
SECTION = {"policy": "policies", "playbook": "playbooks", "training": "training",
           "newsletter": "newsletters", "faq": "faqs"}


def to_hugo(kc_site: Path, hugo_site: Path) -> None:
    """The corpus as a Hugo site: title, tags and body; [[id]] references as links."""
    (hugo_site / "content").mkdir(parents=True)
    (hugo_site / "hugo.toml").write_text('baseURL = "https://kc.example.com/"\ntitle = "Bench KC"\n'
                                         "disableKinds = ['RSS']\n[taxonomies]\ntag = 'tags'\n")
    for name, text in HUGO_LAYOUTS.items():
        (hugo_site / "layouts" / name).parent.mkdir(parents=True, exist_ok=True)
        (hugo_site / "layouts" / name).write_text(text)
    for path in sorted((kc_site / "content").rglob("*.md")):
        _, front, body = path.read_text().split("---\n", 2)
        title = re.search(r"(?m)^title: (.*)$", front).group(1)
        tags = re.search(r"(?m)^tags: \[(.*)\]$", front)
        doc_type = path.stem.rsplit("-", 1)[0]
        body = REF.sub(lambda m: f"[{m.group(3) or m.group(1)}](/{SECTION[m.group(1).rsplit('-', 1)[0]]}/"
                                 f"{m.group(1)}/{'#' + m.group(2) if m.group(2) else ''})", body)
        out = hugo_site / "content" / SECTION[doc_type] / f"{path.stem}.md"
        out.parent.mkdir(exist_ok=True)
        out.write_text(f"---\ntitle: \"{title}\"\ntags: [{tags.group(1) if tags else ''}]\n---\n{body}")


def pagefind_command(site: Path, output: Path, pages_glob: str | None = None) -> list[str]:
    """Pagefind as kc runs it (search/pagefind.py): the same binary, options and glob."""
    from search.pagefind import OPTIONS
    return [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(output),
            *OPTIONS, *(["--glob", pages_glob] if pages_glob else [])]


def searchable_glob(site: Path) -> str | None:
    """kc's --glob for the pages of this built site that Pagefind indexes."""
    from search.pagefind import glob
    urls = [page.parent.relative_to(site).as_posix() + "/" for page in site.rglob("index.html")
            if b"data-pagefind-body" in page.read_bytes()]
    return glob(urls)


def mkdocs_available() -> bool:
    return subprocess.run([sys.executable, "-c", "import mkdocs, material"], capture_output=True).returncode == 0


# --- one size ---------------------------------------------------------------------------
def bench_size(docs: int, runs: int, use_mkdocs: bool, jobs: list[str]) -> dict[str, tuple]:
    work = Path(tempfile.mkdtemp(prefix=f"kc-peers-{docs}-"))
    try:
        kc_site = work / "kc"
        generate(kc_site, docs)
        figures = {}

        def clean_kc():
            shutil.rmtree(kc_site / "site", ignore_errors=True)
            shutil.rmtree(kc_site / ".kc", ignore_errors=True)
        figures["kc cold"] = (*median_run(KC + ["build", *jobs], kc_site, runs, clean_kc),
                              size_mb(kc_site / "site"))
        figures["kc no-op"] = (*median_run(KC + ["build", *jobs], kc_site, runs), None)
        body_doc = sorted((kc_site / "content" / "faqs").glob("*.md"))[1]
        counter = iter(range(1_000_000))

        def edit_body():
            with open(body_doc, "a") as stream:
                stream.write(f"\nEdited paragraph {next(counter)}.\n")
        figures["kc edit one body"] = (*median_run(KC + ["build", *jobs], kc_site, runs, edit_body), None)
        cited = kc_site / "content" / "policies" / "policy-00000.md"

        def retitle():
            text = cited.read_text()
            cited.write_text(re.sub(r"(?m)^title: .*$", f"title: Retitled policy {next(counter)}", text, count=1))
        figures["kc retitle cited policy"] = (*median_run(KC + ["build", *jobs], kc_site, runs, retitle), None)
        theme = kc_site / "themes" / "custom"
        if not theme.exists():
            shutil.copytree(HERE.parent / "themes" / "default", theme)
            config = kc_site / "site_config.yml"
            config.write_text(config.read_text() + "theme: custom\n")
            run(KC + ["build", *jobs], kc_site)

        def edit_template():
            base = theme / "base.html"
            base.write_text(base.read_text() + f"\n{{# edit {next(counter)} #}}\n")
        figures["kc template edit"] = (*median_run(KC + ["build", *jobs], kc_site, runs, edit_template), None)

        pagefind_out = work / "pagefind-alone"
        figures["Pagefind alone, kc's pages"] = (
            *median_run(pagefind_command(kc_site / "site", pagefind_out, searchable_glob(kc_site / "site")),
                        work, runs, lambda: shutil.rmtree(pagefind_out, ignore_errors=True)),
            size_mb(pagefind_out))
        if shutil.which("hugo"):
            hugo_site = work / "hugo"
            to_hugo(kc_site, hugo_site)

            def clean_hugo():
                shutil.rmtree(hugo_site / "public", ignore_errors=True)
                shutil.rmtree(hugo_site / "resources", ignore_errors=True)
            figures["Hugo cold"] = (*median_run(["hugo", "--quiet"], hugo_site, runs, clean_hugo),
                                    size_mb(hugo_site / "public"))
            hugo_and_pagefind = " && ".join([
                "hugo --quiet", " ".join(pagefind_command(Path("public"), Path("public/pagefind")))])
            figures["Hugo + Pagefind cold"] = (
                *median_run(["sh", "-c", hugo_and_pagefind], hugo_site, runs, clean_hugo),
                size_mb(hugo_site / "public"))
        if use_mkdocs and mkdocs_available():
            mk_site = work / "mkdocs"
            run(KC + ["export", "mkdocs", "--out", str(mk_site), "--config", str(kc_site / "site_config.yml")],
                kc_site)
            figures["MkDocs-Material cold"] = (
                *median_run([sys.executable, "-m", "mkdocs", "build", "--quiet"], mk_site, runs,
                            lambda: shutil.rmtree(mk_site / "site", ignore_errors=True)),
                size_mb(mk_site / "site"))
        return figures
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, nargs="+", default=[1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-mkdocs", action="store_true", help="skip MkDocs (slow at 10,000)")
    parser.add_argument("--jobs", type=int, help="pass --jobs N to kc build")
    args = parser.parse_args()
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    results = {docs: bench_size(docs, args.runs, not args.no_mkdocs, jobs) for docs in args.docs}
    print(f"\nmedian of {args.runs} runs, whole process; peak RSS; output size; {os.cpu_count()} cores\n")
    print(f"| {'build':<26} | " + " | ".join(f"{d:>7,} docs" for d in args.docs) + " |")
    print(f"|{'-' * 28}|" + "|".join("-" * 14 for _ in args.docs) + "|")
    names = list(dict.fromkeys(name for figures in results.values() for name in figures))
    for name in names:
        cells = []
        for docs in args.docs:
            figure = results[docs].get(name)
            cells.append(f"{figure[0]:>7.2f} s" + (f" {figure[1]:>4}MB" if figure else "") if figure else f"{'-':>13}")
        print(f"| {name:<26} | " + " | ".join(f"{c:>12}" for c in cells) + " |")
    print()
    for docs in args.docs:
        figures = results[docs]
        cold = figures["kc cold"][0]
        line = [f"{docs:,} docs: kc cold {cold:.2f} s, output {figures['kc cold'][2]:.0f} MB"]
        for peer in ("Hugo cold", "Hugo + Pagefind cold", "MkDocs-Material cold"):
            if peer in figures:
                name = peer.removesuffix(" cold")
                line.append(f"kc/{name} = {cold / figures[peer][0]:.1f}x "
                            f"({name} {figures[peer][0]:.2f} s, {figures[peer][2]:.0f} MB)")
        print("; ".join(line))
    if len(args.docs) > 1:
        low, high = min(args.docs), max(args.docs)
        growth = results[high]["kc cold"][0] / results[low]["kc cold"][0]
        print(f"kc cold growth {high:,}/{low:,} docs = {growth:.1f}x for {high / low:.0f}x the documents")


if __name__ == "__main__":
    main()
