"""`kc export mkdocs`: the knowledge center as a Material for MkDocs project.

    OUT/mkdocs.yml                  theme, extensions, navigation by content type
    OUT/docs/index.md               home: the sections
    OUT/docs/<section>/index.md     a section's documents
    OUT/docs/<section>/<id>.md      one page per published document of the audience
    OUT/docs/files/<path>           the images and attachments those pages link (as kc build)

Documents are chosen by generator.audience exactly as `kc build` chooses them
(published for the pages, listed for the navigation), so a public export holds nothing
internal. The folder is written like a site: staged, marked, swapped in atomically, and
never over a non-empty folder kc did not write.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from .. import output, pipeline
from ..audience import check_audience, listed, published, visible_teams
from ..config import SiteConfig
from ..errors import BuildFailed
from ..files import OUTPUT_FOLDER
from ..lookups import by_title
from ..urls import SECTIONS
from . import mkdocs_config, page
from .body import Exported


@dataclass(frozen=True)
class ExportResult:
    out_dir: Path
    audience: str
    documents: int
    files: int
    warnings: int


def export(config: SiteConfig, out_dir: str | Path, audience: str = "internal", drafts: bool = False,
           today=None) -> ExportResult:
    check_audience(audience)
    site = pipeline.check(config, today)
    if site.diagnostics.has_errors():
        failed = BuildFailed(site.diagnostics)
        failed.documents = len(site.documents)
        raise failed
    docs = published(site, audience, drafts)
    paths = {doc.id: f"{SECTIONS[doc.type]}/{doc.id}.md" for doc in docs}
    teams = visible_teams(site.teams, audience)
    ctx = page.PageContext(Exported({doc.id: doc for doc in docs}, paths), teams,
                           audience in config.review_dates, site.successors)
    sections = sections_of(config, docs, drafts)
    unlisted = sorted(paths[doc.id] for doc in docs if not listed(doc, drafts))
    files = {"mkdocs.yml": mkdocs_config.mkdocs_yml(config, audience, sections, paths, unlisted, teams),
             "docs/index.md": mkdocs_config.home_page(config, sections)}
    for doc_type, section_docs in sections.items():
        files[f"docs/{mkdocs_config.section_index(doc_type)}"] = mkdocs_config.section_page(
            doc_type, section_docs, paths)
    for doc in docs:
        files[f"docs/{paths[doc.id]}"] = page.render(doc, ctx)
        for found in doc.files.values():     # images and attachments of exported documents only
            files[f"docs/{OUTPUT_FOLDER}/{found.path}"] = config.content_path / found.path
    target = Path(out_dir).resolve()
    write(config, target, files)
    return ExportResult(target, audience, len(docs), len(files), site.diagnostics.warning_count)


def sections_of(config: SiteConfig, docs, drafts: bool) -> dict[str, list]:
    """Content type -> its listed documents, in the configured order; newsletters newest first."""
    sections = {}
    for doc_type in config.nav:
        shown = sorted((d for d in docs if d.type == doc_type and listed(d, drafts)), key=by_title)
        if doc_type == "newsletter":
            shown.sort(key=lambda d: (d.get("date"), d.id), reverse=True)
        if shown:
            sections[doc_type] = shown
    return sections


def write(config: SiteConfig, target: Path, files: dict[str, str | Path]) -> None:
    """files: path in the export -> text, or the content file to copy."""
    staging = output.prepare(config, target)
    try:
        for rel, content in sorted(files.items()):
            data = content.read_bytes() if isinstance(content, Path) else content.encode("utf-8")
            output.write_file(staging, rel, data)
        output.write_marker(staging)
        output.swap_in(staging, target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise output.OutputError(f"cannot write the export: {exc.strerror or exc}; "
                                 f"{target} is unchanged") from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
