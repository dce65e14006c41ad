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
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

import jinja2

from . import feeds, gc_pause, output, parallel, pipeline
from .audience import check_audience, published, visible_teams
from .build_result import BuildResult
from .config import SiteConfig
from .document import Document
from .files import write_files as write_content_files
from .history import prefetch as history_prefetch
from .errors import BuildFailed
from .incremental import dependencies, fingerprint
from .incremental.body_cache import BodyCache
from .incremental.manifest import Manifest
from .incremental.session import Session
from .incremental.up_to_date import Inputs, output_folder, read_inputs, result_if_unchanged
from .producers import all_pages
from .sitemap import sitemap
from .lookups import Lookups, build_lookups
from .output import write_file
from .pages import Page
from .render import RenderedPage, Resolver, paths_of
from .site import Site
from .theme import Asset, collect_assets, make_environment, render_template
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
    in_place: bool = False                                   # out_dir is the output folder itself
    jobs: int | None = None                                  # processes for the pages (None: one per core)
    searchable: list[str] = field(default_factory=list)      # URLs of the pages Pagefind indexes


def build(config: SiteConfig, out_dir: str | Path | None = None, audience: str = "internal",
          drafts: bool = False, today: date | None = None, progress: Progress | None = None,
          incremental: bool = True, jobs: int | None = None, background_cleanup: bool = False,
          session: Session | None = None, inputs: Inputs | None = None) -> BuildResult:
    """Build the site for `audience` into out_dir. incremental=False (`--clean`) renders
    every page and ignores what the last build recorded. background_cleanup: the old site is
    deleted by a detached process after the swap (see output.swap_in). session: what a
    long-running process (the live preview) keeps between builds; once its folder exists,
    a build updates it in place and leaves the search index, feeds and manifest to
    session.finish() (see incremental/session.py). inputs: read_inputs() of these settings,
    when the caller already found them changed (the CLI decides that before importing this
    module)."""
    if session is not None:
        session.settle()
    check_audience(audience)
    if inputs is None:
        target = output_folder(config, out_dir)
        inputs = read_inputs(config, target, audience, drafts, today,
                             session.previous(config.root, target, audience, drafts)
                             if session is not None else None)
        unchanged = result_if_unchanged(inputs, audience, background_cleanup) if incremental else None
        if unchanged is not None:
            return unchanged
    started, target = inputs.started, inputs.target
    theme, today, previous, checked_at = inputs.theme, inputs.today, inputs.previous, inputs.checked_at
    files, hashes, frame, site_key = inputs.files, inputs.hashes, inputs.frame, inputs.site_key
    if not incremental:
        previous = Manifest(previous.path)
    history_prefetch.start(config)     # git history is read on another core during the check
    gc_pause.allow_collection()        # the last build's corpus, in a long-running process
    site = pipeline.check(config, today, session.loaded if session is not None else None)
    gc_pause.exempt_from_collection()
    if site.diagnostics.has_errors():
        failed = BuildFailed(site.diagnostics)
        failed.documents = len(site.documents)   # for the same summary line as `kc check`
        raise failed
    in_place = session is not None and bool(previous.files) and output.is_site(target)
    out = output.prepare_in_place(config, target) if in_place else output.prepare(config, target)
    with abandoned_on_failure(out, in_place, session):
        pages = published(site, audience, drafts)
        ctx = BuildContext(site=site, config=config, out_dir=out, audience=audience, drafts=drafts,
                           pages=pages, env=make_environment(theme), assets=collect_assets(theme),
                           previous=previous, target=target, jobs=jobs, in_place=in_place)
        ctx.salt = fingerprint.hash_text(site_key_salt(config, hashes, theme.folders, audience, drafts),
                                         *sorted(asset.path for asset in ctx.assets.values()))
        cache = (session.body_cache(config.root, variant(audience, drafts)) if session is not None
                 else BodyCache(config.root, variant(audience, drafts), read=incremental))
        ctx.bodies = render_bodies(pages, progress, cache, jobs, save=session is None)
        states = dependencies.document_states(site.documents, ctx.bodies)
        ctx.changed = dependencies.changed_documents(previous.frame, previous.documents, frame, states)
        ctx.lookups = build_lookups(visible_teams(site.teams, audience), pages, drafts,
                                    {doc_id: body.refs for doc_id, body in ctx.bodies.items()})
        if in_place:
            output.start_tracking(out)
        write_site(ctx, progress)
        write_content_files(ctx)   # images and attachments of the documents built (generator/files.py)
    from .report import not_built_note
    summary = dict(documents=len(pages), warnings=site.diagnostics.warning_count,
                   diagnostics=site.diagnostics, documents_checked=tuple(site.documents),
                   rendered=ctx.rendered, note=not_built_note(site.documents, audience, drafts))

    def finish(search: bool = True) -> BuildResult:
        """Feeds, the search index (unless a newer build will make it), the marker, the swap
        (or the removal of stale files) and the manifest."""
        with abandoned_on_failure(out, in_place, session):
            from search import stage as search_stage
            feeds_first = in_place or not search    # else they are written while Pagefind runs

            def write_feeds():
                feeds.run(ctx, kept=lambda rel: kept_listing(ctx, rel))
            if feeds_first:
                write_feeds()
            if in_place:     # before the search stage, which indexes the folder's pages
                output.remove_stale(out, previous.files, output.stop_tracking(out)
                                    | {out_path(url) for url in ctx.urls}, search_stage.FOLDERS)
            if search:
                search_stage.run(ctx, meanwhile=None if feeds_first else write_feeds)
            recorded = output.write_marker(out)
            interrupted = output.swap_in(out, target, background_cleanup) if not in_place else False
        result = BuildResult(target, audience, len(ctx.urls), bytes=sum(v[0] for v in recorded.values()),
                             seconds=time.perf_counter() - started, interrupted=interrupted, **summary)
        # without its search index, the folder is not yet this input's whole site: no site key,
        # so the next build is never a no-op (its pages are still reused)
        manifest = save_manifest(previous.path, site_key if search else "", files, hashes, ctx, recorded,
                                 result, checked_at, frame, states)
        if session is not None:
            session.manifest = manifest
            cache.save()
        return result

    if in_place:
        session.pending = finish
        return BuildResult(target, audience, len(ctx.urls), bytes=0, seconds=time.perf_counter() - started,
                           **summary)
    return finish()


@contextmanager
def abandoned_on_failure(out: Path, in_place: bool, session: Session | None):
    """A failed build (bad template, full disk, Ctrl-C): the staging folder goes; a folder
    updated in place is no longer what the session's manifest describes, so the next build
    checks every file again. A file system error becomes a one-line OutputError."""
    try:
        yield
    except BaseException as exc:
        if in_place:
            output.stop_tracking(out)
            if session is not None:
                session.manifest = None
        else:
            shutil.rmtree(out, ignore_errors=True)
        if isinstance(exc, OSError):
            raise output_error(exc, in_place) from exc
        raise


def output_error(exc: OSError, in_place: bool) -> output.OutputError:
    return output.OutputError(f"cannot write the site: {exc.strerror or exc}"
                              f"{' (' + exc.filename + ')' if exc.filename else ''}; "
                              + ("the preview will be rebuilt in full" if in_place
                                 else "the previous site is unchanged"))


def site_key_salt(config: SiteConfig, hashes: dict[str, str], theme_folders, audience: str,
                  drafts: bool) -> str:
    """What every page depends on besides its context: kc's version, the settings, the theme."""
    folders = tuple(str(folder) for folder in theme_folders)
    theme = ";".join(f"{path}={digest}" for path, digest in sorted(hashes.items())
                     if path.startswith(folders))
    return fingerprint.hash_text(fingerprint.library_versions(), config.model_dump_json(),
                                 audience, str(drafts), theme)


def save_manifest(path, site_key, files, hashes, ctx: BuildContext, recorded: dict[str, list],
                  result: BuildResult, checked_at: int, frame: str, states: dict) -> Manifest:
    """Record this build for the next one. Input stats are those read before the build, so a
    file edited while kc was building is seen as changed next time."""
    inputs = {name: [*stat, hashes[name]] for name, stat in files.items()}
    manifest = Manifest(path, site_key, inputs, ctx.page_keys, recorded,
                        [d.to_dict() for d in result.diagnostics or []],
                        {"pages": result.pages, "documents": result.documents, "bytes": result.bytes,
                         "note": result.note}, checked_at, frame, states, ctx.shows)
    manifest.save()
    return manifest


def render_bodies(pages: list[Document], progress: Progress | None = None,
                  cache: BodyCache | None = None, jobs: int | None = 1, save: bool = True) -> dict[str, RenderedPage]:
    """The render stage: every body to safe HTML, one pure call per document, or its
    cached result when the document and every link target it names are unchanged.
    Cache hits are decided here (replaying a few recorded answers); only the misses go
    across `jobs` processes, so a one-edit build renders one body and pickles nothing."""
    visible = {doc.id: doc for doc in pages}
    by_path = paths_of(visible)
    cache = cache or BodyCache(None, "")
    bodies: dict[str, RenderedPage] = {}
    misses = []
    for doc in pages:
        hit = cache.cached(doc, Resolver(doc, visible, by_path))
        if hit is None:
            misses.append(doc)
        else:
            bodies[doc.id] = hit
    hits = len(pages) - len(misses)
    if progress:
        progress(hits, 2 * len(pages))      # pages: as many steps again
    done = (lambda n: progress(hits + n, 2 * len(pages))) if progress else None
    rendered = parallel.ordered_map(lambda doc: cache.render(doc, Resolver(doc, visible, by_path)),
                                    misses, jobs, done)
    for doc, (body, entry) in zip(misses, rendered):
        bodies[doc.id] = body
        cache.keep(doc, entry)
    if save:
        cache.save()
    return {doc.id: bodies[doc.id] for doc in pages}


def variant(audience: str, drafts: bool) -> str:
    return audience + ("+drafts" if drafts else "")


def write_site(ctx: BuildContext, progress: Progress | None = None) -> None:
    """Every page into the staging dir: rendered, or linked from the previous site when
    its key is unchanged. The pages an edit of bodies left alone are linked here (a link
    each: sending them to other processes and their lists of documents back cost more);
    the others are independent, so they go across ctx.jobs processes."""
    for asset in ctx.assets.values():
        write_file(ctx.out_dir, asset.path, asset.content)
    pages, offset = all_pages(ctx), len(ctx.bodies)
    ctx.searchable = [page.url for page in pages if page.searchable]
    results = [kept_page(ctx, page) for page in pages]
    todo = [page for page, result in zip(pages, results) if result is None]
    kept, total = len(pages) - len(todo), offset + len(pages)
    if progress:
        progress(offset + kept, total)
    done = (lambda n: progress(offset + kept + n, total)) if progress else None
    written = iter(parallel.ordered_map(lambda page: write_page(ctx, page), todo, ctx.jobs, done))
    for result in results:
        url, key, shows, rendered = result if result is not None else next(written)
        ctx.page_keys[url] = key
        ctx.shows[url] = shows
        ctx.urls.append(url)
        ctx.rendered += rendered
    if not kept_listing(ctx, "sitemap.xml"):
        write_file(ctx.out_dir, "sitemap.xml", sitemap(ctx, ctx.urls).encode("utf-8"))


def kept_listing(ctx: BuildContext, rel: str) -> bool:
    """Keep the last build's copy of a file made from the list of pages and the documents'
    shapes (the sitemap, the feeds), when an edit changed only bodies and the same pages
    exist; False when it must be made again."""
    previous = ctx.previous
    if ctx.changed is None or previous is None or ctx.target is None or previous.pages.keys() != ctx.page_keys.keys():
        return False
    old = previous.intact_file(ctx.target, rel)
    return old is not None and keep_file(ctx, rel, old)


def kept_page(ctx: BuildContext, page: Page) -> tuple[str, str, list[str], bool] | None:
    """(url, key, documents shown, False) of a page showing none of the documents an edit
    of bodies changed: it keeps its key and file without its context being built. None
    for any other page (write_page)."""
    previous = ctx.previous
    if previous is None or ctx.target is None or ctx.changed is None:
        return None
    rel = out_path(page.url)
    kept = previous.unaffected(ctx.target, page.url, rel, ctx.changed)
    if kept is not None and keep_file(ctx, rel, kept[1]):
        return page.url, kept[0], previous.shows[page.url], False
    return None


def write_page(ctx: BuildContext, page: Page) -> tuple[str, str | None, list[str], bool]:
    """(url, key, documents shown, rendered?) of one page written into the staging dir:
    keyed, and rendered if its key changed."""
    rel = out_path(page.url)
    previous = ctx.previous if ctx.previous and ctx.target else None
    context = page.context()
    shows: set[str] = set()
    key = fingerprint.page_key(ctx.salt, page.url, page.template, context, shows)
    old = previous.reusable(ctx.target, page.url, rel, key) if previous is not None else None
    if old is not None and keep_file(ctx, rel, old):
        return page.url, key, sorted(shows), False
    write_file(ctx.out_dir, rel, render_template(ctx.env, page.template, context).encode("utf-8"))
    return page.url, key, sorted(shows), True


def keep_file(ctx: BuildContext, rel: str, old: Path) -> bool:
    """The previous file of a page stays: linked into the staging dir, or left where it is
    when the folder is updated in place."""
    if ctx.in_place:
        output.track(ctx.out_dir, rel)
        return True
    return output.link_file(ctx.out_dir, rel, old)
