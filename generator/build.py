"""`kc build`: check, then render every page into a staging dir and swap it in.

    inputs unchanged since the last build of this folder? -> done, nothing written
    check (load, validate, link) -> refuse on errors, before touching the output
    -> staging dir next to the output -> assets, pages, sitemap.xml
    -> search.indexer.run(ctx) -> generator.feeds.run(ctx) -> atomic swap

Incremental: the manifest in .kc/builds/ (generator/incremental/) records each page's
key, a hash of its template context. A page whose key is unchanged is not rendered:
its previous file is linked into the staging dir. Output is the same bytes as a
clean build (`--clean` ignores the manifest), which tests/test_incremental.py checks
on random edit sequences.

A failing build (bad content, a template error, Ctrl-C) removes the staging dir
and leaves the previous site untouched. Output depends only on the input: no
clocks, sorted iteration, so two builds of the same input are byte-identical.
"""
from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

import jinja2

from . import feeds, output, parallel, pipeline
from .audience import check_audience, published, visible_teams
from .config import SiteConfig
from .diagnostics import Diagnostics
from .document import Document
from .files import write_files as write_content_files
from .history import prefetch as history_prefetch
from .errors import BuildFailed
from .incremental import dependencies, fingerprint
from .incremental.body_cache import BodyCache
from .incremental.manifest import Manifest, record_files
from .producers import all_pages
from .sitemap import sitemap
from .lookups import Lookups, build_lookups
from .output import write_file
from .pages import Page
from .render import RenderedPage, Resolver, paths_of
from .site import Site
from .theme import Asset, collect_assets, load_theme, make_environment, render_template
from .urls import out_path

Progress = Callable[[int, int], None]   # progress(done, total)


@dataclass
class BuildContext:
    """Everything a build stage reads. Stages after the pages (search index, feeds)
    write their files into out_dir; none of them may change the other fields."""
    site: Site                      # the checked corpus: every document, teams, diagnostics, today
    config: SiteConfig              # site_config.yml
    out_dir: Path                   # the STAGING dir being written (swapped into place at the end)
    audience: str                   # "public" | "internal" | "restricted": who this build is for
    drafts: bool                    # True with --drafts: draft documents are built (with a banner)
    pages: list[Document]           # documents built: audience.published(site, audience, drafts);
                                    # retired ones included (with a banner), use audience.listed()
                                    # to decide what goes into nav/search
    env: jinja2.Environment | None = None                    # the theme's templates
    assets: dict[str, Asset] = field(default_factory=dict)   # logical name -> fingerprinted asset
    bodies: dict[str, RenderedPage] = field(default_factory=dict)  # id -> rendered body (render stage)
    lookups: Lookups | None = None                           # by_id, listings, citations, terms, teams
    urls: list[str] = field(default_factory=list)            # site-relative URL of every page written
    nav_positions: dict[str, dict[int, int]] = field(default_factory=dict)  # type -> id(doc) -> place in nav
    memo: dict = field(default_factory=dict)                 # per-build precomputations, made on first use
    salt: str = ""                                           # what every page's key includes (theme, config)
    previous: Manifest | None = None                         # the last build of this folder (incremental)
    target: Path | None = None                               # the output folder the staging dir replaces
    page_keys: dict[str, str | None] = field(default_factory=dict)   # url -> key, for the next build
    rendered: int = 0                                        # pages rendered (not reused) in this build
    changed: set[str] | None = None                          # documents an edit of bodies changed
                                                             # (None: any page may have changed)
    shows: dict[str, list[str]] = field(default_factory=dict)   # url -> documents its context held
    jobs: int | None = None                                  # processes for the pages (None: one per core)


@dataclass(frozen=True)
class BuildResult:
    out_dir: Path
    audience: str
    pages: int          # HTML pages written
    documents: int      # documents among them
    bytes: int          # total size of the output
    seconds: float
    warnings: int
    diagnostics: Diagnostics | None = None     # the check's warnings, for the CLI to print
    documents_checked: tuple = ()              # every document, to explain those not built
    interrupted: bool = False                  # Ctrl-C came during the swap; the new site is in place
    rendered: int = 0                          # pages rendered this time; the others were reused
    note: str = ""                             # why some documents were not built, for the summary line
    up_to_date: bool = False                   # nothing changed since the last build: nothing written


def build(config: SiteConfig, out_dir: str | Path | None = None, audience: str = "internal",
          drafts: bool = False, today: date | None = None, progress: Progress | None = None,
          incremental: bool = True, jobs: int | None = None, background_cleanup: bool = False) -> BuildResult:
    """Build the site for `audience` into out_dir. incremental=False (`--clean`) renders
    every page and ignores what the last build recorded. background_cleanup: the old site is
    deleted by a detached process after the swap (see output.swap_in)."""
    started = time.perf_counter()
    check_audience(audience)
    theme = load_theme(config)
    today = today or date.today()
    target = Path(out_dir).resolve() if out_dir else config.output_path.resolve()
    previous = Manifest.load(config.root, target, audience, drafts)
    checked_at = time.time_ns()
    files = fingerprint.input_files(config, theme.folders)
    hashes = fingerprint.file_hashes(files, previous.inputs, previous.checked_at)
    site_key = fingerprint.site_key(config, hashes, audience, drafts, today)
    frame = fingerprint.frame_key(config, hashes, audience, drafts, today)
    if incremental and previous.site_key == site_key and previous.output_intact(target):
        output.remove_leftovers(target)     # of builds killed since; the site itself is current
        return unchanged_result(previous, target, audience, started)
    if not incremental:
        previous = Manifest(previous.path)
    history_prefetch.start(config)     # git history is read on another core during the check
    site = pipeline.check(config, today)
    if site.diagnostics.has_errors():
        failed = BuildFailed(site.diagnostics)
        failed.documents = len(site.documents)   # for the same summary line as `kc check`
        raise failed
    staging = output.prepare(config, target)
    try:
        pages = published(site, audience, drafts)
        ctx = BuildContext(site=site, config=config, out_dir=staging, audience=audience, drafts=drafts,
                           pages=pages, env=make_environment(theme), assets=collect_assets(theme),
                           previous=previous, target=target, jobs=jobs)
        ctx.salt = fingerprint.hash_text(site_key_salt(config, hashes, theme.folders, audience, drafts),
                                         *sorted(asset.path for asset in ctx.assets.values()))
        ctx.bodies = render_bodies(pages, progress, BodyCache(config.root, variant(audience, drafts),
                                                              read=incremental), jobs)
        states = dependencies.document_states(site.documents, ctx.bodies)
        ctx.changed = dependencies.changed_documents(previous.frame, previous.documents, frame, states)
        ctx.lookups = build_lookups(visible_teams(site.teams, audience), pages, drafts,
                                    {doc_id: body.refs for doc_id, body in ctx.bodies.items()})
        write_site(ctx, progress)
        write_content_files(ctx)   # images and attachments of the documents built (generator/files.py)
        from search import stage as search_stage
        search_stage.run(ctx)
        feeds.run(ctx)
        written = output.write_marker(staging)
        size = sum((staging / rel).stat().st_size for rel in written)
        interrupted = output.swap_in(staging, target, background_cleanup)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise output.OutputError(f"cannot write the site: {exc.strerror or exc}"
                                 f"{' (' + exc.filename + ')' if exc.filename else ''}; "
                                 f"the previous site is unchanged") from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    from .report import not_built_note
    result = BuildResult(target, audience, len(ctx.urls), len(pages), size,
                         time.perf_counter() - started, site.diagnostics.warning_count,
                         site.diagnostics, tuple(site.documents), interrupted, rendered=ctx.rendered,
                         note=not_built_note(site.documents, audience, drafts))
    save_manifest(previous.path, site_key, files, hashes, ctx, target, written, result, checked_at,
                  frame, states)
    return result


def site_key_salt(config: SiteConfig, hashes: dict[str, str], theme_folders, audience: str,
                  drafts: bool) -> str:
    """What every page depends on besides its context: kc's version, the settings, the theme."""
    folders = tuple(str(folder) for folder in theme_folders)
    theme = ";".join(f"{path}={digest}" for path, digest in sorted(hashes.items())
                     if path.startswith(folders))
    return fingerprint.hash_text(fingerprint.library_versions(), config.model_dump_json(),
                                 audience, str(drafts), theme)


def save_manifest(path, site_key, files, hashes, ctx: BuildContext, target: Path, written: list[str],
                  result: BuildResult, checked_at: int, frame: str, states: dict) -> None:
    """Record this build for the next one. Input stats are those read before the build, so a
    file edited while kc was building is seen as changed next time."""
    inputs = {name: [*stat, hashes[name]] for name, stat in files.items()}
    manifest = Manifest(path, site_key, inputs, ctx.page_keys, record_files(target, written),
                        [d.to_dict() for d in result.diagnostics or []],
                        {"pages": result.pages, "documents": result.documents, "bytes": result.bytes,
                         "note": result.note}, checked_at, frame, states, ctx.shows)
    manifest.save()


def unchanged_result(previous: Manifest, target: Path, audience: str, started: float) -> BuildResult:
    """The last build of this folder had exactly these inputs: its output stands as it is."""
    warnings = Diagnostics()
    for item in previous.warnings:
        warnings.add(item["code"], item["path"], item["line"], item["column"], item["message"],
                     item.get("hint"), item["severity"])
    summary = previous.summary
    return BuildResult(target, audience, summary.get("pages", 0), summary.get("documents", 0),
                       summary.get("bytes", 0), time.perf_counter() - started, warnings.warning_count,
                       warnings, (), up_to_date=True, note=summary.get("note", ""))


def render_bodies(pages: list[Document], progress: Progress | None = None,
                  cache: BodyCache | None = None, jobs: int | None = 1) -> dict[str, RenderedPage]:
    """The render stage: every body to safe HTML, one pure call per document (or its
    cached result, when the document and every link target it names are unchanged),
    across `jobs` processes."""
    visible = {doc.id: doc for doc in pages}
    by_path = paths_of(visible)
    cache = cache or BodyCache(None, "")

    def render(doc: Document):
        return cache.render(doc, Resolver(doc, visible, by_path))
    done = (lambda n: progress(n, 2 * len(pages))) if progress else None   # pages: as many steps again
    bodies = {}
    for doc, (rendered, entry) in zip(pages, parallel.ordered_map(render, pages, jobs, done)):
        bodies[doc.id] = rendered
        cache.keep(doc, entry)
    cache.save()
    return bodies


def variant(audience: str, drafts: bool) -> str:
    return audience + ("+drafts" if drafts else "")


def write_site(ctx: BuildContext, progress: Progress | None = None) -> None:
    """Every page into the staging dir: rendered, or linked from the previous site when
    its key is unchanged. Pages are independent, so they go across ctx.jobs processes."""
    for asset in ctx.assets.values():
        write_file(ctx.out_dir, asset.path, asset.content)
    pages, offset = all_pages(ctx), len(ctx.bodies)
    done = (lambda n: progress(offset + n, offset + len(pages))) if progress else None
    for url, key, shows, rendered in parallel.ordered_map(lambda page: write_page(ctx, page), pages,
                                                          ctx.jobs, done):
        ctx.page_keys[url] = key
        ctx.shows[url] = shows
        ctx.urls.append(url)
        ctx.rendered += rendered
    write_file(ctx.out_dir, "sitemap.xml", sitemap(ctx, ctx.urls).encode("utf-8"))


def write_page(ctx: BuildContext, page: Page) -> tuple[str, str | None, list[str], bool]:
    """(url, key, documents shown, rendered?) of one page written into the staging dir.
    A page showing none of the documents an edit changed keeps its key and file without
    its context being built; any other page is keyed, and rendered if its key changed."""
    rel = out_path(page.url)
    previous = ctx.previous if ctx.previous and ctx.target else None
    if previous is not None and ctx.changed is not None:
        kept = previous.unaffected(ctx.target, page.url, rel, ctx.changed)
        if kept is not None and output.link_file(ctx.out_dir, rel, kept[1]):
            return page.url, kept[0], previous.shows[page.url], False
    context = page.context()
    shows: set[str] = set()
    key = fingerprint.page_key(ctx.salt, page.url, page.template, context, shows)
    old = previous.reusable(ctx.target, page.url, rel, key) if previous is not None else None
    if old is not None and output.link_file(ctx.out_dir, rel, old):
        return page.url, key, sorted(shows), False
    write_file(ctx.out_dir, rel, render_template(ctx.env, page.template, context).encode("utf-8"))
    return page.url, key, sorted(shows), True
