"""`kc build`: check, then render every page into a staging dir and swap it in.

    check (load, validate, link) -> refuse on errors, before touching the output
    -> staging dir next to the output -> assets, pages, sitemap.xml
    -> search.indexer.run(ctx) -> generator.feeds.run(ctx) -> atomic swap

A failing build (bad content, a template error, Ctrl-C) removes the staging dir
and leaves the previous site untouched. Output depends only on the input: no
clocks, sorted iteration, so two builds of the same input are byte-identical.
"""
from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import jinja2

from . import feeds, output, pipeline
from .audience import check_audience, published, visible_teams
from .config import SiteConfig
from .diagnostics import Diagnostics
from .document import Document
from .errors import BuildFailed
from .listings import listing_pages, sitemap
from .lookups import Lookups, build_lookups
from .output import write_file
from .pages import Page, document_page
from .render import RenderedPage, Resolver, render_body
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


def build(config: SiteConfig, out_dir: str | Path | None = None, audience: str = "internal",
          drafts: bool = False, today=None, progress: Progress | None = None) -> BuildResult:
    started = time.perf_counter()
    check_audience(audience)
    theme = load_theme(config)
    site = pipeline.check(config, today)
    if site.diagnostics.has_errors():
        failed = BuildFailed(site.diagnostics)
        failed.documents = len(site.documents)   # for the same summary line as `kc check`
        raise failed
    target = Path(out_dir).resolve() if out_dir else config.output_path.resolve()
    staging = output.prepare(config, target)
    try:
        pages = published(site, audience, drafts)
        ctx = BuildContext(site=site, config=config, out_dir=staging, audience=audience, drafts=drafts,
                           pages=pages, env=make_environment(theme), assets=collect_assets(theme))
        ctx.bodies = render_bodies(pages, progress)
        ctx.lookups = build_lookups(visible_teams(site.teams, audience), pages, drafts,
                                    {doc_id: body.refs for doc_id, body in ctx.bodies.items()})
        write_site(ctx, progress)
        from search import indexer
        indexer.run(ctx)
        feeds.run(ctx)
        output.write_marker(staging)
        size = sum(p.stat().st_size for p in staging.rglob("*") if p.is_file())
        interrupted = output.swap_in(staging, target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise output.OutputError(f"cannot write the site: {exc.strerror or exc}"
                                 f"{' (' + exc.filename + ')' if exc.filename else ''}; "
                                 f"the previous site is unchanged") from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return BuildResult(target, audience, len(ctx.urls), len(pages), size,
                       time.perf_counter() - started, site.diagnostics.warning_count,
                       site.diagnostics, tuple(site.documents), interrupted)


def render_bodies(pages: list[Document], progress: Progress | None = None) -> dict[str, RenderedPage]:
    """The render stage: every body to safe HTML, one pure call per document."""
    visible = {doc.id: doc for doc in pages}
    bodies = {}
    for done, doc in enumerate(pages, 1):
        bodies[doc.id] = render_body(doc, Resolver(doc, visible))
        if progress:
            progress(done, 2 * len(pages))   # the pages stage has about as many steps again
    return bodies


def all_pages(ctx: BuildContext) -> list[Page]:
    from .health.page import health_pages
    from .history.pages import history_pages
    return ([document_page(ctx, doc) for doc in ctx.pages] + listing_pages(ctx) + health_pages(ctx)
            + history_pages(ctx))


def render_page(ctx: BuildContext, page: Page) -> str:
    """Pure: the HTML of one page, from the read-only context."""
    return render_template(ctx.env, page.template, page.context())


def write_site(ctx: BuildContext, progress: Progress | None = None) -> None:
    for asset in ctx.assets.values():
        write_file(ctx.out_dir, asset.path, asset.content)
    pages, offset = all_pages(ctx), len(ctx.bodies)
    for done, page in enumerate(pages, 1):
        write_file(ctx.out_dir, out_path(page.url), render_page(ctx, page).encode("utf-8"))
        ctx.urls.append(page.url)
        if progress:
            progress(offset + done, offset + len(pages))
    write_file(ctx.out_dir, "sitemap.xml", sitemap(ctx, ctx.urls).encode("utf-8"))


