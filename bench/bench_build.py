"""Benchmark `kc build` on a generated corpus, and show that page size does not grow
with the corpus (the nav is bounded).

    python bench/bench_build.py                 # 1,000 documents, plus the 100-vs-1,000 comparison
    python bench/bench_build.py --docs 5000
    python bench/bench_build.py --mkdocs /tmp/mkvenv/bin/mkdocs   # also time mkdocs-material

The corpus mixes all five types with front matter, tags, regions, cross-references,
tables, admonitions and quizzes. Times are the median of --runs full builds
(check + render + write + search index + feeds).
"""
from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator import load_config  # noqa: E402
from generator.build import build  # noqa: E402
from generator.errors import BuildFailed  # noqa: E402

TYPES = [("policies", 0.25), ("playbooks", 0.15), ("training", 0.15), ("faqs", 0.35), ("newsletters", 0.10)]
TEAMS = ["policy", "escalations", "integrity", "support", "training"]
TAGS = [f"topic-{i}" for i in range(40)]
REGIONS = ["global", "eu", "uk", "us", "apac", "latam"]
BODY = """
## Summary

{sentence} See [[{ref}]] for related guidance.

## Details

{sentence}

- **Point one:** {sentence}
- **Point two:** {sentence}

!!! warning "Watch out"
    {sentence}

| Tier | Action |
|------|--------|
| 1 | Remove |
| 2 | Remove and strike |

## Steps

1. Triage the report.
2. Apply [[{ref}#summary]].
3. Close the ticket.
"""
WORDS = ("report review account content policy harm user abuse safety appeal strike remove "
         "escalate context signal region team evidence severity").split()


def sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(14, 30))).capitalize() + "."


def front_matter(kind: str, i: int, rng: random.Random, policies: list[str], trainings: list[str]) -> str:
    day = date(2026, 1, 1) + timedelta(days=i % 300)
    tags = rng.sample(TAGS, 3)
    lines = [f"id: {kind[:-1] if kind != 'training' else 'training'}-{i:05d}", f"title: \"{kind.title()} {i}\"",
             "audience: public" if kind == "policies" else "audience: internal",
             f"tags: [{', '.join(tags)}]", f"regions: [{rng.choice(REGIONS)}]", f"updated: {day}",
             f"review_by: {day + timedelta(days=365)}", f"summary: \"{sentence(rng)}\""]
    if kind == "policies":
        lines += ["owner: policy", "version: \"1.0\"", f"effective: {day}",
                  "changelog:", f"  - version: \"1.0\"\n    date: {day}\n    summary: First version."]
    elif kind == "playbooks":
        lines += ["owner: escalations", f"policies: [{rng.choice(policies)}]", "severity: sev2",
                  "escalate_to: [escalations, integrity]", "response_time: 4h"]
    elif kind == "training":
        prereq = f"prerequisites: [{trainings[-1]}]" if trainings and rng.random() < 0.5 else ""
        lines += ["owner: training", f"policies: [{rng.choice(policies)}]", "duration_minutes: 30",
                  "objectives: [\"Apply the policy\"]", prereq,
                  "quiz:\n  - question: \"Remove?\"\n    choices: [\"Yes\", \"No\"]\n    answer: 0"]
    elif kind == "faqs":
        lines += [f"policies: [{rng.choice(policies)}]"]
    else:
        lines += [f"date: {day}", f"highlights: [{rng.choice(policies)}]"]
    return "---\n" + "\n".join(line for line in lines if line) + "\n---\n"


def generate(root: Path, count: int, seed: int = 7) -> Path:
    """Write a site with `count` documents; returns its site_config.yml."""
    rng = random.Random(seed)
    content = root / "content"
    for folder, _share in TYPES:
        (content / folder).mkdir(parents=True, exist_ok=True)
    (content / "teams.yml").write_text("".join(f"{t}:\n  name: \"{t.title()} team\"\n  contact: \"{t}@example.com\"\n"
                                               for t in TEAMS))
    n_policies = max(1, int(count * TYPES[0][1]))
    policies = [f"policie-{i:05d}" for i in range(n_policies)]
    trainings: list[str] = []
    index = 0
    for folder, share in TYPES:
        n = n_policies if folder == "policies" else max(1, int(count * share))
        for _ in range(n):
            fm = front_matter(folder, index, rng, policies, trainings)
            doc_id = fm.split("id: ")[1].split("\n")[0]
            if folder == "training":
                trainings.append(doc_id)
            body = BODY.format(sentence=sentence(rng), ref=rng.choice(policies))
            (content / folder / f"{doc_id}.md").write_text(fm + body)
            index += 1
    (root / "site_config.yml").write_text("title: Bench KC\nbase_url: https://kc.example.com/\n")
    return root / "site_config.yml"


def html_stats(out: Path) -> tuple[int, int, int, float]:
    """(pages, HTML bytes, all bytes, average size of a document page)."""
    pages = list(out.rglob("*.html"))
    html_bytes = sum(p.stat().st_size for p in pages)
    total = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    doc_pages = [p for p in pages if len(p.relative_to(out).parts) == 3
                 and p.relative_to(out).parts[0] in ("policies", "playbooks", "training", "faqs", "newsletters")]
    doc_avg = sum(p.stat().st_size for p in doc_pages) / max(1, len(doc_pages))
    return len(pages), html_bytes, total, doc_avg


def bench_kc(count: int, runs: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="kc-bench-") as tmp:
        config_path = generate(Path(tmp), count)
        config = load_config(config_path)
        times = []
        for _ in range(runs):  # cold: no outline or Pagefind cache, as a first build
            shutil.rmtree(Path(tmp) / ".kc", ignore_errors=True)
            times.append(timed_build(config, Path(tmp) / "site").seconds)
        result = timed_build(config, Path(tmp) / "site")  # warm: same input, caches kept
        pages, html_bytes, total, doc_avg = html_stats(Path(tmp) / "site")
    return {"docs": result.documents, "doc_avg": doc_avg, "pages": pages, "seconds": statistics.median(times),
            "warm_seconds": result.seconds,
            "html_bytes": html_bytes, "total_bytes": total, "avg_page": html_bytes / pages}


def timed_build(config, out: Path):
    try:
        return build(config, out_dir=out, audience="internal")
    except BuildFailed as failed:
        sys.exit("generated corpus has errors: " + "; ".join(d.message for d in failed.diagnostics))


def bench_mkdocs(mkdocs: str, count: int, runs: int) -> dict:
    """The same Markdown bodies as an mkdocs-material site (front matter kept as page meta)."""
    with tempfile.TemporaryDirectory(prefix="mkdocs-bench-") as tmp:
        generate(Path(tmp) / "gen", count)
        docs = Path(tmp) / "docs"
        shutil.copytree(Path(tmp) / "gen" / "content", docs, ignore=shutil.ignore_patterns("*.yml"))
        (docs / "index.md").write_text("# Bench\n")
        (Path(tmp) / "mkdocs.yml").write_text(
            "site_name: Bench\ntheme:\n  name: material\n  features: [navigation.sections]\n"
            "markdown_extensions: [admonition, tables, footnotes, def_list, toc]\nplugins: [search]\n")
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run([mkdocs, "build", "-q", "-f", str(Path(tmp) / "mkdocs.yml"), "-d", str(Path(tmp) / "site")],
                           check=True, capture_output=True)
            times.append(time.perf_counter() - started)
        pages, html_bytes, total, doc_avg = html_stats(Path(tmp) / "site")
    return {"docs": count, "doc_avg": doc_avg, "pages": pages, "seconds": statistics.median(times), "html_bytes": html_bytes,
            "total_bytes": total, "avg_page": html_bytes / pages}


def show(name: str, r: dict) -> None:
    warm = f" (warm rebuild {r['warm_seconds']:.2f} s)" if "warm_seconds" in r else ""
    print(f"{name:>16}: {r['docs']:>5} docs, {r['pages']:>5} pages, {r['seconds']:6.2f} s (median){warm}, "
          f"{r['total_bytes'] / 1e6:7.1f} MB total, HTML {r['html_bytes'] / 1e6:6.1f} MB, "
          f"avg page {r['avg_page'] / 1024:6.1f} KiB, avg document page {r['doc_avg'] / 1024:6.1f} KiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=1000, help="documents to generate (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="builds to time; the median is shown")
    parser.add_argument("--mkdocs", metavar="PATH", help="an mkdocs executable with mkdocs-material installed")
    args = parser.parse_args()
    small = bench_kc(max(1, args.docs // 10), args.runs)
    large = bench_kc(args.docs, args.runs)
    show("kc", small)
    show("kc", large)
    print(f"kc: avg page size grows {large['avg_page'] / small['avg_page']:.2f}x, avg document page "
          f"{large['doc_avg'] / small['doc_avg']:.2f}x, for {large['docs'] / small['docs']:.0f}x the documents")
    if args.mkdocs:
        m_small = bench_mkdocs(args.mkdocs, max(1, args.docs // 10), args.runs)
        m_large = bench_mkdocs(args.mkdocs, args.docs, args.runs)
        show("mkdocs-material", m_small)
        show("mkdocs-material", m_large)
        print(f"mkdocs-material: avg page size grows {m_large['avg_page'] / m_small['avg_page']:.2f}x")


if __name__ == "__main__":
    main()
