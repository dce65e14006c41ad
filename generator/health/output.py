"""`kc report` outputs: text for a terminal, JSON (stable shape), CSV (one finding per row)."""
from __future__ import annotations

import csv
import io
import json
from itertools import groupby

from rich.console import Console
from rich.text import Text

from .model import CATEGORIES, CATEGORY_TITLES, KIND_TITLES, KINDS, NO_OWNER, Health

CSV_COLUMNS = ("kind", "category", "severity", "owner", "ids", "message", "hint")
STYLES = {"warning": "bold yellow", "info": "bold cyan"}
GROUPED_BY_OWNER = {"review-overdue", "review-due", "outdated-citation"}


def to_json(health: Health) -> str:
    return json.dumps(health.to_dict(), indent=2, ensure_ascii=False)


def to_csv(health: Health) -> str:
    """One finding per row; ids joined with spaces. Excel opens it as is (UTF-8 BOM)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for f in health.findings:
        writer.writerow([f.kind, f.category, f.severity, f.owner or "", " ".join(f.ids), f.message, f.hint])
    return out.getvalue()


def print_text(health: Health, console: Console) -> None:
    say = lambda *a, **k: console.print(*a, highlight=False, soft_wrap=True, markup=False, **k)  # noqa: E731
    by_category = {c: [f for f in health.findings if f.category == c] for c in CATEGORIES}
    for category in CATEGORIES:
        findings = by_category[category]
        say(Text(f"{CATEGORY_TITLES[category]} ({len(findings)})", style="bold underline"))
        if not findings:
            say("  nothing found")
        for kind, in_kind in groupby(findings, key=lambda f: f.kind):
            in_kind = list(in_kind)
            say(Text(f"  {KIND_TITLES[kind]} [{kind}] ({len(in_kind)})", style="bold"))
            if kind in GROUPED_BY_OWNER:
                for owner, of_owner in groupby(sorted(in_kind, key=lambda f: f.owner or ""),
                                               key=lambda f: f.owner or NO_OWNER):
                    say(f"    {health.teams.get(owner, owner)} ({owner}):")
                    for finding in of_owner:
                        print_finding(say, finding, "      ", with_owner=False)
            else:
                for finding in in_kind:
                    print_finding(say, finding, "    ")
        say("")
    summary = health.summary()
    counts = ", ".join(f"{summary['by_category'].get(c, 0)} {CATEGORY_TITLES[c].lower()}" for c in CATEGORIES)
    skipped = (f"; {health.skipped} invalid document{'s' * (health.skipped != 1)} left out (run kc check)"
               if health.skipped else "")
    say(f"{len(health.findings)} finding{'s' * (len(health.findings) != 1)} in {health.documents} "
        f"documents ({counts}){skipped}")


def print_finding(say, finding, indent: str, with_owner: bool = True) -> None:
    line = Text(indent)
    line.append(finding.severity, style=STYLES[finding.severity])
    owner = f" [{finding.owner}]" if with_owner and finding.owner else ""
    line.append(f"{owner} {finding.message}")
    say(line)
    say(Text(f"{indent}  do: {finding.hint}", style="dim"))


def kind_matches(selector: str, kind: str) -> bool:
    """--fail-on accepts a kind, a category (coverage, staleness, inconsistency, orphan) or `any`."""
    return selector in ("any", kind, KINDS[kind][0])


FAIL_ON_CHOICES = ("any", *CATEGORIES, *KINDS)
