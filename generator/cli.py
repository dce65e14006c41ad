"""The `kc` command line. Exit codes: 0 clean, 1 content errors, 2 usage/config errors."""
from __future__ import annotations

import sys

import click
from rich.console import Console

from . import report
from .content_names import CONTENT_TYPES, DEFAULT_CONFIG
from .errors import KcError

CONFIG_OPTION = click.option("--config", "config_path", default=DEFAULT_CONFIG, show_default=True,
                             type=click.Path(dir_okay=False), help="The site's site_config.yml.")


def load_config(path):
    """generator.config.load_config, imported on first use (the pydantic models take a
    tenth of a second to build; `kc search` usually does without them)."""
    from .config import load_config as load
    return load(path)


def run_check(*args, **kwargs):
    """The check pipeline (load, validate, link), imported on first use: commands that do
    not need it (`kc search` above all) start without loading it."""
    from .pipeline import check
    return check(*args, **kwargs)


def console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False)


def fail(error: KcError, code: int = 2) -> None:
    console(stderr=True).print(f"kc: error: {error}", markup=False, highlight=False, soft_wrap=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kc")
def main() -> None:
    """kc: build and check the Safety Knowledge Center."""


@main.command()
@CONFIG_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif"]), default="text",
              show_default=True, help="Output format for the diagnostics.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
def check(config_path: str, fmt: str, strict: bool) -> None:
    """Validate every document and cross-reference; report all problems at once."""
    try:
        site = run_check(load_config(config_path))
    except KcError as error:
        fail(error)
    diags, count = site.diagnostics, len(site.documents)
    if fmt == "json":
        click.echo(report.to_json(diags, count))
    elif fmt == "sarif":
        click.echo(report.to_sarif(diags))
    else:
        report.print_text(diags, count, console(), report.not_built_note(site.documents))
    if diags.has_errors() or (strict and diags.warning_count):
        sys.exit(1)


# --- build / serve ----------------------------------------------------------------------
@main.command()
@CONFIG_OPTION
@click.option("--out", "out_dir", type=click.Path(file_okay=False),
              help="Output folder [default: output_dir in site_config.yml, i.e. site/].")
@click.option("--audience", type=click.Choice(["public", "internal", "restricted"]),
              default="internal", show_default=True, help="Build only what this audience may see.")
@click.option("--drafts", is_flag=True, help="Also build draft documents (with a Draft banner).")
@click.option("--clean", is_flag=True,
              help="Render every page again, ignoring what the last build recorded in .kc/.")
@click.option("--jobs", type=click.IntRange(min=1), metavar="N",
              help="Render pages in N processes [default: one per CPU core; small sites use one].")
def build(config_path: str, out_dir: str | None, audience: str, drafts: bool, clean: bool,
          jobs: int | None) -> None:
    """Check the content, then write the static site (atomically) to the output folder.

    Only pages whose content changed since the last build are rendered again."""
    from pathlib import Path

    from .errors import BuildFailed
    from .incremental import up_to_date
    try:
        config = load_config(config_path)
        # nothing changed is decided before the pipeline is imported (a third of a no-op)
        inputs = up_to_date.read_inputs(config, up_to_date.output_folder(config, out_dir), audience, drafts)
        result = None if clean else up_to_date.result_if_unchanged(inputs, audience, background_cleanup=True)
        if result is None:
            from .build import build as build_site
            with build_progress() as progress:
                result = build_site(config, out_dir=out_dir, audience=audience, drafts=drafts,
                                    progress=progress, incremental=not clean, jobs=jobs,
                                    background_cleanup=True, inputs=inputs)
    except BuildFailed as failed:
        report.print_text(failed.diagnostics, getattr(failed, "documents", 0), console())
        target = Path(out_dir) if out_dir else config.output_path
        kept = f" ({display_path(target)} still holds the previous build)" if target.is_dir() else ""
        console().print(f"The site was not updated: fix the errors above, then run kc build "
                        f"again{kept}.", markup=False, highlight=False, soft_wrap=True)
        sys.exit(1)
    except KcError as error:
        fail(error)
    if result.diagnostics is not None and result.warnings:
        report.print_diagnostics(result.diagnostics, console())
    warnings = f"{result.warnings} warning{'s' * (result.warnings != 1)}"
    note = result.note
    if result.up_to_date:
        done = (f"Nothing changed since the last build: {display_path(result.out_dir)} is up to date "
                f"({result.pages} pages, {result.documents} documents, audience {result.audience}; "
                f"checked in {result.seconds:.2f} s; {warnings})")
    else:
        reused = result.pages - result.rendered
        done = (f"Built {result.pages} pages ({result.documents} documents) for audience "
                f"{result.audience} in {result.seconds:.2f} s → {display_path(result.out_dir)} "
                f"({warnings}{f'; {reused} unchanged pages reused' if reused else ''})")
    console().print(f"{done}{'; ' + note if note else ''}", markup=False, highlight=False,
                    soft_wrap=True)
    if result.interrupted:
        console(stderr=True).print("Interrupted while the new site was being put in place; the swap "
                                   "completed, so the site above is whole and current.")


def build_progress():
    """A rich progress bar on a terminal (stderr), nothing otherwise; yields progress(done, total)."""
    from contextlib import contextmanager, nullcontext

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    err = console(stderr=True)
    if not err.is_terminal:
        return nullcontext(None)

    @contextmanager
    def bar():
        with Progress(TextColumn("Rendering"), BarColumn(), MofNCompleteColumn(), console=err,
                      transient=True) as progress:
            task = progress.add_task("pages", total=None)
            yield lambda done, total: progress.update(task, completed=done, total=total)
    return bar()


def display_path(path) -> str:
    from pathlib import Path
    try:
        return str(Path(path).relative_to(Path.cwd())) + "/"
    except ValueError:
        return str(path)


@main.command()
@CONFIG_OPTION
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--out", "out_dir", type=click.Path(file_okay=False),
              help="Folder for the preview build [default: .kc/preview].")
@click.option("--audience", type=click.Choice(["public", "internal", "restricted"]),
              default="internal", show_default=True, help="Preview what this audience will see.")
@click.option("--drafts/--no-drafts", default=True, show_default=True,
              help="Show draft documents (with a Draft banner).")
def serve(config_path: str, port: int, out_dir: str | None, audience: str, drafts: bool) -> None:
    """Live preview on 127.0.0.1: rebuild on every save, reload open pages, show errors
    in the page (Ctrl-C to stop)."""
    from .preview.command import serve as serve_preview
    try:
        serve_preview(config_path, port, out_dir, audience, drafts, console())
    except KcError as error:
        fail(error)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False))
def init(directory: str) -> None:
    """Create a new knowledge center in DIRECTORY: settings, a team, one example of each type."""
    from pathlib import Path

    from .init import init_site
    try:
        written = init_site(Path(directory))
    except KcError as error:
        fail(error)
    console().print(f"Created a knowledge center in {directory} ({len(written)} files). Next:\n"
                    f"  cd {directory}\n  kc check\n  kc serve", markup=False, highlight=False)


@main.command(name="new")
@CONFIG_OPTION
@click.argument("doc_type", metavar="TYPE", type=click.Choice(CONTENT_TYPES))
@click.argument("title")
@click.option("--id", "doc_id", metavar="ID", help="The document id and file name [default: from the title].")
def new_document(config_path: str, doc_type: str, title: str, doc_id: str | None) -> None:
    """Start a new document of TYPE titled TITLE in its content folder (never overwrites)."""
    from .new_document import create
    try:
        made = create(load_config(config_path), doc_type, title, doc_id)
    except KcError as error:
        fail(error)
    console().print(f"Created {display_path(made.path).rstrip('/')}", markup=False, highlight=False)
    for placeholder in made.placeholders:
        console().print(f"  to do: {placeholder}", markup=False, highlight=False, soft_wrap=True)


@main.command()
@CONFIG_OPTION
@click.option("--since", metavar="DATE", help="First day of the period (YYYY-MM-DD), included.")
@click.option("--until", metavar="DATE", help="Last day of the period, included [default: today].")
@click.option("--period", type=click.Choice(["week", "month"]),
              help="The last 7 or 30 days, ending today.")
@click.option("--since-last", is_flag=True, help="Since the previous published newsletter.")
@click.option("--audience", metavar="AUDIENCE",
              help="public, internal or restricted [default: digest.audience in site_config.yml].")
@click.option("--segment", metavar="[tag:|region:]NAME",
              help="Only documents with this tag or region.")
@click.option("--format", "fmt", type=click.Choice(["html", "text", "md", "json"]),
              default="text", show_default=True, help="Output format.")
@click.option("--out", type=click.Path(dir_okay=False), help="Write to FILE instead of stdout.")
@click.option("--today", "today_text", hidden=True, help="Pretend today is DATE (for tests).")
def digest(config_path, since, until, period, since_last, audience, segment, fmt, out,
           today_text) -> None:
    """Compile a digest of what changed in a period: newsletters, policy changes,
    playbooks, training, FAQs and reviews due. See docs/digest.md."""
    from datetime import date

    from .digest.command import DigestRequest, make_digest, render, write_output
    from .digest.period import parse_date
    try:
        config = load_config(config_path)
        today = parse_date("--today", today_text) or date.today()
        site = run_check(config, today=today)
        if site.diagnostics.has_errors():
            report.print_text(site.diagnostics, len(site.documents), console(stderr=True))
            sys.exit(1)
        request = DigestRequest(today=today, since=since, until=until, period=period,
                                since_last=since_last, audience=audience, segment=segment)
        write_output(render(make_digest(site, request), config, fmt), out)
    except KcError as error:
        fail(error)


@main.command()
@CONFIG_OPTION
@click.argument("query")
@click.option("--type", "doc_type", metavar="TYPE",
              help=f"Only results of this type ({', '.join(CONTENT_TYPES)}, team).")
@click.option("--tag", "tags", multiple=True, metavar="TAG", help="Only documents with this tag (repeatable).")
@click.option("--region", "regions", multiple=True, metavar="REGION",
              help="Only documents for this region or global ones (repeatable).")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 100),
              help="Most results to show.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts and chat bots.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False),
              help="Search the build made with `kc build --out DIR`.")
@click.option("--explain", is_flag=True, help="Show each result's score and why it ranked.")
def search(config_path, query, doc_type, tags, regions, limit, as_json, out_dir, explain) -> None:
    """Search the index written by the last `kc build` (see docs/search.md for the syntax)."""
    from search.present import print_outcome, to_json
    from search.query import SearchIndex
    from search.settings import search_config
    try:
        with SearchIndex.for_site(search_config(config_path), out_dir) as index:
            outcome = index.search(query, doc_type, tags, regions, limit)
    except KcError as error:
        fail(error)
    if as_json:
        click.echo(to_json(outcome, explain))
    else:
        print_outcome(outcome, console(), explain)


@main.command(name="report")
@CONFIG_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "html", "json", "csv"]), default="text",
              show_default=True, help="Output format.")
@click.option("--out", type=click.Path(dir_okay=False), help="Write to FILE instead of stdout.")
@click.option("--owner", metavar="TEAM", help="Only findings for this owner team (a teams.yml id).")
@click.option("--region", metavar="REGION", help="Only findings about documents for this region.")
@click.option("--fail-on", "fail_on", multiple=True, metavar="KIND",
              help="Exit 1 if a finding of this kind, category (coverage, staleness, inconsistency, "
                   "orphan) or `any` is found (repeatable).")
@click.option("--today", "today_text", hidden=True, help="Pretend today is DATE (for tests).")
def health_report(config_path, fmt, out, owner, region, fail_on, today_text) -> None:
    """Knowledge-center health: coverage gaps, stale guidance, inconsistencies and orphans
    across every document (all audiences). See docs/health.md."""
    from .health.command import failing, make_report, render, write
    from .health.output import FAIL_ON_CHOICES, print_text
    try:
        unknown = [s for s in fail_on if s not in FAIL_ON_CHOICES]
        if unknown:
            raise click.BadParameter(f"unknown kind {unknown[0]!r}; use one of: {', '.join(FAIL_ON_CHOICES)}",
                                     param_hint="--fail-on")
        config = load_config(config_path)
        health = make_report(config, owner, region, parse_today(today_text))
        if owner and owner not in health.teams:
            from .suggest import did_you_mean
            guess = did_you_mean(owner, health.teams) or f"teams: {', '.join(health.teams)}"
            raise KcError(f"--owner: no team '{owner}' in content/teams.yml; {guess}")
        if fmt == "text" and not out:
            print_text(health, console())
        else:
            text = render(health, fmt, config)
            write(text, out) if out else click.echo(text, nl=False)
    except KcError as error:
        fail(error)
    found = failing(health, fail_on)
    if found:
        console(stderr=True).print(f"kc report: failing on {', '.join(found)}", markup=False, highlight=False)
        sys.exit(1)


def parse_today(text: str | None):
    from datetime import date

    from .digest.period import parse_date
    return parse_date("--today", text) or date.today()


@main.command(name="diff")
@CONFIG_OPTION
@click.argument("doc_id", metavar="ID")
@click.option("--from", "from_version", metavar="V", help="Older version [default: the one before --to].")
@click.option("--to", "to_version", metavar="V", help="Newer version [default: the current one].")
@click.option("--format", "fmt", type=click.Choice(["text", "html", "json", "md"]), default="text",
              show_default=True, help="Output format.")
@click.option("--audience", type=click.Choice(["public", "internal", "restricted"]), default="internal",
              show_default=True, help="Compare only versions this audience may read.")
def diff_command(config_path, doc_id, from_version, to_version, fmt, audience) -> None:
    """What changed in a document between two versions, section by section (from git history)."""
    from .history.command import find_diff
    from .history.render import to_html, to_json, to_markdown, to_rich
    try:
        diff = find_diff(run_check(load_config(config_path)), doc_id, from_version, to_version, audience)
    except KcError as error:
        fail(error)
    if fmt == "text":
        console().print(to_rich(diff), soft_wrap=True)
    else:
        click.echo({"html": lambda d: str(to_html(d)) + "\n", "json": to_json, "md": to_markdown}[fmt](diff),
                   nl=False)


@main.group(name="export")
def export_group() -> None:
    """Export the knowledge center for other tools (see the subcommands)."""


@export_group.command(name="data")
@CONFIG_OPTION
@click.option("--format", "fmt", type=click.Choice(["sqlite", "csv", "json"]), default="sqlite",
              show_default=True, help="sqlite: one database file; csv: a folder with one file per "
                                      "table; json: one object of tables.")
@click.option("--out", type=click.Path(), help="Where to write [default: kc-data.sqlite, kc-data/ "
                                               "for csv, stdout for json].")
@click.option("--today", "today_text", hidden=True, help="Pretend today is DATE (for tests).")
def export_data(config_path, fmt, out, today_text) -> None:
    """Corpus metadata of every audience as tables (documents, fields, references, teams,
    versions, findings, coverage) for SQL or Excel. Schema: docs/data-export.md."""
    from pathlib import Path

    from . import data_export
    from .health import analyze
    try:
        config = load_config(config_path)
        site = run_check(config, parse_today(today_text))
        data = data_export.tables(site, analyze(site))
        target = out or data_export.DEFAULT_OUT.get(fmt)
        if fmt == "sqlite":
            data_export.write_sqlite(data, Path(target))
        elif fmt == "csv":
            data_export.write_csv(data, Path(target))
        elif out:
            Path(out).write_text(data_export.to_json(data), encoding="utf-8")
        else:
            click.echo(data_export.to_json(data))
    except KcError as error:
        fail(error)
    if target:
        counts = ", ".join(f"{len(rows)} {name}" for name, rows in data.items())
        console(stderr=True).print(f"Wrote {display_path(target).rstrip('/')}: {counts}", markup=False,
                                   highlight=False, soft_wrap=True)


@export_group.command(name="mkdocs")
@CONFIG_OPTION
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for the MkDocs project (mkdocs.yml and docs/).")
@click.option("--audience", type=click.Choice(["public", "internal", "restricted"]),
              default="internal", show_default=True, help="Export only what this audience may see.")
@click.option("--drafts", is_flag=True, help="Also export draft documents (with a Draft banner).")
def export_mkdocs(config_path: str, out_dir: str, audience: str, drafts: bool) -> None:
    """A Material for MkDocs (or Zensical) project of the knowledge center. See docs/export.md."""
    from .errors import BuildFailed
    from .export.mkdocs import export
    try:
        result = export(load_config(config_path), out_dir, audience, drafts)
    except BuildFailed as failed:
        report.print_text(failed.diagnostics, getattr(failed, "documents", 0), console())
        console().print("Nothing was exported: fix the errors above, then run kc export mkdocs again.",
                        markup=False, highlight=False, soft_wrap=True)
        sys.exit(1)
    except KcError as error:
        fail(error)
    console().print(f"Exported {result.documents} document{'s' * (result.documents != 1)} for audience {result.audience} → "
                    f"{display_path(result.out_dir)} ({result.files} files). Next: cd {out_dir} && "
                    f"mkdocs serve", markup=False, highlight=False, soft_wrap=True)


@main.group(name="import")
def import_group() -> None:
    """Import a knowledge center from another tool (see the subcommands)."""


@import_group.command(name="mkdocs")
@click.argument("project", type=click.Path(file_okay=False))
@click.option("--out", "out_dir", default="kc-import", show_default=True, type=click.Path(file_okay=False),
              help="New folder for the kc knowledge center (must not exist, or be empty).")
def import_mkdocs(project: str, out_dir: str) -> None:
    """Read an MkDocs project (mkdocs.yml, docs/) into a new kc folder, best effort, and
    report what could not be mapped. See docs/export.md."""
    from .export.import_mkdocs import import_mkdocs as run_import
    try:
        result = run_import(project, out_dir)
    except KcError as error:
        fail(error)
    counts = ", ".join(f"{n} {t}" for t, n in sorted(result.counts.items())) or "no pages"
    console().print(f"Imported {sum(result.counts.values())} pages ({counts}) → "
                    f"{display_path(result.out_dir)}", markup=False, highlight=False, soft_wrap=True)
    if result.notes:
        console().print(f"Could not map everything ({len(result.notes)}):", markup=False, highlight=False)
        for note in result.notes:
            console().print(f"  {note}", markup=False, highlight=False, soft_wrap=True)
    console().print(f"Next: cd {out_dir} && kc check", markup=False, highlight=False)


if __name__ == "__main__":
    main()
